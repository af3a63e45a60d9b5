import type { FiscalYear } from "../../src/core/periods/Period";
import { cellValueFromInput } from "../../src/core/plans/cellValueFromInput";
import type { CellValue } from "../../src/core/cells/RawCell";

/** Ways the same content is laid out differently in users' files. */
export interface LayoutVariation {
  /** First row and column of the content (column 1 = "tables starting in column B"). */
  startRow?: number;
  startCol?: number;
  /** Merge content cells across columns, as most offices do (default true). */
  merged?: boolean;
  /** Write digits, dots, commas and % full-width (１，２３４件). */
  fullWidth?: boolean;
  /** Header of the year's actual column; default `R7実績` style. */
  actualHeader?: (fy: FiscalYear) => string;
  /** Write the actual column (header and values); default true. */
  withActuals?: boolean;
}

const FULL_WIDTH = /[0-9.,%+-]/g;

export function toFullWidth(text: string): string {
  return text.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

export function shapeText(text: string, variation: LayoutVariation): string {
  return variation.fullWidth ? toFullWidth(text) : text;
}

/** An actual as a person types it into Excel: plain numbers and percentages become numbers. */
export function actualCell(text: string | undefined, variation: LayoutVariation): { value: CellValue; numberFormat?: string } {
  if (text === undefined) return { value: null };
  if (variation.fullWidth) return { value: toFullWidth(text) };
  const typed = cellValueFromInput(text);
  if (!typed) return { value: null };
  return typed;
}
