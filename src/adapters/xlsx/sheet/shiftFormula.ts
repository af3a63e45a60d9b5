/**
 * Shared formulas (`<f t="shared" si="0"/>`) store their text once, on the first cell; every other
 * cell of the group means the same formula moved by its offset. This moves the relative references
 * of a formula text (A1, A$1, A:A, 1:1), leaving strings, sheet names in quotes, structured
 * references, function names and absolute ($) parts alone.
 */
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

function isLetter(c: string | undefined): boolean {
  return c !== undefined && ((c >= "A" && c <= "Z") || (c >= "a" && c <= "z"));
}
function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}
function isNamePart(c: string | undefined): boolean {
  return isLetter(c) || isDigit(c) || c === "_" || c === "." || c === "\\" || (c !== undefined && c > "\u007f");
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function columnLetters(n: number): string {
  let s = "";
  for (let m = n; m > 0; m = Math.floor((m - 1) / 26)) s = String.fromCharCode(65 + ((m - 1) % 26)) + s;
  return s;
}

interface Part {
  end: number;
  text: string | null;
}

/** A reference part starting at i: [$]letters[$]digits, [$]letters (column) or [$]digits (row). */
function readPart(f: string, i: number, dr: number, dc: number): Part | null {
  let j = i;
  const colAbs = f[j] === "$";
  if (colAbs) j++;
  const lettersFrom = j;
  while (isLetter(f[j])) j++;
  const letters = f.slice(lettersFrom, j);
  const rowAbs = f[j] === "$";
  if (rowAbs) j++;
  const digitsFrom = j;
  while (isDigit(f[j])) j++;
  const digits = f.slice(digitsFrom, j);
  if (letters.length === 0 && digits.length === 0) return null;
  if (letters.length > 3 || (rowAbs && digits.length === 0)) return null;
  let col = letters ? columnNumber(letters) : 0;
  let row = digits ? Number(digits) : 0;
  if (col > MAX_COL || row > MAX_ROW || (digits && row < 1)) return null;
  if (letters && !colAbs) col += dc;
  if (digits && !rowAbs) row += dr;
  if ((letters && (col < 1 || col > MAX_COL)) || (digits && (row < 1 || row > MAX_ROW))) return { end: j, text: null };
  return { end: j, text: `${colAbs ? "$" : ""}${letters ? columnLetters(col) : ""}${rowAbs ? "$" : ""}${digits ? String(row) : ""}` };
}

export function shiftFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const c = formula[i];
    if (c === '"' || c === "'") {
      // A string, or a quoted sheet name: copy to its closing quote (a doubled quote stays inside).
      let j = i + 1;
      while (j < formula.length && !(formula[j] === c && formula[j + 1] !== c)) j += formula[j] === c ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === "[") {
      let depth = 0;
      let j = i;
      for (; j < formula.length; j++) {
        if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const startsRef = (c === "$" || isLetter(c) || isDigit(c)) && !isNamePart(formula[i - 1]) && formula[i - 1] !== "$";
    if (startsRef) {
      const first = readPart(formula, i, dr, dc);
      if (first) {
        const next = formula[first.end];
        const second = next === ":" ? readPart(formula, first.end + 1, dr, dc) : null;
        const end = second ? second.end : first.end;
        const after = formula[end];
        const plainNumber = !second && !/[A-Za-z]/.test(formula.slice(i, end));
        const bareColumn = !second && !/[0-9]/.test(formula.slice(i, end));
        const isFunctionOrName = after === "(" || isNamePart(after) || after === "!";
        if (!plainNumber && !bareColumn && !isFunctionOrName) {
          // A cell (A1), an area (A1:B2), a column range (A:C) or a row range (1:3).
          out += first.text === null || (second && second.text === null) ? "#REF!" : `${first.text}${second ? `:${second.text}` : ""}`;
          i = end;
          continue;
        }
      }
      // Not a reference: copy the whole word or number.
      let j = i + 1;
      while (j < formula.length && (isNamePart(formula[j]) || formula[j] === "$")) j++;
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
