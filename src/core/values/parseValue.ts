import type { RawCell } from "../cells/RawCell";
import { SCAN_MINUS, SCAN_NFKC, SCAN_SPACES, scanText } from "../text/normalize";
import { memoByText } from "../text/memoByText";
import { scaleDecimal } from "./decimal";
import { formatInfo } from "./numberFormat";
import { PERCENT_UNIT, type ValueReading } from "./ValueReading";

export { formatInfo, type FormatInfo } from "./numberFormat";

/*
 * Every regular expression is compiled once, here. parseValue runs on hundreds of thousands of
 * cells: number and empty cells take a fast path, ASCII text skips NFKC.
 */

/** ㎡ ㎥ ㎢ survive NFKC (which would make them m2, m3, km2) through private-use stand-ins. */
const SQUARES = /[㎡㎥㎢]/;
const SQUARE_ALL = /[㎡㎥㎢]/g;
const TO_STAND_IN: Record<string, string> = { "㎡": "\uE001", "㎥": "\uE002", "㎢": "\uE003" };
const STAND_IN = /[\uE001-\uE003]/g;
const HAS_STAND_IN = /[\uE001-\uE003]/;
const FROM_STAND_IN: Record<string, string> = { "\uE001": "㎡", "\uE002": "㎥", "\uE003": "㎢" };

const WHITESPACE = /[\s\u3000]+/g;
const SPACES = / /g;
/** `※`, `※1`, `※ 2`: a footnote mark, not part of the value. */
const FOOTNOTE = /※\s*\d*/g;
/** `55% ※平成32年世論調査`: after the value, a mark followed by words is a note about the value. */
const FOOTNOTE_TEXT = /^(.*?\S)\s*※\s*\d*\s*([^\d※\s][^※]*)$/;
/** Dashes people use for "no value" (NFKC already made － into -), alone or before a unit: `—%`, `－人`. */
const DASH_ONLY = /^[-‐‑‒–—―−ー~]+(?:%|[^\d\s.,+\-‐‑‒–—―−ー~()]{1,4})?$/;
/** Minus signs NFKC leaves alone: − (U+2212) in PDFs. */
const MINUS_SIGNS = /[−‒–]/g;
/** Words that say why there is no value; kept as the reading's reason. */
const REASON_WORDS = new Set([
  "未集計", "調査中", "未把握", "集計中", "評価不能", "非公表", "未公表", "未実施", "未定", "算出中", "把握中", "未確定", "対象外", "該当なし",
]);
/** A reason word with a note: `未集計 (10月公表)`. */
const REASON_WITH_NOTE = /^([^\d()]+?)\s*\(.*\)$/;
const CUMULATIVE = /^(?:延べ|延|\[累計\]|\(累計\)|累計)\s*/;
const CUMULATIVE_NOTE = /^(?:累計|延べ|延)$/;
const APPROX = /^約\s*/;
/**
 * sign, integer (with or without thousands separators), decimals, multiplier, unit, note.
 * The unit is anything but digits, brackets and signs: 件, 人, 品目, %, 円, ㎡ (stand-in), 事業所.
 */
const QUANTITY =
  /^([+\-△▲]?)\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(百万|万|億|千|兆)?\s*([^\d\s()+\-,.:;/=~][^\d()+\-,.:;/=~]*?)?\s*(?:\(([^()]*)\))?$/;
/** A bound is not a value: `100人以上` (parseTarget reads it as a target). */
const BOUND_WORD = /(?:以上|以下|未満|以内|超|を超える)$/;
const MULTIPLIER: Record<string, number> = { 千: 3, 万: 4, 百万: 6, 億: 8, 兆: 12 };
/** Longer text is never a single quantity; refusing it early keeps the regexes linear. */
const MAX_LENGTH = 200;

/** NFKC and whitespace folding, with ㎡ ㎥ ㎢ as private-use stand-ins. Clean text is returned as it is. */
function normalizeKeepingSquares(s: string): string {
  const flags = scanText(s);
  if (flags === 0) return s;
  let text = s;
  if (flags & SCAN_NFKC) {
    if (SQUARES.test(text)) text = text.replace(SQUARE_ALL, (c) => TO_STAND_IN[c]);
    text = text.normalize("NFKC");
  }
  if (flags & SCAN_MINUS) text = text.replace(MINUS_SIGNS, "-");
  return flags & (SCAN_SPACES | SCAN_NFKC) ? text.replace(WHITESPACE, " ").trim() : text;
}

function restoreSquares(s: string): string {
  return HAS_STAND_IN.test(s) ? s.replace(STAND_IN, (c) => FROM_STAND_IN[c]) : s;
}

/** NFKC and whitespace folding that keep ㎡ ㎥ ㎢ as they are. */
export function normalizeValueText(s: string): string {
  return restoreSquares(normalizeKeepingSquares(s));
}

// ---------------------------------------------------------------------------------------------
// Formatting

/** A non-negative finite number below 1e21 as plain decimal digits, at most `decimals` places. */
function plainDigits(value: number, decimals: number): string {
  if (Number.isInteger(value)) return String(value);
  const fixed = value.toFixed(decimals); // rounds the double exactly, never an exponent below 1e21
  let end = fixed.length;
  while (fixed.charCodeAt(end - 1) === 48) end--; // trailing zeros
  if (fixed.charCodeAt(end - 1) === 46) end--; // a bare dot
  return end === fixed.length ? fixed : fixed.slice(0, end);
}

/** A number with thousands separators and at most `decimals` decimals, trailing zeros dropped. */
function groupDigits(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const text = abs >= 1e21 ? String(abs) : plainDigits(abs, decimals);
  if (text.length <= 3) return value < 0 && text !== "0" ? `-${text}` : text;
  const sign = value < 0 && /[1-9]/.test(text) ? "-" : "";
  const dot = text.indexOf(".");
  const int = dot < 0 ? text : text.slice(0, dot);
  if (int.length <= 3 || text.includes("e")) return sign + text;
  let grouped = "";
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) grouped += ",";
    grouped += int[i];
  }
  return sign + grouped + (dot < 0 ? "" : text.slice(dot));
}

/** value × 100 for display, through the decimal text so that 0.749 shows as 74.9, not 74.900…01. */
function timesHundred(value: number): number {
  const text = String(value);
  const e = text.indexOf("e");
  if (e < 0) return scaleDecimal(text, 2);
  return Number(`${text.slice(0, e)}e${Number(text.slice(e + 1)) + 2}`);
}

/**
 * A quantity for people: `1,512件`, `75.6%` (0.756 with unit %), `2.05㎡`, `9,980,000,000円`.
 * Thousands separators, up to 4 decimals (a percentage: ×100 with up to 2), trailing zeros dropped,
 * the unit appended without a space.
 */
export function formatQuantity(value: number, unit: string): string {
  if (unit === PERCENT_UNIT) return `${groupDigits(timesHundred(value), 2)}%`;
  return `${groupDigits(value, 4)}${unit}`;
}

// ---------------------------------------------------------------------------------------------
// Reading

function error(text: string, message = `数値として読めません: 「${text}」`): ValueReading {
  return { kind: "error", text, message };
}

/** value × 10^power through the decimal text (74.9 at −2 is 0.749, not 0.7490000000000001). */
function scalePower(value: number, power: number): number {
  if (power === 0) return value;
  const text = String(value);
  const e = text.indexOf("e");
  return e < 0 ? scaleDecimal(text, power) : Number(`${text.slice(0, e)}e${Number(text.slice(e + 1)) + power}`);
}

function fromNumber(value: number, numberFormat: string | undefined): ValueReading {
  if (!Number.isFinite(value)) return error(String(value));
  const info = formatInfo(numberFormat);
  if (info.date) return error(String(value), `日付は数値として読めません: 「${String(value)}」`);
  const base = scalePower(value, info.power);
  return { kind: "number", value: base === 0 ? 0 : base, unit: info.unit, text: formatQuantity(base, info.unit) };
}

/**
 * Read a cell as a quantity: a number with its unit (base units: 99.8億円 → 9,980,000,000 円,
 * 74.9% → 0.749 %), empty (blank, a dash, or a word such as 未集計 kept as the reason), or an
 * error carrying the text. Never guesses, never throws.
 */
export function parseValue(cell: RawCell): ValueReading {
  const value = cell?.value;
  if (value === null || value === undefined) return { kind: "empty", text: "" };
  if (typeof value === "number") return fromNumber(value, cell.numberFormat);
  if (typeof value === "string") return value === "" ? { kind: "empty", text: "" } : parseValueText(value);
  if (typeof value === "boolean") return error(value ? "TRUE" : "FALSE", `真偽値は数値として読めません: 「${value ? "TRUE" : "FALSE"}」`);
  return error(safeString(value));
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return "";
  }
}

/** A quantity written as text (see parseValue); each distinct text is read once. */
export const parseValueText: (raw: string) => ValueReading = memoByText(readValueText);

function readValueText(raw: string): ValueReading {
  const original = raw.trim();
  if (original === "") return { kind: "empty", text: original };
  if (original.length > MAX_LENGTH) return error(original);
  let text = normalizeKeepingSquares(raw);
  let footnote = "";
  if (text.includes("※")) {
    const withText = FOOTNOTE_TEXT.exec(text);
    if (withText) {
      footnote = withText[2].trim();
      text = withText[1];
    }
    text = text.replace(FOOTNOTE, "").trim();
  }
  if (text === "") return { kind: "empty", text: original };
  const first = text.charCodeAt(0);
  const startsWithDigit = first >= 48 && first <= 57;
  if (!startsWithDigit) {
    const compact = text.includes(" ") ? text.replace(SPACES, "") : text;
    if (DASH_ONLY.test(compact)) return { kind: "empty", text: original };
    if (REASON_WORDS.has(compact)) return { kind: "empty", reason: compact, text: original };
    const withNote = REASON_WITH_NOTE.exec(text);
    if (withNote && REASON_WORDS.has(withNote[1].replace(SPACES, ""))) {
      return { kind: "empty", reason: withNote[1].replace(SPACES, ""), text: original };
    }
  }

  let cumulative = false;
  let approximate = false;
  if (!startsWithDigit) {
    const cumulativeMark = CUMULATIVE.exec(text);
    if (cumulativeMark) {
      cumulative = true;
      text = text.slice(cumulativeMark[0].length);
    }
    const approxMark = APPROX.exec(text);
    if (approxMark) {
      approximate = true;
      text = text.slice(approxMark[0].length);
    }
  }
  const m = QUANTITY.exec(text);
  if (!m) return error(original);
  const [, sign, integer, decimals = "", multiplier, rawUnit = "", rawNote] = m;
  const unit = restoreSquares(rawUnit.trim());
  let power = multiplier ? MULTIPLIER[multiplier] : 0;
  if (unit === PERCENT_UNIT) power -= 2;
  else if (unit.includes("%") || BOUND_WORD.test(unit)) return error(original);
  const negative = sign === "-" || sign === "△" || sign === "▲";
  const digits = `${negative ? "-" : ""}${integer.includes(",") ? integer.replace(/,/g, "") : integer}${decimals}`;
  const number = scaleDecimal(digits, power);
  if (!Number.isFinite(number)) return error(original);
  const reading: ValueReading = { kind: "number", value: number === 0 ? 0 : number, unit, text: original };
  let note = rawNote === undefined ? "" : restoreSquares(rawNote.trim());
  if (CUMULATIVE_NOTE.test(note)) {
    cumulative = true;
    note = "";
  }
  if (footnote !== "") note = note === "" ? restoreSquares(footnote) : `${note} ${restoreSquares(footnote)}`;
  if (approximate) note = note === "" ? "約" : `約 ${note}`;
  if (note !== "") reading.note = note;
  if (cumulative) reading.cumulative = true;
  return reading;
}
