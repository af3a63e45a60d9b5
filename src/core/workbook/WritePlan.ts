import type { CellValue } from "../cells/RawCell";

export type WritePurpose = "header" | "actual" | "rate" | "grade";

/**
 * One cell an operation changes. Positions are 0-based and absolute.
 * A property left undefined is left as it is in the workbook.
 */
export interface CellWrite {
  sheet: string;
  row: number;
  col: number;
  purpose: WritePurpose;
  /** The new value. Strings are always written as text, never as formulas. null clears the cell. */
  value?: CellValue;
  numberFormat?: string;
  /** Fill colour "#RRGGBB"; null removes the fill. */
  fill?: string | null;
  /**
   * Apply `fill` only when the cell's current fill is exactly this colour: how the add-in removes
   * its own missing-actual highlight without touching a fill the user chose.
   */
  fillOnlyIf?: string;
  /** A note (comment) on the cell; null removes the add-in's note. */
  note?: string | null;
  /** Copy the look (font, fill, borders, alignment) of this cell first: a new column's header. */
  copyFormatFrom?: { row: number; col: number };
}

/** Columns an operation may touch on one sheet, and why. Anything else is never written. */
export interface AllowedColumn {
  sheet: string;
  col: number;
  purpose: WritePurpose;
  /** Rows the column may be written in (inclusive, 0-based). */
  fromRow: number;
  toRow: number;
}

export interface WritePlan {
  operation: "fill" | "evaluate" | "flag";
  year: number;
  writes: CellWrite[];
  allowed: AllowedColumn[];
  /**
   * Sheets the operation would have written but did not because they are protected (Excel refuses
   * writes into a protected sheet; every host follows that rule), each named once.
   */
  protectedSheets?: string[];
}
