import type ExcelJS from "exceljs";
import { toA1 } from "../../core/cells/address";
import { firstWriteOutsidePlan } from "../../core/workbook/PlanBuilder";
import type { CellWrite, WritePlan } from "../../core/workbook/WritePlan";

function argb(hex: string): string {
  return `FF${hex.slice(1).toUpperCase()}`;
}

function currentFill(cell: ExcelJS.Cell): string | null {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  if (!fill || fill.type !== "pattern" || fill.pattern !== "solid") return null;
  const color = fill.fgColor?.argb;
  return color ? `#${color.slice(-6).toUpperCase()}` : null;
}

/**
 * ExcelJS shares one style object among every cell read with the same style: give the cell its
 * own copy before changing a property, or the change would reach every cell sharing it.
 */
function ownStyle(cell: ExcelJS.Cell): void {
  cell.style = { ...cell.style };
}

function place(write: CellWrite): string {
  return `シート「${write.sheet}」${toA1(write.row, write.col)}`;
}

/** Refuse the whole plan before changing anything: nothing is ever half-written. */
function checkPlan(wb: ExcelJS.Workbook, plan: WritePlan): void {
  const outside = firstWriteOutsidePlan(plan);
  if (outside) throw new Error(`${place(outside)} は書き込みが許可された列の外です。何も書き込んでいません。`);
  for (const write of plan.writes) {
    const ws = wb.getWorksheet(write.sheet);
    if (!ws) throw new Error(`シート「${write.sheet}」が見つかりません（名前が変わったか削除されました）。何も書き込んでいません。`);
    const cell = ws.getCell(write.row + 1, write.col + 1);
    if (cell.isMerged && cell.master !== cell) {
      throw new Error(`${place(write)} は結合されたセルの一部です（結合の左上は ${cell.master.address}）。何も書き込んでいません。`);
    }
  }
}

/**
 * Apply a write plan to an ExcelJS workbook. Strings are written as plain text values (ExcelJS
 * keeps formulas in separate objects, so "=1+1" stays text); every other cell is left untouched.
 */
export function applyWritePlan(wb: ExcelJS.Workbook, plan: WritePlan): { changed: number } {
  checkPlan(wb, plan);
  let changed = 0;
  for (const write of plan.writes) {
    const ws = wb.getWorksheet(write.sheet)!;
    const cell = ws.getCell(write.row + 1, write.col + 1);
    const restyles = write.copyFormatFrom !== undefined || write.numberFormat !== undefined || write.fill !== undefined;
    if (restyles) ownStyle(cell);
    if (write.copyFormatFrom) {
      const source = ws.getCell(write.copyFormatFrom.row + 1, write.copyFormatFrom.col + 1);
      if (source.font) cell.font = { ...source.font };
      if (source.fill) cell.fill = JSON.parse(JSON.stringify(source.fill));
      if (source.border) cell.border = JSON.parse(JSON.stringify(source.border));
      if (source.alignment) cell.alignment = { ...source.alignment };
      const column = ws.getColumn(write.col + 1);
      const sourceWidth = ws.getColumn(write.copyFormatFrom.col + 1).width;
      if (!column.width && sourceWidth) column.width = Math.min(sourceWidth, 16);
    }
    if (write.value !== undefined) cell.value = write.value;
    if (write.numberFormat !== undefined) cell.numFmt = write.numberFormat;
    if (write.fill !== undefined && (write.fillOnlyIf === undefined || currentFill(cell) === write.fillOnlyIf.toUpperCase())) {
      if (write.fill === null) {
        if (cell.fill) delete (cell.style as { fill?: unknown }).fill;
      } else {
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(write.fill) } };
      }
    }
    if (write.note !== undefined) {
      if (write.note === null) {
        // ExcelJS has no public way to remove a note.
        if (cell.note) (cell as unknown as { _comment?: unknown })._comment = undefined;
      } else {
        cell.note = write.note;
      }
    }
    changed++;
  }
  return { changed };
}
