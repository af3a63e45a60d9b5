import type { CellValue } from "../../core/cells/RawCell";

/**
 * Text Excel would not keep as text when it is written to `values` or `formulas` (en-US reading):
 * formulas (=, +, -, @), numbers in any dress (1,000  (100)  .5  1e5  10%  $5  ¥5), booleans,
 * error names (#N/A), dates and times (15-Feb, Feb 15, 4/1, 12:30). Deliberately wider than Excel:
 * a quote prefix on text that needed none changes nothing a person sees.
 */
const STARTS = /^\s*(?:[=+\-@'#(.$¥￥€£0-9０-９＋－＝＃]|\u2212)/;
const BOOLEAN = /^\s*(?:true|false)\s*$/i;
const MONTH_AND_DIGIT = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b.*\d|\d.*\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const TIME = /\d\s*:\s*\d|\d\s*(?:am|pm)\b/i;

export function needsQuote(text: string): boolean {
  return STARTS.test(text) || BOOLEAN.test(text) || MONTH_AND_DIGIT.test(text) || TIME.test(text);
}

/** A value to write so that Excel keeps text exactly as it is (behind a quote prefix when needed). */
export function safeText(value: CellValue | undefined): unknown {
  if (typeof value === "string" && needsQuote(value)) return `'${value}`;
  return value;
}
