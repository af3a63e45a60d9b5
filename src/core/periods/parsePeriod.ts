import type { RawCell } from "../cells/RawCell";
import { nfkc } from "../text/normalize";
import { formatInfo } from "../values/numberFormat";
import type { FiscalYear, Period } from "./Period";
import { memoByText } from "../text/memoByText";

/** First Western year of each era (元年). */
const ERA_START: Record<string, number> = { R: 2019, 令和: 2019, H: 1989, 平成: 1989, S: 1926, 昭和: 1926 };
const ERA = "(令和|平成|昭和|[RHS])";
const YEAR = "(元|\\d{1,2})(?!\\d)";
const WHITESPACE = /[\s\u3000]+/g;
const DASH_ONLY = /^[-‐‑‒–—―−ー~]*$/;

/** 令和7(2025)年度 / R7年度 / 令和元年度 / R7 / H31 / 2025年度 / FY2025, optionally 末 (end of the year). */
const FISCAL = new RegExp(`^(?:${ERA}${YEAR}(?:\\((\\d{4})\\))?年?度?|(?:FY)?(\\d{4})(?:年度?)?)(末)?$`, "i");
/** R6.3 / 令和6年3月 / 2024年3月 / 2024.3 / R6年3月末 — a month. */
const MONTH = new RegExp(`^(?:${ERA}${YEAR}|(\\d{4}))[.年/](\\d{1,2})月?(?:末|時点|現在)?$`, "i");
/** A period inside a header: the longest era/Western form, not glued to a Latin word (KPI). */
const IN_HEADER = new RegExp(`(?<![A-Za-z])(?:${ERA}${YEAR}(?:\\((\\d{4})\\))?(?:年度末|年度|年)?|(?<!\\d)(\\d{4})年度(末)?|(?<![A-Za-z])[Ff][Yy](\\d{4})(?!\\d))`, "g");
const MONTH_AFTER = /^\.(\d{1,2})(?!\d)/;
const MAX_LENGTH = 200;

function normalize(text: string): string {
  return nfkc(text).replace(WHITESPACE, "");
}

/** The Western year of an era year (令和元 → 2019, H31 → 2019); NaN for year 0. */
function eraYear(era: string, year: string): number {
  const start = ERA_START[era.toUpperCase()] ?? ERA_START[era];
  const n = year === "元" ? 1 : Number(year);
  return n >= 1 ? start + n - 1 : NaN;
}

/** Year and month of an Excel serial date (1900 date system; serial 60 is Excel's fictitious 29 Feb 1900). */
function serialToYearMonth(serial: number): { year: number; month: number } | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const days = Math.floor(serial) - (serial > 60 ? 1 : 0);
  const date = new Date(Date.UTC(1899, 11, 31) + days * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
}

/** The fiscal year (April–March) a month falls in: March 2024 → FY2023. */
export function fiscalYearOfMonth(year: number, month: number): FiscalYear {
  return month <= 3 ? year - 1 : year;
}

function plausible(fy: number): boolean {
  return fy >= 1926 && fy <= 2200;
}

/**
 * A period as written: a fiscal year (`R7`, `令和7年度`, `2025年度`), a point in time (`R6.3`,
 * `平成31年度末`), every year (`毎年度`), empty (blank, a dash) or an error. Never throws.
 */
export function parsePeriod(input: string | RawCell | null | undefined): Period {
  const raw = typeof input === "string" || input === null || input === undefined ? input : input.value;
  if (raw === null || raw === undefined) return { kind: "empty", text: "" };
  if (typeof raw === "number") {
    const numberFormat = typeof input === "object" && input !== null ? input.numberFormat : undefined;
    if (numberFormat !== undefined && formatInfo(numberFormat).date) {
      // A date cell (2024/3/31): the month it names.
      const ym = serialToYearMonth(raw);
      if (ym && plausible(ym.year)) return { kind: "pointInTime", fy: fiscalYearOfMonth(ym.year, ym.month), year: ym.year, month: ym.month, text: `${ym.year}年${ym.month}月` };
    } else if (Number.isInteger(raw) && plausible(raw)) return { kind: "fiscalYear", fy: raw, text: String(raw) };
    return { kind: "error", text: String(raw), message: `年度として読めません: 「${raw}」` };
  }
  if (typeof raw !== "string") return { kind: "error", text: String(raw), message: `年度として読めません: 「${String(raw)}」` };
  const original = raw.trim();
  if (original.length > MAX_LENGTH) return { kind: "error", text: original, message: `年度として読めません: 「${original}」` };
  const text = normalize(original);
  if (DASH_ONLY.test(text)) return { kind: "empty", text: original };
  if (text === "毎年度" || text === "毎年") return { kind: "everyYear", text: original };
  const fiscal = FISCAL.exec(text);
  if (fiscal) {
    const [, era, year, western, plain, end] = fiscal;
    const fy = era ? eraYear(era, year) : Number(plain);
    if (western && Number(western) !== fy) return { kind: "error", text: original, message: `年号と西暦が一致しません: 「${original}」` };
    if (!plausible(fy)) return { kind: "error", text: original, message: `年度として読めません: 「${original}」` };
    if (end) return { kind: "pointInTime", fy, year: fy + 1, month: 3, text: original };
    return { kind: "fiscalYear", fy, text: original };
  }
  const month = MONTH.exec(text);
  if (month) {
    const [, era, year, plain, m] = month;
    const calendarYear = era ? eraYear(era, year) : Number(plain);
    const monthNumber = Number(m);
    if (monthNumber >= 1 && monthNumber <= 12 && plausible(calendarYear)) {
      return { kind: "pointInTime", fy: fiscalYearOfMonth(calendarYear, monthNumber), year: calendarYear, month: monthNumber, text: original };
    }
  }
  return { kind: "error", text: original, message: `年度として読めません: 「${original}」` };
}

const rememberedPeriod = memoByText((text: string) => parsePeriod(text));

/**
 * parsePeriod for an indicator's period cell, remembered by text: ten thousand indicators repeat a
 * few periods (`R12.3`, `毎年度`). Reading headers, which tries every text of a sheet, uses parsePeriod.
 */
export function parsePeriodCell(cell: RawCell): Period {
  return typeof cell.value === "string" ? rememberedPeriod(cell.value) : parsePeriod(cell);
}

/**
 * Where a header names a period (`数値目標等（H31）`, `現状(平成26年度末)`, `R7実績`, `2025年度実績`):
 * the period and its place in the header's normalized text (NFKC, no whitespace), or null.
 * Latin letters glued to a word (`KPI`) are not eras.
 */
export function findPeriodInHeader(header: string): { period: Period; text: string; start: number; end: number } | null {
  if (typeof header !== "string" || header.length > MAX_LENGTH) return null;
  const text = normalize(header);
  IN_HEADER.lastIndex = 0;
  for (let m = IN_HEADER.exec(text); m; m = IN_HEADER.exec(text)) {
    const found = m[0];
    // R7.3 style months inside a header read as points in time.
    const rest = text.slice(m.index + found.length);
    const month = MONTH_AFTER.exec(rest);
    const candidate = month ? `${found}.${month[1]}` : found;
    const period = parsePeriod(candidate);
    if (period.kind === "fiscalYear" || period.kind === "pointInTime") {
      return { period: { ...period, text: header }, text, start: m.index, end: m.index + candidate.length };
    }
  }
  return null;
}

/** The period a header names, or null (see findPeriodInHeader). */
export function extractPeriodFromHeader(header: string): Period | null {
  return findPeriodInHeader(header)?.period ?? null;
}

/** A fiscal year typed by a user: `R7`, `令和7年度`, `2025`, `2025年度`, `FY2025`. */
export function parseFiscalYear(text: string): FiscalYear | null {
  if (typeof text !== "string") return null;
  const period = parsePeriod(text);
  return period.kind === "fiscalYear" ? period.fy : null;
}

/** `R7` for FY2025, `R1` for FY2019, `H30` for FY2018. */
export function fiscalYearLabel(fy: FiscalYear): string {
  if (fy >= 2019) return `R${fy - 2018}`;
  if (fy >= 1989) return `H${fy - 1988}`;
  return `${fy}`;
}

/** `令和7年度`, `令和元年度`, `平成30年度`. */
export function fiscalYearJapanese(fy: FiscalYear): string {
  const era = fy >= 2019 ? { name: "令和", start: 2019 } : fy >= 1989 ? { name: "平成", start: 1989 } : null;
  if (!era) return `${fy}年度`;
  const n = fy - era.start + 1;
  return `${era.name}${n === 1 ? "元" : n}年度`;
}
