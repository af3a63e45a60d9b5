import type { CellValue } from "../../core/cells/RawCell";

/**
 * One cell change the file layer makes: what a WritePlan's CellWrite asks, plus what the in-memory
 * host may hold (a formula, bold). A property left undefined leaves that part of the cell as it is.
 */
export interface CellEdit {
  row: number;
  col: number;
  /** Strings are written as text, never as formulas; null clears the value (the look stays). */
  value?: CellValue;
  /** "=…": a formula without a cached value (Excel computes it on opening). */
  formula?: string;
  numberFormat?: string;
  /** "#RRGGBB"; null removes the fill. */
  fill?: string | null;
  /** Change the fill only when the cell's current solid fill is this colour. */
  fillOnlyIf?: string;
  bold?: boolean;
  /** A note (legacy comment) on the cell; null removes it. */
  note?: string | null;
  /** Copy font, fill, borders and alignment of this cell first, and its column width when ours has none. */
  copyFormatFrom?: { row: number; col: number };
}

/** The edits of one sheet. */
export interface SheetEdits {
  sheet: string;
  edits: CellEdit[];
}
