/**
 * Split each horizontal table of a vertical book that is taller than the text area (`height`
 * px) into several tables, each repeating the header. Chromium cannot break a horizontal table
 * inside vertical-rl text across pages: whatever passes the page's foot is cut off.
 * Returns how many tables were split, and how many rows are still too tall for a page.
 */
export function splitTallTables(height: number): {split: number; tooTall: number} {
  // Keep a margin: a table that just fits makes Chromium add an empty page after it.
  const limit = height * 0.9;

  let split = 0;
  let tooTall = 0;
  for (const table of [...document.querySelectorAll('table')]) {
    if (table.getBoundingClientRect().height <= limit) continue;
    const head = table.tHead;
    const rows = [...table.tBodies].flatMap((body) => [...body.rows]);
    const room = limit - (head?.getBoundingClientRect().height ?? 0) - 4;
    const chunks: HTMLTableRowElement[][] = [[]];
    let used = 0;
    for (const row of rows) {
      const height = row.getBoundingClientRect().height;
      if (height > room) tooTall++;
      if (used + height > room && chunks.at(-1)!.length > 0) {
        chunks.push([]);
        used = 0;
      }
      chunks.at(-1)!.push(row);
      used += height;
    }
    if (chunks.length < 2) continue;
    let previous: HTMLTableElement = table;
    for (const chunk of chunks.slice(1)) {
      const next = table.cloneNode(false) as HTMLTableElement;
      next.removeAttribute('id');
      next.classList.add('table-continued');
      if (head) next.append(head.cloneNode(true));
      const body = document.createElement('tbody');
      body.append(...chunk);
      next.append(body);
      previous.after(next);
      previous = next;
    }
    split++;
  }
  return {split, tooTall};
}
