/**
 * Load every font slice the document's text needs, in every face and weight given. Run it
 * before layout: a slice arriving later would change line breaks on pages already cut.
 */
export async function loadFonts(families: Array<[string, number[]]>): Promise<void> {
  const text = document.body.textContent ?? '';
  // Also the marks CSS draws without their being in the text: emphasis dots, digits of folios.
  const sample = [...new Set(`${text}0123456789ivxlcdm目录·…—•●◦○﹅﹆`)].join('');
  await Promise.all(families.flatMap(([family, weights]) => weights.map((weight) => document.fonts.load(`${weight} 12pt "${family}"`, sample))));
  await document.fonts.ready;
}

/**
 * Lay the whole document out and wait for the slices it asked for: for a document laid out
 * already (the horizontal book's pages), whose text and fonts are known. Reading every
 * character as {@link loadFonts} does took 7 s on a book of 789 pages; this, under one.
 */
export async function fontsInUse(): Promise<void> {
  document.body.getBoundingClientRect();
  await document.fonts.ready;
}
