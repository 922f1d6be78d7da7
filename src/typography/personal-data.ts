/**
 * Personal data in copy (审读): mainland resident ID numbers and mobile numbers, found so that
 * `huibian check` can point at them and `--mask-personal` can print them masked. A number is
 * taken only when it is one: an ID's date must exist and its check digit (GB 11643) agree, and
 * neither may be part of a longer run of digits or letters (an order number, an ISBN, a hash).
 */

/** What was found: an ID number or a mobile number. */
export type PersonalKind = 'id' | 'mobile';

/** One number found in a text: where it is, and how it prints masked. */
export interface PersonalMatch {
  kind: PersonalKind;
  start: number;
  end: number;
  masked: string;
}

/** What each kind is called in messages. */
export const KIND_NAMES: Record<PersonalKind, string> = {id: '身份证号', mobile: '手机号'};

/** Full-width digits (as typed on a Chinese keyboard) count as digits. */
const D = '[0-9０-９]';
const ID = new RegExp(`${D}{17}[0-9０-９Xx]`, 'g');
// 11 digits, or 3-4-4 with a space or hyphen between the groups (the same both times).
const MOBILE = new RegExp(`1${D}{10}|1${D}{2}([- ])${D}{4}\\1${D}{4}`, 'g');

/** Province codes an ID number can begin with (81–83: Hong Kong, Macao and Taiwan residents' permits). */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
]);
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_DIGITS = '10X98765432';

/** Every resident ID and mobile number in `text`, in order (none can overlap: each stands alone). */
export function findPersonalData(text: string, today = new Date()): PersonalMatch[] {
  const found: PersonalMatch[] = [];
  for (const match of text.matchAll(ID)) {
    const start = match.index;
    const end = start + match[0].length;
    if (standsAlone(text, start, end) && isResidentId(halfWidth(match[0]), today)) {
      found.push({kind: 'id', start, end, masked: `${match[0].slice(0, 6)}${'*'.repeat(8)}${match[0].slice(14)}`});
    }
  }
  for (const match of text.matchAll(MOBILE)) {
    const start = match.index;
    const end = start + match[0].length;
    const digits = halfWidth(match[0]).replace(/[- ]/g, '');
    if (!/^1[3-9]/.test(digits) || !standsAlone(text, start, end)) continue;
    // Keep the first three and the last four digits, and any separators.
    let seen = 0;
    const masked = match[0].replace(/[0-9０-９]/g, (digit) => (++seen > 3 && seen <= 7 ? '*' : digit));
    found.push({kind: 'mobile', start, end, masked});
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A number as its digits alone (full-width ones made half-width, separators left out, x as X): how numbers are compared. */
export function digitsOf(text: string): string {
  return halfWidth(text)
    .replace(/[^\dXx]/g, '')
    .toUpperCase();
}

/** `text` with every number found replaced by its masked form. */
export function maskPersonalData(text: string, found: PersonalMatch[]): string {
  let out = '';
  let at = 0;
  for (const match of found) {
    out += text.slice(at, match.start) + match.masked;
    at = match.end;
  }
  return out + text.slice(at);
}

/** Whether 18 characters are a resident ID number: a province, a date that was, the check digit. */
export function isResidentId(id: string, today = new Date()): boolean {
  if (!/^\d{17}[\dXx]$/.test(id) || !PROVINCES.has(Number(id.slice(0, 2)))) return false;
  const [year, month, day] = [id.slice(6, 10), id.slice(10, 12), id.slice(12, 14)].map(Number) as [number, number, number];
  const born = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || born.getUTCMonth() !== month - 1 || born.getUTCDate() !== day || born > today) return false;
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  return CHECK_DIGITS[sum % 11] === id[17]!.toUpperCase();
}

/**
 * Not part of a longer number or code: no digit or Latin letter next to it, nor a point with
 * one beyond (a decimal, a version). A comma or hyphen does not join: numbers are listed with
 * commas, and a country code is written with a hyphen (86-138…).
 */
function standsAlone(text: string, start: number, end: number): boolean {
  const joins = (char: string | undefined) => char !== undefined && /[0-9０-９A-Za-zＡ-Ｚａ-ｚ]/.test(char);
  const bridges = (char: string | undefined) => char === '.' || char === '．';
  if (joins(text[start - 1]) || (bridges(text[start - 1]) && joins(text[start - 2]))) return false;
  return !(joins(text[end]) || (bridges(text[end]) && joins(text[end + 1])));
}

function halfWidth(text: string): string {
  return text.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

/** The build's one line about the numbers found in its manuscripts (none: nothing to say). */
export function personalDataSummary(found: Array<Record<PersonalKind, number> | undefined>, masked: boolean): string | undefined {
  const counts: Record<PersonalKind, number> = {id: 0, mobile: 0};
  for (const each of found) for (const kind of Object.keys(counts) as PersonalKind[]) counts[kind] += each?.[kind] ?? 0;
  const total = counts.id + counts.mobile;
  if (total === 0) return undefined;
  const kinds = (Object.keys(counts) as PersonalKind[])
    .filter((kind) => counts[kind] > 0)
    .map((kind) => `${KIND_NAMES[kind]} ${counts[kind]}`)
    .join('、');
  return masked
    ? `已遮盖个人信息 ${total} 处（${kinds}）`
    : `稿件中有疑似个人信息 ${total} 处（${kinds}）：huibian check 列出位置；公开版可加 --mask-personal 遮盖`;
}
