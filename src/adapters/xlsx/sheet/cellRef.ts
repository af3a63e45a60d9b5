/** A1 references in SpreadsheetML attributes ("G13", "A1:I50"), 0-based, without regular expressions. */
export interface Ref {
  row: number;
  col: number;
}

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

/** "G13" → { row: 12, col: 6 }; null when not a plain cell reference. `$` marks are allowed. */
export function parseRef(text: string): Ref | null {
  const key = refKey(text);
  return key < 0 ? null : { row: Math.floor(key / MAX_COL), col: key % MAX_COL };
}

/** parseRef as one number, row × 16384 + col, or -1 (no object: it runs for every cell of a sheet). */
export function refKey(text: string): number {
  let i = 0;
  let col = 0;
  if (text[i] === "$") i++;
  const lettersFrom = i;
  while (i < text.length) {
    const c = text.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
    i++;
  }
  if (i === lettersFrom || i - lettersFrom > 3) return -1;
  if (text[i] === "$") i++;
  const digitsFrom = i;
  let row = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    row = row * 10 + (c - 48);
    i++;
  }
  if (i === digitsFrom || i !== text.length || row < 1 || row > MAX_ROW || col > MAX_COL) return -1;
  return (row - 1) * MAX_COL + (col - 1);
}

/** "A1:I50" (or "A1") → the inclusive area; null when malformed. */
export function parseArea(text: string): { top: number; left: number; bottom: number; right: number } | null {
  const colon = text.indexOf(":");
  const from = parseRef(colon < 0 ? text : text.slice(0, colon));
  const to = colon < 0 ? from : parseRef(text.slice(colon + 1));
  if (!from || !to) return null;
  return { top: Math.min(from.row, to.row), left: Math.min(from.col, to.col), bottom: Math.max(from.row, to.row), right: Math.max(from.col, to.col) };
}

/** The column of a cell reference such as "G13" (0-based), or -1. */
export function columnOf(text: string): number {
  return parseRef(text)?.col ?? -1;
}
