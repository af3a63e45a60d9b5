const WHITESPACE = /[\s\u3000]+/g;
/**
 * Characters that NFKC leaves as they are and that never combine with what precedes them: ASCII,
 * kana, CJK ideographs, Japanese punctuation, dashes, ※, arrows, ≦ ≧, shapes (△ ▲ ○ ◎).
 * Any other character (full-width forms, ideographic space, ㎡, circled digits, Kangxi radicals that
 * PDF extraction leaves for 人 年 月, combining marks…) sends the text through NFKC.
 */
const STABLE_RANGES =
  "\\u0000-\\u007f\\u2010\\u2012-\\u2016\\u2018-\\u2023\\u203b\\u2212\\u2190-\\u2199\\u2264-\\u2267\\u25a0-\\u26ff" +
  "\\u3001-\\u3029\\u3030-\\u3035\\u3037\\u303b-\\u3098\\u309d\\u309e\\u30a0-\\u30fe\\u3400-\\u4dbf\\u4e00-\\u9fff";
/** A character NFKC may change (or combine): the text must be normalized. */
export const NEEDS_NFKC = new RegExp(`[^${STABLE_RANGES}]`);

/** `NEEDS_NFKC` as a char-code test for one non-ASCII character. */
function needsNfkcCode(c: number): boolean {
  if (c >= 0x4e00) return c > 0x9fff;
  if (c >= 0x3000) {
    if (c >= 0x3400) return c > 0x4dbf;
    return !(
      (c >= 0x30a0 && c <= 0x30fe) ||
      (c >= 0x303b && c <= 0x3098) ||
      (c >= 0x3001 && c <= 0x3029) ||
      (c >= 0x3030 && c <= 0x3035) ||
      c === 0x3037 ||
      c === 0x309d ||
      c === 0x309e
    );
  }
  return !(
    c === 0x2010 ||
    (c >= 0x2012 && c <= 0x2016) ||
    (c >= 0x2018 && c <= 0x2023) ||
    c === 0x203b ||
    c === 0x2212 ||
    (c >= 0x2190 && c <= 0x2199) ||
    (c >= 0x2264 && c <= 0x2267) ||
    (c >= 0x25a0 && c <= 0x26ff)
  );
}

/** Whitespace that `\s` matches beyond ASCII (NFKC turns most into a plain space; not all). */
function isUnicodeSpace(c: number): boolean {
  return c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** What a text needs before it can be matched: bit flags from `scanText`. */
export const SCAN_NFKC = 1;
export const SCAN_SPACES = 2;
export const SCAN_MINUS = 4;

/**
 * One pass over the characters: does the text need NFKC (SCAN_NFKC), whitespace folding or
 * trimming (SCAN_SPACES), or has it a minus sign NFKC keeps (− U+2212, ‒ U+2012, – U+2013: SCAN_MINUS)?
 * Cheaper than running regular expressions on the (mostly clean) cells of a workbook.
 */
export function scanText(s: string): number {
  let flags = 0;
  let previousSpace = true; // a leading space needs trimming
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c === 0x20) {
        if (previousSpace) flags |= SCAN_SPACES;
        previousSpace = true;
        continue;
      }
      if (c < 0x20 || c === 0x7f) flags |= SCAN_SPACES;
      previousSpace = false;
      continue;
    }
    previousSpace = false;
    if (c === 0x2212 || c === 0x2012 || c === 0x2013) flags |= SCAN_MINUS;
    if (isUnicodeSpace(c)) flags |= SCAN_SPACES;
    if (needsNfkcCode(c)) flags |= SCAN_NFKC;
  }
  if (previousSpace && s.length > 0) flags |= SCAN_SPACES;
  return flags;
}

/** Unicode NFKC, skipped for the (common) text it would not change: kana, kanji, ASCII. */
export function nfkc(s: string): string {
  return scanText(s) & SCAN_NFKC ? s.normalize("NFKC") : s;
}

/** NFKC (full-width digits and signs become ASCII), whitespace (U+3000 too) folded to one space, trimmed. */
export function normalizeText(s: string): string {
  const flags = scanText(s);
  if (flags === 0 || flags === SCAN_MINUS) return s;
  const t = flags & SCAN_NFKC ? s.normalize("NFKC") : s;
  return t.replace(WHITESPACE, " ").trim();
}

/** How names are matched: NFKC, every space removed, Latin letters lower-cased. */
export function foldName(s: string): string {
  return nfkc(s).replace(WHITESPACE, "").toLowerCase();
}
