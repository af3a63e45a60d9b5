/**
 * Characters as XML 1.0 (fifth edition) defines them: which may appear in a document (Char), and
 * which may start or continue a name (NameStartChar, NameChar). Codes are UTF-16 code units; a
 * surrogate pair is checked as a pair by the caller.
 */

/** NameStartChar ranges beyond ASCII, as pairs [from, to]. */
const NAME_START_RANGES = [0xc0, 0xd6, 0xd8, 0xf6, 0xf8, 0x2ff, 0x370, 0x37d, 0x37f, 0x1fff, 0x200c, 0x200d, 0x2070, 0x218f, 0x2c00, 0x2fef, 0x3001, 0xd7ff, 0xf900, 0xfdcf, 0xfdf0, 0xfffd];
/** NameChar ranges beyond NameStartChar and ASCII. */
const NAME_EXTRA_RANGES = [0xb7, 0xb7, 0x300, 0x36f, 0x203f, 0x2040];

function inRanges(code: number, ranges: number[]): boolean {
  for (let i = 0; i < ranges.length; i += 2) if (code >= ranges[i] && code <= ranges[i + 1]) return true;
  return false;
}

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

/** ASCII characters by what they may be in a name: NAME_START | NAME_CHAR, NAME_CHAR, or 0. */
export const NAME_START = 1;
export const NAME_CHAR = 2;
export const ASCII_NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const start = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58;
  ASCII_NAME[c] = start ? NAME_START | NAME_CHAR : (c >= 48 && c <= 57) || c === 45 || c === 46 ? NAME_CHAR : 0;
}

/** Whether a code unit may start a name (a surrogate pair, [#x10000-#xEFFFF], is let through here). */
export function isNameStart(code: number): boolean {
  if (code < 0x80) return (ASCII_NAME[code] & NAME_START) !== 0;
  return isSurrogate(code) || inRanges(code, NAME_START_RANGES);
}

/** Whether a code unit may continue a name. */
export function isNameChar(code: number): boolean {
  if (code < 0x80) return (ASCII_NAME[code] & NAME_CHAR) !== 0;
  return isSurrogate(code) || inRanges(code, NAME_START_RANGES) || inRanges(code, NAME_EXTRA_RANGES);
}

/** Whether a code point (not a code unit) is a Char: what a character reference may name. */
export function isCharCode(code: number): boolean {
  return code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** The entities XML predefines, by name. */
export const PREDEFINED_ENTITIES = new Map([
  ["lt", "<"],
  ["gt", ">"],
  ["amp", "&"],
  ["quot", '"'],
  ["apos", "'"],
]);

/** The code a character reference's digits name, or -1 when they are not digits of their base. */
export function referenceCode(digits: string, hex: boolean): number {
  if (digits.length === 0 || digits.length > 8) return -1;
  let code = 0;
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    let digit = -1;
    if (c >= 48 && c <= 57) digit = c - 48;
    else if (hex && c >= 97 && c <= 102) digit = c - 87;
    else if (hex && c >= 65 && c <= 70) digit = c - 55;
    if (digit < 0) return -1;
    code = code * (hex ? 16 : 10) + digit;
  }
  return code;
}
