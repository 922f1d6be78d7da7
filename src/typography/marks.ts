/**
 * The full-width marks of Chinese text, declared once for every rule that sorts them: the
 * punctuation lints, markup spacing and the line pass in the print page (clreq §3.1, GB/T 15834).
 */

/** Marks that may not begin a line (rule 6), and whose ink sits on their left half. */
export const CLOSING_MARKS = '，。、；：？！）》」』〉】〕’”';

/** Marks that may not end a line (rule 6), and whose ink sits on their right half. */
export const OPENING_MARKS = '（《「『〈【〔‘“';

/** Marks set at half width when they end a justified line (rule 9, GB/T 15834 §5.1.10). */
export const LINE_END_MARKS = '。，、；：';

/** Marks a loose line may set at half width to take up its stretch (clreq 标点挤压): the closing and opening ones. */
export const SQUEEZABLE_MARKS = CLOSING_MARKS + OPENING_MARKS;
