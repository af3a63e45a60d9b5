import type { RawCell } from "../cells/RawCell";
import { scaleDecimal } from "./decimal";
import { PERCENT_UNIT, type ValueReading } from "./ValueReading";

/** ㎡ ㎥ ㎢ survive NFKC (which would make them m2, m3, km2) through private-use stand-ins. */
const SQUARE_UNITS: [RegExp, string, string][] = [
  [/㎡/g, "\uE001", "㎡"],
  [/㎥/g, "\uE002", "㎥"],
  [/㎢/g, "\uE003", "㎢"],
];
const STAND_IN = /[\uE001-\uE003]/g;
const FROM_STAND_IN: Record<string, string> = { "\uE001": "㎡", "\uE002": "㎥", "\uE003": "㎢" };
const ASCII_ONLY = /^[\x20-\x7e]*$/;
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

/** NFKC and whitespace folding that keep ㎡ ㎥ ㎢ as they are. */
export function normalizeValueText(s: string): string {
  let text = s;
  if (!ASCII_ONLY.test(text)) {
    for (const [pattern, standIn] of SQUARE_UNITS) text = text.replace(pattern, standIn);
    text = text.normalize("NFKC");
  }
  return text.replace(WHITESPACE, " ").trim().replace(STAND_IN, (c) => FROM_STAND_IN[c]);
}

function unitOfFormat(format: string | undefined): string {
  if (!format || format === "General") return "";
  const quoted = UNIT_IN_FORMAT.exec(format);
  if (quoted) return quoted[1].trim();
  return PERCENT_FORMAT.test(format) ? PERCENT_UNIT : "";
}

const integerFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 });
const percentFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** A quantity for people: `1,512件`, `75.6%` (0.756 with unit %), `2.05㎡`. */
export function formatQuantity(value: number, unit: string): string {
  if (unit === PERCENT_UNIT) return `${percentFormat.format(scaleDecimal(String(value), 2))}%`;
  return `${integerFormat.format(value)}${unit}`;
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
  let text = normalizeValueText(raw).replace(FOOTNOTE, "").trim();
  for (const [pattern, standIn] of SQUARE_UNITS) text = text.replace(pattern, standIn);
  if (text === "") return { kind: "empty", text: original };
  const compact = text.replace(/ /g, "");
  if (DASH_ONLY.test(compact)) return { kind: "empty", text: original };
  if (REASON_WORDS.has(compact)) return { kind: "empty", reason: compact, text: original };

  let cumulative = false;
  let approximate = false;
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
  const m = QUANTITY.exec(text);
  if (!m) return error(original);
  const [, sign, integer, decimals = "", multiplier, rawUnit = "", note] = m;
  const unit = rawUnit.trim().replace(STAND_IN, (c) => FROM_STAND_IN[c]);
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
