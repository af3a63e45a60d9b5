import { SCAN_NFKC, scanText } from "../text/normalize";
import { PERCENT_UNIT } from "./ValueReading";

const SQUARES = /[㎡㎥㎢]/;

/** Excel number formats: the unit a format shows and whether it is a date. */
export interface FormatInfo {
  /** The unit the format shows: "%", a quoted or escaped literal ("件", "㎡"), or "". */
  unit: string;
  /** A date or time format (the cell holds a serial date, not a quantity). */
  date: boolean;
}

const GENERAL: FormatInfo = { unit: "", date: false };
const formatCache = new Map<string, FormatInfo>();
const DATE_LETTERS = new Set(["y", "m", "d", "h", "s", "g", "e", "a", "b"]);
/** Characters with a meaning in a number format (not a unit). */
const FORMAT_SYNTAX = new Set([..."0#?.,%+-/():$!^&'~{}<>= "]);

function analyseFormat(format: string): FormatInfo {
  const lower = format.trim().toLowerCase();
  if (lower === "" || lower === "general" || lower === "g/標準" || lower === "@") return GENERAL;
  let literal = "";
  let percent = false;
  let date = false;
  let inQuote = false;
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (inQuote) {
      if (c === '"') inQuote = false;
      else literal += c;
      continue;
    }
    if (c === '"') inQuote = true;
    else if (c === ";") break; // first section: positive numbers
    else if (c === "\\") literal += format[++i] ?? "";
    else if (c === "_" || c === "*") i++; // padding / fill: skip the next character
    else if (c === "[") {
      const end = format.indexOf("]", i);
      if (end < 0) break;
      const inner = format.slice(i + 1, end).toLowerCase();
      if (/^(?:h+|m+|s+)$/.test(inner)) date = true; // elapsed time [h]
      i = end;
    } else if (c === "%") percent = true;
    else if (c === "E" || c === "e") {
      const next = format[i + 1];
      if (next === "+" || next === "-") i++; // scientific 0.00E+00
      else date = true; // era year (e / ee)
    } else if (FORMAT_SYNTAX.has(c)) continue;
    else if (DATE_LETTERS.has(c.toLowerCase())) date = true;
    else if (c === "@") continue;
    else literal += c;
  }
  let unit = literal.trim();
  if (unit === "¥" || unit === "￥" || unit === "\\") unit = "円";
  if (percent && (unit === "" || unit === "%")) unit = PERCENT_UNIT;
  else if (scanText(unit) & SCAN_NFKC && !SQUARES.test(unit)) unit = unit.normalize("NFKC");
  return { unit, date };
}

/** What an Excel number format says about a number: its unit and whether it is a date. Cached. */
export function formatInfo(format: string | undefined): FormatInfo {
  if (format === undefined || format === "General") return GENERAL;
  let info = formatCache.get(format);
  if (info === undefined) {
    info = analyseFormat(format);
    if (formatCache.size < 1000) formatCache.set(format, info);
  }
  return info;
}
