/**
 * The document as the line pass measures it: laid out at the text area's extent along the
 * line, its notes as the page foot sets them. Returns what puts it back.
 */

/** What the pass is told about the page it lays lines out for. */
export interface PassLayout {
  /** The text area's extent along the line, in CSS px. */
  inline: number;
  vertical: boolean;
  /** Whether the engine keeps the body's margin (Chromium's own print does, Paged.js lays the body's content straight into its page boxes). */
  bodyMargin: boolean;
  /** After pagination the lines are laid out in their pages already: nothing moves. */
  laidOut: boolean;
}

/** Lay the document out for the pass (see the module comment); the function returned puts it back as it was. */
export function layOutForPass({inline, vertical, bodyMargin, laidOut}: PassLayout): () => void {
  const root = document.documentElement;
  const saved = [root.style.width, root.style.height, document.body.style.margin];
  if (!laidOut && vertical) root.style.height = `${inline}px`;
  else if (!laidOut) root.style.width = `${inline}px`;
  if (!laidOut && !bodyMargin) document.body.style.margin = '0';
  const putNotesBack = layOutNotesAtFoot(laidOut);
  return () => {
    putNotesBack();
    if (!laidOut) [root.style.width, root.style.height, document.body.style.margin] = saved as [string, string, string];
  };
}

/**
 * Notes leave the line for the page foot (Paged.js's float: footnote), where only their
 * call stays: lay the lines out that way, with a call as wide as Paged.js's, and lay each
 * note's own lines out as the foot sets them (a list item, its number inside) in a copy
 * whose corrected content goes back into the note at the end (the function returned).
 */
function layOutNotesAtFoot(laidOut: boolean): () => void {
  const hidden = document.createElement('style');
  hidden.textContent =
    '.footnote:not(.line-pass-note) { display: none !important; } .line-pass-call { font-size: 0.75em; vertical-align: super; line-height: 0; }' +
    '.line-pass-note { display: list-item !important; list-style-position: inside; text-indent: 0; } .line-pass-note::marker { content: "① "; }';
  if (!laidOut) document.head.append(hidden);
  const calls = [...document.querySelectorAll(laidOut ? ':not(*)' : '.footnote')].map((note) => {
    const call = document.createElement('span');
    call.className = 'line-pass-call';
    call.textContent = '①';
    note.before(call);
    return call;
  });
  const foot = document.createElement('div');
  document.body.append(foot);
  const notes = [...document.querySelectorAll(laidOut ? ':not(*)' : '.footnote')].map((note): [Element, Element] => {
    const copy = note.cloneNode(true) as Element;
    copy.removeAttribute('id');
    copy.classList.add('line-pass-note');
    foot.append(copy);
    return [note, copy];
  });
  return () => {
    for (const [note, copy] of notes) note.replaceChildren(...copy.childNodes);
    foot.remove();
    for (const call of calls) call.remove();
    hidden.remove();
  };
}
