/** What the line pass found and did. */
export interface LineStats {
  /** Lines (columns) measured. */
  lines: number;
  /** Marks glued so that no line starts with a closing or ends with an opening mark. */
  glued: number;
  /** Loose lines tightened by a break inside the word that followed them. */
  tightened: number;
  /** Loose lines tightened by setting their full-width marks at half width (clreq 标点挤压). */
  compressed: number;
  /** Loose lines whose Latin runs were let take part of the stretch. */
  spread: number;
  /** Line-end marks set at half width (rule 9). */
  halved: number;
  /** Line-end marks left full width because halving them changed the line. */
  halveUndone: number;
  /** Long paragraphs cut into blocks of lines (for Paged.js). */
  chunked: number;
  /** What is still wrong after the pass, with a few examples (line text). */
  startViolations: number;
  endViolations: number;
  looseLines: number;
  examples: string[];
}

/** Nothing found or done yet. */
export function noLineStats(): LineStats {
  return {
    lines: 0,
    glued: 0,
    tightened: 0,
    compressed: 0,
    spread: 0,
    halved: 0,
    halveUndone: 0,
    chunked: 0,
    startViolations: 0,
    endViolations: 0,
    looseLines: 0,
    examples: [],
  };
}
