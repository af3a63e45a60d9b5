import ExcelJS from "exceljs";
import type { CellValue } from "../../src/core/cells/RawCell";
import type { CellArea } from "../../src/core/cells/address";
import type { WorkbookSnapshot } from "../../src/core/workbook/SheetSnapshot";
import { SnapshotSheetBuilder, type CellStyle, type SheetBuilder } from "./SheetBuilder";

export interface WorkbookBuilder {
  sheet(name: string): SheetBuilder;
}

export class SnapshotWorkbookBuilder implements WorkbookBuilder {
  private readonly sheets: SnapshotSheetBuilder[] = [];

  sheet(name: string): SheetBuilder {
    const b = new SnapshotSheetBuilder(name);
    this.sheets.push(b);
    return b;
  }

  build(): WorkbookSnapshot {
    return { sheets: this.sheets.map((s) => s.build()) };
  }
}

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF808080" } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function styleCell(cell: ExcelJS.Cell, style: CellStyle): void {
  switch (style) {
    case "title":
      cell.font = { bold: true, size: 12 };
      break;
    case "label":
      cell.font = { bold: true };
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
      cell.border = BOX;
      cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
      break;
    case "header":
      cell.font = { bold: true };
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
      cell.border = BOX;
      cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
      break;
    case "value":
      cell.border = BOX;
      cell.alignment = { vertical: "middle", wrapText: true };
      break;
    case "note":
      cell.font = { size: 9, color: { argb: "FF595959" } };
      break;
  }
}

class ExcelJSSheetBuilder implements SheetBuilder {
  constructor(private readonly ws: ExcelJS.Worksheet) {}

  set(row: number, col: number, value: CellValue, style: CellStyle = "value", numberFormat?: string): void {
    const cell = this.ws.getCell(row + 1, col + 1);
    cell.value = value;
    if (numberFormat && numberFormat !== "General") cell.numFmt = numberFormat;
    styleCell(cell, style);
  }

  setFormula(row: number, col: number, formula: string, cached: CellValue, numberFormat?: string): void {
    const cell = this.ws.getCell(row + 1, col + 1);
    cell.value = { formula: formula.replace(/^=/, ""), result: cached ?? undefined } as ExcelJS.CellFormulaValue;
    if (numberFormat && numberFormat !== "General") cell.numFmt = numberFormat;
    styleCell(cell, "value");
  }

  merge(area: CellArea): void {
    // Borders on every cell of the area, so a merged area looks like one boxed cell.
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        const cell = this.ws.getCell(r + 1, c + 1);
        if (!cell.border) cell.border = BOX;
      }
    }
    this.ws.mergeCells(area.top + 1, area.left + 1, area.bottom + 1, area.right + 1);
  }

  width(col: number, characters: number): void {
    this.ws.getColumn(col + 1).width = characters;
  }
}

/** Writes .xlsx files that look like the users' own. */
export class ExcelJSWorkbookBuilder implements WorkbookBuilder {
  readonly workbook = new ExcelJS.Workbook();

  constructor() {
    const fixed = new Date(Date.UTC(2025, 3, 1));
    this.workbook.creator = "kpi-sheets seeds";
    this.workbook.created = fixed;
    this.workbook.modified = fixed;
  }

  sheet(name: string): SheetBuilder {
    return new ExcelJSSheetBuilder(this.workbook.addWorksheet(name));
  }
}
