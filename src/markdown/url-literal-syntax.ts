import type {Data} from 'unified';

// micromark's types, reached through the `micromarkExtensions` that remark-parse registers on
// unified (micromark-util-types is no dependency of huibian's own).
type Extension = NonNullable<Data['micromarkExtensions']>[number];
type Construct = Exclude<NonNullable<NonNullable<Extension['text']>[string]>, unknown[]>;
type Tokenizer = Construct['tokenize'];
type State = Parameters<Tokenizer>[1];
type Code = Parameters<State>[0];
type TokenType = Parameters<Parameters<Tokenizer>[0]['enter']>[0];

/** Marks GFM leaves out at a URL's end (with `&name;` and a `]` before `(` or `[`). */
const TRAILING = `!"')*,.:;?_~`;
/** Marks in a URL's path that may begin its trailing marks. */
const PATH_TRAILING = `${TRAILING}&]`;

/**
 * Printable ASCII but `<`: what a bare URL is made of. RFC 3986 allows no other character in a
 * URL, and GFM too ends one at `<`; so a Han character or a full-width mark ends it, as a space does.
 */
function inUrl(code: Code): code is number {
  return code !== null && code > 0x20 && code < 0x7f && code !== 0x3c;
}

/**
 * How much of `run` (printable ASCII from an `h` or `w` on, up to the first character that
 * cannot be in a URL) is a bare URL as GFM reads one: `http://`, `https://` or `www.`, a domain,
 * then a path without the marks that end a sentence (`.,;:!?`, a `)` that closes nothing); 0 if
 * none.
 */
function urlLiteralLength(run: string, www: boolean): number {
  let domainStart = 0;
  if (www) {
    // Unlike GFM, which then links `www` alone, a space after `www.` is no domain.
    if (run.length === 4 || !/^www\./i.test(run)) return 0;
  } else {
    const protocol = /^https?:\/\/(?=[\dA-Za-z])/i.exec(run);
    if (!protocol) return 0;
    domainStart = protocol[0].length;
  }
  const domainEnd = domainLength(run, domainStart);
  return domainEnd === undefined ? 0 : pathEnd(run, domainEnd);
}

/** Where the domain from `start` ends; undefined if it has no letter or digit, or `_` in its last two labels. */
function domainLength(run: string, start: number): number | undefined {
  let at = start;
  let letters = false;
  let underscoreInLast = false;
  let underscoreInOneBefore = false;
  for (; at < run.length; at++) {
    const char = run[at]!;
    if (char === '.' || char === '_') {
      if (trailsFrom(run, at)) break;
      if (char === '_') underscoreInLast = true;
      else [underscoreInOneBefore, underscoreInLast] = [underscoreInLast, false];
    } else if (/[\dA-Za-z-]/.test(char)) letters = true;
    else break;
  }
  return letters && !underscoreInLast && !underscoreInOneBefore ? at : undefined;
}

/** Where the path from `start` ends: before its trailing marks; a `)` that closes a `(` of the path is kept. */
function pathEnd(run: string, start: number): number {
  let open = 0;
  let closed = 0;
  let at = start;
  for (; at < run.length; at++) {
    const char = run[at]!;
    if (char === '(') open++;
    else if (char === ')' && closed < open) closed++;
    else if (PATH_TRAILING.includes(char)) {
      if (trailsFrom(run, at)) break;
      if (char === ')') closed++;
    }
  }
  return at;
}

/** Whether `run` from `at` to its end holds only trailing marks. */
function trailsFrom(run: string, start: number): boolean {
  let at = start;
  while (at < run.length) {
    const char = run[at]!;
    if (TRAILING.includes(char)) at++;
    else if (char === '&') {
      const reference = /^&[A-Za-z]+;/.exec(run.slice(at));
      if (!reference) return false;
      at += reference[0].length;
    } else if (char === ']') {
      at++;
      // `](` or `][` is the end of a link's text around the URL.
      if (run[at] === '(' || run[at] === '[') return true;
    } else return false;
  }
  return true;
}

/** Whether the text being read is inside a link's (or image's) `[` that is not closed yet: links hold no links. */
function insideLinkText(events: ThisParameterType<Tokenizer>['events']): boolean {
  return events.some(([, token]) => (token.type === 'labelLink' || token.type === 'labelImage') && !token._balanced);
}

/** A protocol may follow anything but a Latin letter, as in GFM. */
const beforeProtocol = (code: Code) => code === null || !/[A-Za-z]/.test(String.fromCharCode(code));
/** `www.` may follow what GFM allows, and Chinese too, which has no spaces to stand before it. */
const beforeWww = (code: Code) => code === null || code < 0x21 || code > 0x7e || '(*_[]~'.includes(String.fromCharCode(code));

/**
 * GFM's bare `http://`, `https://` and `www.` URL from the character it starts on, read as
 * {@link urlLiteralLength} says, into the tokens GFM's own construct makes (so that remark-gfm
 * makes the link).
 */
function urlLiteral(www: boolean): Construct {
  // GFM's token names, which mdast-util-gfm-autolink-literal turns into a link; micromark's
  // types learn them only from GFM's syntax package, which remark-gfm's types do not reach.
  const literal = 'literalAutolink' as TokenType;
  const type = (www ? 'literalAutolinkWww' : 'literalAutolinkHttp') as TokenType;
  return {
    name: www ? 'urlLiteralWww' : 'urlLiteralHttp',
    // After GFM's e-mail address, which starts on the same letters, as GFM orders them.
    add: 'after',
    previous: www ? beforeWww : beforeProtocol,
    tokenize(effects, ok, nok) {
      let run = '';
      let left = 0;
      // Read ahead (undone after) to know where the URL ends before taking its first character.
      const readRun: Construct = {
        partial: true,
        tokenize(ahead, done) {
          const next: State = (code) => {
            // Up to the end of the URL, or of the word that does not start like one (`https://` is 8 long).
            if (!inUrl(code) || (run.length === 8 && !/^(?:https?:\/\/|www\.)/i.test(run))) return done(code);
            run += String.fromCharCode(code);
            ahead.consume(code);
            return next;
          };
          return next;
        },
      };
      const inside: State = (code) => {
        if (left === 0) {
          effects.exit(type);
          effects.exit(literal);
          return ok(code);
        }
        left--;
        effects.consume(code);
        return inside;
      };
      const measured: State = (code) => {
        left = urlLiteralLength(run, www);
        return left === 0 || insideLinkText(this.events) ? nok(code) : inside(code);
      };
      return (code) => {
        // micromark tries every construct of a character once one of them accepts what precedes it.
        if (!(www ? beforeWww : beforeProtocol)(this.previous)) return nok(code);
        effects.enter(literal);
        effects.enter(type);
        return effects.check(readRun, measured, nok)(code);
      };
    },
  };
}

const http = urlLiteral(false);
const www = urlLiteral(true);

/**
 * A micromark extension, used with remark-gfm: its bare URLs (`https://…`, `www.…`) end where
 * the characters a URL can hold end — at a Han character, a full-width mark or any other
 * non-ASCII character, as at a space — rather than at the next space, which Chinese text does
 * not have. It stands in for GFM's two constructs; e-mail addresses GFM already ends so.
 */
export const urlLiteralSyntax: Extension = {
  disable: {null: ['protocolAutolink', 'wwwAutolink']},
  text: {72: http, 104: http, 87: www, 119: www},
};
