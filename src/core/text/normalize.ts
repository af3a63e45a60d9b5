const WHITESPACE = /[\s\u3000]+/g;
/** Characters NFKC changes (full-width forms, ideographic space, squared units, circled digits…). */
export const NEEDS_NFKC = /[\u00A0-\u00FF\u2000-\u218F\u2460-\u24FF\u3000\u3200-\u33FF\uF900-\uFAFF\uFB00-\uFB4F\uFE30-\uFE4F\uFF00-\uFFEF]/;

/** Unicode NFKC, skipped for the (common) text it would not change: kana, kanji, ASCII. */
export function nfkc(s: string): string {
  return NEEDS_NFKC.test(s) ? s.normalize("NFKC") : s;
}

/** NFKC (full-width digits and signs become ASCII), whitespace folded to one space, trimmed. */
export function normalizeText(s: string): string {
  return nfkc(s).replace(WHITESPACE, " ").trim();
}

/** How names are matched: NFKC, every space removed, Latin letters lower-cased. */
export function foldName(s: string): string {
  return nfkc(s).replace(WHITESPACE, "").toLowerCase();
}
