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

/** A face by its descriptors: the same in every document that declares it from the same sheet. */
const faceKey = (face: FontFace) => [face.family, face.weight, face.style, face.stretch, face.unicodeRange].join('|');

/** The faces this document has loaded: what a document of its pages must load to print them as laid out. */
export function loadedFaces(): string[] {
  return [...document.fonts].filter((face) => face.status === 'loaded').map(faceKey);
}

/**
 * Load the faces named by {@link loadedFaces}'s keys, and wait: fonts for a print, without
 * laying the document out for the screen to make it ask for them (a 789-page book: 0.2–5 s of
 * layout the print does again at its own size).
 */
export async function loadFaces(keys: string[]): Promise<void> {
  const wanted = new Set(keys);
  await Promise.all([...document.fonts].filter((face) => wanted.has(faceKey(face))).map((face) => face.load()));
}
