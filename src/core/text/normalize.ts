const WHITESPACE = /[\s\u3000]+/g;
const ASCII_ONLY = /^[\x20-\x7e]*$/;

/** NFKC (full-width digits and signs become ASCII), whitespace folded to one space, trimmed. */
export function normalizeText(s: string): string {
  const text = ASCII_ONLY.test(s) ? s : s.normalize("NFKC");
  return text.replace(WHITESPACE, " ").trim();
}

/** How names are matched: NFKC, every space removed, Latin letters lower-cased. */
export function foldName(s: string): string {
  return s.normalize("NFKC").replace(WHITESPACE, "").toLowerCase();
}
