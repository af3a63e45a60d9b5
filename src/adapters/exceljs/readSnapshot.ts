import ExcelJS from "exceljs";
import type { CellValue } from "../../core/cells/RawCell";
import type { CellArea } from "../../core/cells/address";
import { parseA1 } from "../../core/cells/address";
import type { SheetSnapshot, WorkbookSnapshot } from "../../core/workbook/SheetSnapshot";

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A Date as Excel's 1900-system serial number (ExcelJS reads dates in UTC). */
export function excelSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH_MS) / DAY_MS;
}

function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return excelSerial(value);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) return plainValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("hyperlink" in value) return plainValue((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
    if ("error" in value) return (value as ExcelJS.CellErrorValue).error;
  }
  return String(value);
}

function formulaOf(cell: ExcelJS.Cell): string | null {
  const f = cell.formula;
  return f ? `=${f}` : null;
}

function mergesOf(ws: ExcelJS.Worksheet): CellArea[] {
  const merges = (ws.model as { merges?: string[] }).merges ?? [];
  const areas: CellArea[] = [];
  for (const range of merges) {
    const [a, b] = range.split(":");
    const from = parseA1(a);
    const to = parseA1(b ?? a);
    if (from && to) areas.push({ top: from.row, left: from.col, bottom: to.row, right: to.col });
  }
  return areas;
}

/** One worksheet as the core reads it: the used area's values, formats, formulas and merges. */
export function readSheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  let top = Number.POSITIVE_INFINITY;
  let left = Number.POSITIVE_INFINITY;
  let bottom = -1;
  let right = -1;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (_cell, colNumber) => {
      top = Math.min(top, rowNumber - 1);
      bottom = Math.max(bottom, rowNumber - 1);
      left = Math.min(left, colNumber - 1);
      right = Math.max(right, colNumber - 1);
    });
  });
  const merges = mergesOf(ws);
  for (const m of merges) {
    top = Math.min(top, m.top);
    left = Math.min(left, m.left);
    bottom = Math.max(bottom, m.bottom);
    right = Math.max(right, m.right);
  }
  const isProtected = Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet);
  if (bottom < 0) return { name: ws.name, origin: { row: 0, col: 0 }, values: [], numberFormats: [], formulas: [], merges, protected: isProtected };
  const height = bottom - top + 1;
  const width = right - left + 1;
  const values: CellValue[][] = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
  const numberFormats: string[][] = Array.from({ length: height }, () => new Array<string>(width).fill("General"));
  const formulas: (string | null)[][] = Array.from({ length: height }, () => new Array<string | null>(width).fill(null));
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1 - top;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1 - left;
      if (cell.isMerged && cell.master !== cell) return;
      values[r][c] = plainValue(cell.value);
      if (cell.numFmt) numberFormats[r][c] = cell.numFmt;
      formulas[r][c] = formulaOf(cell);
    });
  });
  return { name: ws.name, origin: { row: top, col: left }, values, numberFormats, formulas, merges, protected: isProtected };
}

/** Every worksheet of a workbook, in order. */
export function readWorkbookSnapshot(wb: ExcelJS.Workbook): WorkbookSnapshot {
  return { sheets: wb.worksheets.map(readSheetSnapshot) };
}
