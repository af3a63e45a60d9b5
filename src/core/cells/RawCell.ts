/**
 * A cell as a host hands it to the core: Excel (Office.js), an .xlsx file (ExcelJS) or a test.
 * Dates are not special: hosts pass the Excel serial number with its number format.
 */
export type CellValue = string | number | boolean | null;

export interface RawCell {
  value: CellValue;
  /** Excel number format code, e.g. "General", "0.0%", "#,##0\"件\"". Absent means General. */
  numberFormat?: string;
}

export const emptyCell: RawCell = { value: null };
