import type { CellValue } from "../cells/RawCell";
import type { CellArea } from "../cells/address";

/**
 * What a host reads of one worksheet, in one batch. Host-neutral: Office.js (used range) and
 * ExcelJS (a file) both produce it. Positions are 0-based and absolute on the sheet.
 */
export interface SheetSnapshot {
  name: string;
  /** Absolute position of values[0][0] (the used range may start anywhere). */
  origin: { row: number; col: number };
  /** Rectangular; "" and null both mean an empty cell. Dates arrive as Excel serial numbers. */
  values: CellValue[][];
  /** Same shape as values; "General" where the host reports none. */
  numberFormats: string[][];
  /** Same shape as values when the host reads formulas: the formula text ("=B2*2") or null. */
  formulas?: (string | null)[][];
  /** Merged areas (absolute), when the host can read them. */
  merges: CellArea[];
  /** Whether the sheet is protected (writes into locked cells fail). */
  protected?: boolean;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

/** Read one cell of a snapshot by absolute position (outside the used range = empty). */
export function cellAt(sheet: SheetSnapshot, row: number, col: number): { value: CellValue; numberFormat: string; formula: string | null } {
  const r = row - sheet.origin.row;
  const c = col - sheet.origin.col;
  const line = r >= 0 ? sheet.values[r] : undefined;
  if (!line || c < 0 || c >= line.length) return { value: null, numberFormat: "General", formula: null };
  return {
    value: line[c] ?? null,
    numberFormat: sheet.numberFormats[r]?.[c] ?? "General",
    formula: sheet.formulas?.[r]?.[c] ?? null,
  };
}
