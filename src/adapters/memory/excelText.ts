/**
 * What Excel makes of text written to `Range.values` / `Range.formulas` (or typed by a user): the
 * en-US reading the API uses. Rules as a table with one runner; each names the Microsoft page that
 * documents the behaviour. The Office adapter's quoting (needsQuote) must cover every rule here.
 */
import type { ValueTypeName } from "../office/ExcelLike";
import type { MemoryCell } from "./MemoryWorkbook";

export type Entered =
  | { kind: "empty" }
  | { kind: "text"; text: string; quoted: boolean }
  | { kind: "formula"; formula: string }
  | { kind: "number"; value: number; numberFormat?: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "error"; text: string };

const VALUES_DOC = "https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member";
const FORMULAS_DOC = "https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values";
const ERRORS_DOC = "https://support.microsoft.com/office/how-to-correct-a-n-a-error-a9708d33-7f44-4a52-8a6f-2e4c1a6b3d7f";
const DATES_DOC = "https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-dates";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const NUMBER = /^\(?\s*([+-])?\s*(\$)?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:e([+-]?\d+))?\s*(%)?\s*\)?$/i;
const ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"]);

/** Excel's serial date (days since 1899-12-30) of a calendar day. */
export function serialDate(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function validDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function date(year: number, month: number, day: number, numberFormat: string): Entered | null {
  return validDay(year, month, day) ? { kind: "number", value: serialDate(year, month, day), numberFormat } : null;
}

const monthOf = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
const fullYear = (y: string) => (y.length <= 2 ? (Number(y) < 30 ? 2000 + Number(y) : 1900 + Number(y)) : Number(y));
const thisYear = () => new Date().getFullYear();

interface Rule {
  name: string;
  doc: string;
  pattern: RegExp;
  read(m: RegExpExecArray): Entered | null;
}

/** Tried in order on the text as written; the first that reads it wins, else it stays text. */
export const TEXT_RULES: Rule[] = [
  { name: "quote prefix keeps text", doc: FORMULAS_DOC, pattern: /^'([\s\S]*)$/, read: (m) => ({ kind: "text", text: m[1], quoted: true }) },
  { name: "= starts a formula", doc: VALUES_DOC, pattern: /^=[\s\S]+$/, read: (m) => ({ kind: "formula", formula: m[0] }) },
  {
    name: "+ or - before anything but a number starts a formula",
    doc: VALUES_DOC,
    pattern: /^[+-](?![\s\d.]*$)[\s\S]+$/,
    read: (m) => (NUMBER.test(m[0].trim()) ? null : { kind: "formula", formula: `=${m[0]}` }),
  },
  { name: "@ starts a formula", doc: VALUES_DOC, pattern: /^@[\s\S]+$/, read: (m) => ({ kind: "formula", formula: `=${m[0].slice(1)}` }) },
  { name: "TRUE and FALSE are booleans", doc: VALUES_DOC, pattern: /^\s*(true|false)\s*$/i, read: (m) => ({ kind: "boolean", value: m[1].toLowerCase() === "true" }) },
  { name: "error names are errors", doc: ERRORS_DOC, pattern: /^\s*(#[A-Z/0!?_]+[!?A]?)\s*$/i, read: (m) => (ERRORS.has(m[1].toUpperCase()) ? { kind: "error", text: m[1].toUpperCase() } : null) },
  {
    name: "numbers: separators, (negative), .5, 1e5, %, $",
    doc: VALUES_DOC,
    pattern: NUMBER,
    read: (m) => {
      const text = m[0];
      const open = text.startsWith("(");
      if (open !== text.endsWith(")")) return null;
      let value = Number(m[3].replace(/,/g, "")) * (m[4] ? 10 ** Number(m[4]) : 1);
      if (m[1] === "-" || open) value = -value;
      if (m[5]) value /= 100;
      const numberFormat = m[5] ? "0%" : m[2] ? "$#,##0" : m[4] ? "0.00E+00" : m[3].includes(",") ? "#,##0" : undefined;
      return { kind: "number", value, numberFormat };
    },
  },
  { name: "whole and fraction: 1 1/2", doc: VALUES_DOC, pattern: /^\s*(\d+) (\d+)\/(\d+)\s*$/, read: (m) => (Number(m[3]) > 0 ? { kind: "number", value: Number(m[1]) + Number(m[2]) / Number(m[3]), numberFormat: "# ?/?" } : null) },
  { name: "dates: m/d/yyyy, m/d", doc: DATES_DOC, pattern: /^\s*(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2}|\d{4}))?\s*$/, read: (m) => date(m[3] ? fullYear(m[3]) : thisYear(), Number(m[1]), Number(m[2]), "m/d/yyyy") },
  { name: "dates: yyyy/m/d, yyyy-mm-dd", doc: DATES_DOC, pattern: /^\s*(\d{4})[/-](\d{1,2})[/-](\d{1,2})\s*$/, read: (m) => date(Number(m[1]), Number(m[2]), Number(m[3]), "m/d/yyyy") },
  { name: "dates: 15-Feb, 15 Feb 2025", doc: DATES_DOC, pattern: new RegExp(`^\\s*(\\d{1,2})[- ]${MONTH}(?:[- ,]+(\\d{2}|\\d{4}))?\\s*$`, "i"), read: (m) => date(m[3] ? fullYear(m[3]) : thisYear(), monthOf(m[2]), Number(m[1]), "d-mmm") },
  {
    name: "dates: Feb-15, Feb 15, 2025, February 2025",
    doc: DATES_DOC,
    pattern: new RegExp(`^\\s*${MONTH}[- ](\\d{1,4})(?:,?\\s*(\\d{4}))?\\s*$`, "i"),
    read: (m) => {
      if (m[3]) return date(Number(m[3]), monthOf(m[1]), Number(m[2]), "d-mmm-yy");
      return m[2].length >= 3 || Number(m[2]) > 31 ? date(fullYear(m[2]), monthOf(m[1]), 1, "mmm-yy") : date(thisYear(), monthOf(m[1]), Number(m[2]), "d-mmm");
    },
  },
  {
    name: "times: 12:30, 1:30:15 PM",
    doc: DATES_DOC,
    pattern: /^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm|a|p)?\s*$/i,
    read: (m) => {
      let h = Number(m[1]);
      const ampm = m[4]?.toLowerCase();
      if (ampm && (h < 1 || h > 12)) return null;
      if (ampm?.startsWith("p") && h < 12) h += 12;
      if (ampm?.startsWith("a") && h === 12) h = 0;
      if (h > 23 || Number(m[2]) > 59 || Number(m[3] ?? 0) > 59) return null;
      return { kind: "number", value: (h * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0)) / 86_400, numberFormat: "h:mm" };
    },
  },
];

/** What Excel stores for this text (entered through the API or typed). */
export function readEntry(text: string): Entered {
  if (text === "") return { kind: "empty" };
  for (const rule of TEXT_RULES) {
    const m = rule.pattern.exec(text);
    const entered = m && rule.read(m);
    if (entered) return entered;
  }
  return { kind: "text", text, quoted: false };
}

/** Store text in a cell as Excel would; a cell formatted as text (@) keeps it as it is. */
export function enterText(cell: MemoryCell, text: string): void {
  // A quote prefix is a prefix in a text-formatted cell too; otherwise such a cell keeps the text as it is.
  const entered: Entered = cell.numberFormat === "@" && !text.startsWith("'") ? { kind: "text", text, quoted: false } : readEntry(text);
  cell.formula = null;
  cell.quoted = false;
  cell.error = false;
  switch (entered.kind) {
    case "empty":
      cell.value = null;
      break;
    case "text":
      cell.value = entered.text;
      cell.quoted = entered.quoted;
      break;
    case "formula":
      cell.formula = entered.formula;
      cell.value = null;
      break;
    case "number":
      cell.value = entered.value;
      if (entered.numberFormat && cell.numberFormat === "General") cell.numberFormat = entered.numberFormat;
      break;
    case "boolean":
      cell.value = entered.value;
      break;
    case "error":
      cell.value = entered.text;
      cell.error = true;
      break;
  }
}

/** A value written through the API: text as Excel reads it, numbers and booleans as they are. */
export function enterValue(cell: MemoryCell, value: unknown): void {
  if (value === null || value === undefined) return;
  if (typeof value === "string") return enterText(cell, value);
  cell.value = typeof value === "number" || typeof value === "boolean" ? value : String(value);
  cell.formula = null;
  cell.quoted = false;
  cell.error = false;
}

/** `Range.valueTypes` of a cell. */
export function valueType(cell: MemoryCell | undefined): ValueTypeName {
  if (!cell || (cell.value === null && cell.formula === null)) return "Empty";
  if (cell.error) return "Error";
  if (cell.formula !== null) return "Unknown"; // formulas are not computed here
  if (typeof cell.value === "number") return "Double";
  if (typeof cell.value === "boolean") return "Boolean";
  return "String";
}
