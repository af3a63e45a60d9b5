import type { RawCell } from "../cells/RawCell";
import { NEEDS_NFKC } from "../text/normalize";
import { scaleDecimal } from "./decimal";
import { PERCENT_UNIT, type ValueReading } from "./ValueReading";

/** ㎡ ㎥ ㎢ survive NFKC (which would make them m2, m3, km2) through private-use stand-ins. */
const SQUARE_UNITS: [RegExp, string, string][] = [
  [/㎡/g, "\uE001", "㎡"],
  [/㎥/g, "\uE002", "㎥"],
  [/㎢/g, "\uE003", "㎢"],
];
const STAND_IN = /[\uE001-\uE003]/g;
const SQUARES = /[㎡㎥㎢]/;
const HAS_STAND_IN = /[\uE001-\uE003]/;
const FROM_STAND_IN: Record<string, string> = { "\uE001": "㎡", "\uE002": "㎥", "\uE003": "㎢" };

const WHITESPACE = /[\s\u3000]+/g;
const FOOTNOTE = /※\s*\d*/g;
const DASH_ONLY = /^[-‐‑‒–—―−ー~]+%?$/;
const REASON_WORDS = new Set(["未集計", "調査中", "未把握", "集計中", "評価不能", "非公表", "未実施", "未定", "算出中", "把握中", "未公表"]);
const CUMULATIVE = /^(?:延べ|延|\[累計\]|累計)\s*/;
const APPROX = /^約\s*/;
/**
 * sign, integer (with or without thousands separators), decimals, multiplier, unit, note.
 * The unit is anything but digits, brackets and signs: 件, 人, 品目, %, 円, ㎡ (stand-in), 事業所.
 */
const QUANTITY = /^([+\-△▲]?)\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(百万|万|億|千|兆)?\s*([^\d\s()+\-,.:;/=~][^\d()+\-,.:;/=~]*?)?\s*(?:\((.*)\))?$/;
const MULTIPLIER: Record<string, number> = { 千: 3, 万: 4, 百万: 6, 億: 8, 兆: 12 };
const UNIT_IN_FORMAT = /"([^"]+)"/;
const PERCENT_FORMAT = /%(?=(?:[^"]*"[^"]*")*[^"]*$)/;

/** NFKC and whitespace folding, with ㎡ ㎥ ㎢ as private-use stand-ins. */
function normalizeKeepingSquares(s: string): string {
  let text = s;
  if (NEEDS_NFKC.test(text)) {
    if (SQUARES.test(text)) for (const [pattern, standIn] of SQUARE_UNITS) text = text.replace(pattern, standIn);
    text = text.normalize("NFKC");
  }
  return text.replace(WHITESPACE, " ").trim();
}

/** NFKC and whitespace folding that keep ㎡ ㎥ ㎢ as they are. */
export function normalizeValueText(s: string): string {
  const text = normalizeKeepingSquares(s);
  return HAS_STAND_IN.test(text) ? text.replace(STAND_IN, (c) => FROM_STAND_IN[c]) : text;
}

function unitOfFormat(format: string | undefined): string {
  if (!format || format === "General") return "";
  const quoted = UNIT_IN_FORMAT.exec(format);
  if (quoted) return quoted[1].trim();
  return PERCENT_FORMAT.test(format) ? PERCENT_UNIT : "";
}

/** A number with thousands separators and at most `decimals` decimals, trailing zeros dropped. */
function groupDigits(value: number, decimals: number): string {
  const factor = 10 ** decimals;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  const text = String(rounded);
  const sign = value < 0 && rounded !== 0 ? "-" : "";
  if (rounded < 1000 || text.includes("e")) return sign + text;
  const dot = text.indexOf(".");
  const int = dot < 0 ? text : text.slice(0, dot);
  let grouped = "";
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) grouped += ",";
    grouped += int[i];
  }
  return sign + grouped + (dot < 0 ? "" : text.slice(dot));
}

/** A quantity for people: `1,512件`, `75.6%` (0.756 with unit %), `2.05㎡`. */
export function formatQuantity(value: number, unit: string): string {
  if (unit === PERCENT_UNIT) return `${groupDigits(scaleDecimal(String(value), 2), 2)}%`;
  return `${groupDigits(value, 4)}${unit}`;
}

function error(text: string, message = `数値として読めません: 「${text}」`): ValueReading {
  return { kind: "error", text, message };
}

function fromNumber(value: number, numberFormat: string | undefined): ValueReading {
  if (!Number.isFinite(value)) return error(String(value));
  const unit = unitOfFormat(numberFormat);
  return { kind: "number", value, unit, text: formatQuantity(value, unit) };
}

/**
 * Read a cell as a quantity: a number with its unit (base units: 99.8億円 → 9,980,000,000 円,
 * 74.9% → 0.749 %), empty (blank, a dash, or a word such as 未集計 kept as the reason), or an
 * error carrying the text. Never guesses, never throws.
 */
export function parseValue(cell: RawCell): ValueReading {
  const { value } = cell;
  if (value === null || value === undefined) return { kind: "empty", text: "" };
  if (typeof value === "number") return fromNumber(value, cell.numberFormat);
  if (typeof value === "boolean") return error(value ? "TRUE" : "FALSE");
  if (typeof value !== "string") return error(String(value));
  return parseValueText(value);
}

export function parseValueText(raw: string): ValueReading {
  const original = raw.trim();
  let text = normalizeKeepingSquares(raw);
  if (text.includes("※")) text = text.replace(FOOTNOTE, "").trim();
  if (text === "") return { kind: "empty", text: original };
  const first = text.charCodeAt(0);
  const startsWithDigit = first >= 48 && first <= 57;
  if (!startsWithDigit) {
    const compact = text.replace(/ /g, "");
    if (DASH_ONLY.test(compact)) return { kind: "empty", text: original };
    if (REASON_WORDS.has(compact)) return { kind: "empty", reason: compact, text: original };
  }

  let cumulative = false;
  let approximate = false;
  const cumulativeMark = startsWithDigit ? null : CUMULATIVE.exec(text);
  if (cumulativeMark) {
    cumulative = true;
    text = text.slice(cumulativeMark[0].length);
  }
  const approxMark = startsWithDigit ? null : APPROX.exec(text);
  if (approxMark) {
    approximate = true;
    text = text.slice(approxMark[0].length);
  }
  const m = QUANTITY.exec(text);
  if (!m) return error(original);
  const [, sign, integer, decimals = "", multiplier, rawUnit = "", note] = m;
  const trimmed = rawUnit.trim();
  const unit = HAS_STAND_IN.test(trimmed) ? trimmed.replace(STAND_IN, (c) => FROM_STAND_IN[c]) : trimmed;
  let power = multiplier ? MULTIPLIER[multiplier] : 0;
  if (unit === PERCENT_UNIT) power -= 2;
  else if (unit.startsWith(PERCENT_UNIT)) return error(original);
  else if (unit.includes("%")) return error(original);
  const digits = `${sign === "-" || sign === "△" || sign === "▲" ? "-" : ""}${integer.replace(/,/g, "")}${decimals}`;
  const number = scaleDecimal(digits, power);
  if (!Number.isFinite(number)) return error(original);
  const reading: ValueReading = { kind: "number", value: number === 0 ? 0 : number, unit, text: original };
  const notes = [approximate ? "約" : "", note?.trim() ?? ""].filter(Boolean);
  if (notes.length > 0) reading.note = notes.join(" ");
  if (cumulative) reading.cumulative = true;
  return reading;
}
