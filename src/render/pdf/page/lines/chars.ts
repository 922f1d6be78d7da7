/** The characters the line pass tells apart, and the invisible ones it puts in. */

export const WORD_JOINER = '\u2060';
export const SOFT_HYPHEN = '\u00AD';

/** What the pass reads past: white space and the invisible marks it (or the manuscript) put in. */
export const INVISIBLE = /\s|\u2060|\u00AD|\u200B/;

/** A Latin run that may be broken to fill a loose line, and the letters of a word in it. */
export const LATIN_RUN = /[\x21-\x7E\p{Script=Latin}]/u;
export const LETTER = /[A-Za-z\p{Script=Latin}]/u;

export const isHan = (c: string) => /\p{Script=Han}/u.test(c);
export const isCjk = (c: string) => /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF“”‘’《》〈〉…—]/u.test(c);
