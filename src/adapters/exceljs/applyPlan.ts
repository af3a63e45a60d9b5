import type ExcelJS from "exceljs";
import { toA1 } from "../../core/cells/address";
import { firstWriteOutsidePlan } from "../../core/plans/PlanBuilder";
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
 * New styles for changed cells. ExcelJS shares one style object among the cells read with the same
 * style, so a cell gets its own object before a change; cells whose old style and change are the
 * same share the new object again, which keeps ExcelJS's style cache (keyed by object) working
 * when it writes the file.
 */
class StyleDeriver {
  private readonly ids = new WeakMap<object, number>();
  private readonly derived = new Map<string, Partial<ExcelJS.Style>>();
  private nextId = 1;

  private id(style: object): number {
    // New cells each get an empty style object of their own: all empty styles are one.
    if (Object.keys(style).length === 0) return 0;
    let id = this.ids.get(style);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(style, id);
    }
    return id;
  }

  restyle(cell: ExcelJS.Cell, source: ExcelJS.Cell | null, numberFormat: string | undefined, fill: string | null | undefined): void {
    const key = `${this.id(cell.style)}|${source ? this.id(source.style) : -1}|${numberFormat ?? ""}|${fill === undefined ? "" : String(fill)}`;
    const known = this.derived.get(key);
    if (known) {
      cell.style = known;
      return;
    }
    const style: Partial<ExcelJS.Style> = { ...cell.style };
    if (source) {
      if (source.font) style.font = { ...source.font };
      if (source.fill) style.fill = JSON.parse(JSON.stringify(source.fill));
      if (source.border) style.border = JSON.parse(JSON.stringify(source.border));
      if (source.alignment) style.alignment = { ...source.alignment };
    }
    if (numberFormat !== undefined) style.numFmt = numberFormat;
    if (fill === null) delete style.fill;
    else if (fill !== undefined) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(fill) } };
    this.derived.set(key, style);
    cell.style = style;
  }
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
  const styles = new StyleDeriver();
  let changed = 0;
  for (const write of plan.writes) {
    const ws = wb.getWorksheet(write.sheet)!;
    const cell = ws.getCell(write.row + 1, write.col + 1);
    const source = write.copyFormatFrom ? ws.getCell(write.copyFormatFrom.row + 1, write.copyFormatFrom.col + 1) : null;
    const fillApplies = write.fill !== undefined && (write.fillOnlyIf === undefined || currentFill(cell) === write.fillOnlyIf.toUpperCase());
    const fill = fillApplies ? write.fill : undefined;
    if (source || write.numberFormat !== undefined || (fill !== undefined && (fill !== null || cell.fill))) {
      styles.restyle(cell, source, write.numberFormat, fill);
    }
    if (source && write.copyFormatFrom) {
      const column = ws.getColumn(write.col + 1);
      const sourceWidth = ws.getColumn(write.copyFormatFrom.col + 1).width;
      if (!column.width && sourceWidth) column.width = Math.min(sourceWidth, 16);
    }
    if (write.value !== undefined) cell.value = write.value;
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
