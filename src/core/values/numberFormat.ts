import { SCAN_NFKC, scanText } from "../text/normalize";
import { PERCENT_UNIT } from "./ValueReading";

/**
 * Excel number formats as Japanese workbooks hold them (the invariant code Excel stores and
 * Office.js returns: what a Japanese user sees as `G/標準"件"` arrives as `General"件"`):
 * literal units, `General` with text, locale and calendar tags (`[$-ja-JP]`, `[$-411]`,
 * `[DBNum1]`), currency tags (`[$￥-411]`), era dates (`ggge"年"`), `_ ` padding, colours and
 * conditions, several sections, thousands scaling (`#,##0,"千円"`).
 */
export interface FormatInfo {
  /** The unit the format shows: "%", a quoted or escaped literal ("件", "㎡", "円"), or "". */
  unit: string;
  /** A date or time format (the cell holds a serial date, not a quantity). */
  date: boolean;
  /**
   * The number shown is the cell's value × 10^power in `unit`: `#,##0"千円"` shows thousands of
   * yen (power 3, unit 円), `0.0"%"` shows percent points (power −2, unit %).
   */
  power: number;
}

const GENERAL: FormatInfo = { unit: "", date: false, power: 0 };
const formatCache = new Map<string, FormatInfo>();
const DATE_LETTERS = new Set(["y", "m", "d", "h", "s", "g", "e", "a", "b"]);
const PLACEHOLDERS = new Set(["0", "#", "?"]);
/** Characters with a meaning in a number format (not a unit). */
const FORMAT_SYNTAX = new Set([..."0#?.,%+-/():$!^&'~{}<>= @"]);
const SQUARES = /[㎡㎥㎢]/;
const YEN = new Set(["¥", "￥", "\\", "円"]);
/** A unit with a multiplier in front: 千円, 万人, 百万円 (the number shown is in thousands, …). */
const MULTIPLIED = /^(百万|千|万|億|兆)(.+)$/;
const MULTIPLIER: Record<string, number> = { 千: 3, 万: 4, 百万: 6, 億: 8, 兆: 12 };

interface Section {
  before: string;
  after: string;
  placeholders: boolean;
  percent: boolean;
  date: boolean;
  /** Thousands-scaling commas after the last placeholder (each divides what is shown by 1,000). */
  scaleCommas: number;
}

/** The sections of a format (`;` outside quotes, escapes and brackets). */
function sections(format: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (quoted) quoted = c !== '"';
    else if (c === '"') quoted = true;
    else if (c === "\\" || c === "_" || c === "*") i++;
    else if (c === "[") i = Math.max(i, format.indexOf("]", i));
    else if (c === ";") {
      out.push(format.slice(start, i));
      start = i + 1;
    }
  }
  out.push(format.slice(start));
  return out;
}

function readSection(section: string): Section {
  const s: Section = { before: "", after: "", placeholders: false, percent: false, date: false, scaleCommas: 0 };
  const literal = (text: string) => {
    if (s.placeholders) s.after += text;
    else s.before += text;
  };
  for (let i = 0; i < section.length; i++) {
    const c = section[i];
    const lower = c.toLowerCase();
    if (c === '"') {
      const end = section.indexOf('"', i + 1);
      literal(section.slice(i + 1, end < 0 ? section.length : end));
      i = end < 0 ? section.length : end;
    } else if (c === "\\") literal(section[++i] ?? "");
    else if (c === "_" || c === "*") i++; // padding as wide as the next character, or a fill
    else if (c === "[") {
      const end = section.indexOf("]", i);
      const inner = section.slice(i + 1, end < 0 ? section.length : end);
      if (/^(?:h+|m+|s+)$/i.test(inner)) s.date = true; // elapsed time [h]
      const currency = /^\$([^-]+)(?:-[0-9A-Za-z-]+)?$/.exec(inner); // [$￥-411], [$$-409]; [$-411] has none
      if (currency) literal(currency[1]);
      i = end < 0 ? section.length : end; // colours, conditions, [DBNum1], [$-ja-JP]: nothing shown
    } else if (section.slice(i, i + 7).toLowerCase() === "general" || section.slice(i, i + 4) === "G/標準") {
      i += section[i + 1] === "/" ? 3 : 6; // the number itself, as a placeholder
      s.placeholders = true;
      s.after = "";
    } else if (PLACEHOLDERS.has(c)) {
      s.placeholders = true;
      s.after = "";
    } else if (c === ",") {
      if (s.placeholders && !PLACEHOLDERS.has(section[i + 1] ?? "") && section[i + 1] !== ".") s.scaleCommas++;
    } else if (c === "%") s.percent = true;
    else if ((c === "E" || c === "e") && (section[i + 1] === "+" || section[i + 1] === "-")) i++; // 0.00E+00
    else if (DATE_LETTERS.has(lower)) s.date = true; // y m d h s, g e (era), a (AM/PM), b (Buddhist year)
    else if (FORMAT_SYNTAX.has(c)) continue;
    else literal(c);
  }
  return s;
}

function analyseFormat(format: string): FormatInfo {
  const all = sections(format).map(readSection);
  // The section positive numbers use: the first that shows a number (a condition like [=0] may come first).
  const s = all.find((x) => x.placeholders) ?? all[0];
  if (s.date) return { unit: (s.before + s.after).trim(), date: true, power: 0 };
  let unit = (s.placeholders ? s.after || s.before : s.before + s.after).trim();
  let power = s.scaleCommas === 0 ? 0 : -3 * s.scaleCommas;
  if (YEN.has(unit)) unit = "円";
  if (s.percent && (unit === "" || unit === "%")) return { unit: PERCENT_UNIT, date: false, power };
  if (unit === "%" || unit === "％") return { unit: PERCENT_UNIT, date: false, power: power - 2 }; // "%" written as text: percent points
  if (scanText(unit) & SCAN_NFKC && !SQUARES.test(unit)) unit = unit.normalize("NFKC");
  const multiplied = MULTIPLIED.exec(unit);
  if (multiplied) {
    power += MULTIPLIER[multiplied[1]];
    unit = YEN.has(multiplied[2]) ? "円" : multiplied[2];
  }
  return power === 0 && unit === "" ? GENERAL : { unit, date: false, power };
}

/** What an Excel number format says about a number: its unit, its scale and whether it is a date. Cached. */
export function formatInfo(format: string | undefined): FormatInfo {
  if (format === undefined || format === "General") return GENERAL;
  let info = formatCache.get(format);
  if (info === undefined) {
    info = analyseFormat(format);
    if (formatCache.size < 1000) formatCache.set(format, info);
  }
  return info;
}
