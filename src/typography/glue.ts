/** A piece of text, and whether it must not be broken across lines. */
export interface Piece {
  text: string;
  glue: boolean;
}

/**
 * Runs that must stay on one line (docs/typography.md rules 6 and 7): the two-em `——` and
 * `……` never split, and the middle dot `·` and wave dash `～` never start a line, so each
 * is glued to the character before it.
 */
export function gluePieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of text.matchAll(/——|……|\S[·～]/gu)) {
    if (match.index > last) pieces.push({text: text.slice(last, match.index), glue: false});
    pieces.push({text: match[0], glue: true});
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push({text: text.slice(last), glue: false});
  return pieces;
}
