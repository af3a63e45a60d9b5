import { toA1 } from "../cells/address";
import type { AllowedColumn, CellWrite, WritePlan, WritePurpose } from "../workbook/WritePlan";
import type { IndicatorTable } from "../workbook/WorkbookModel";

/** A write outside every allowed column of its plan, or null when all are inside. */
export function firstWriteOutsidePlan(plan: WritePlan): CellWrite | null {
  // By sheet, then column: a plan checks tens of thousands of writes against a few columns.
  const bySheet = new Map<string, Map<number, AllowedColumn[]>>();
  for (const a of plan.allowed) {
    let columns = bySheet.get(a.sheet);
    if (!columns) bySheet.set(a.sheet, (columns = new Map()));
    const list = columns.get(a.col);
    if (list) list.push(a);
    else columns.set(a.col, [a]);
  }
  for (const write of plan.writes) {
    const candidates = bySheet.get(write.sheet)?.get(write.col);
    if (!candidates || !allows(candidates, write)) return write;
  }
  return null;
}

/** Whether one of a column's allowances takes the write (a loop: no closure for each of the writes). */
function allows(columns: AllowedColumn[], write: CellWrite): boolean {
  for (const a of columns) if (write.row >= a.fromRow && write.row <= a.toRow && (a.purpose === write.purpose || write.purpose === "header")) return true;
  return false;
}

/**
 * Builds a write plan whose every write lies inside the columns the operation may touch and
 * outside protected sheets (Excel refuses writes into them; the file host follows the same rule).
 */
export class PlanBuilder {
  private readonly writes: CellWrite[] = [];
  private readonly allowed: AllowedColumn[] = [];
  private readonly skipped = new Set<string>();

  constructor(
    private readonly operation: WritePlan["operation"],
    private readonly year: number,
    private readonly protectedSheets: ReadonlySet<string> = new Set(),
  ) {}

  /** Whether the sheet is protected; a protected sheet is recorded as skipped by the plan. */
  skips(sheet: string): boolean {
    if (!this.protectedSheets.has(sheet)) return false;
    this.skipped.add(sheet);
    return true;
  }

  allowColumn(table: IndicatorTable, col: number, purpose: WritePurpose): void {
    this.allowed.push({ sheet: table.sheet, col, purpose, fromRow: table.headerTop, toRow: table.lastRow });
  }

  /** One cell (a row-wise table's 達成率 row in the year's column). */
  allowCell(sheet: string, row: number, col: number, purpose: WritePurpose): void {
    this.allowed.push({ sheet, col, purpose, fromRow: row, toRow: row });
  }

  header(table: IndicatorTable, col: number, text: string): void {
    this.writes.push({
      sheet: table.sheet,
      row: table.newHeaderRow,
      col,
      purpose: "header",
      value: text,
      copyFormatFrom: table.headerStyleFrom,
    });
  }

  write(write: CellWrite): void {
    this.writes.push(write);
  }

  build(): WritePlan {
    const plan: WritePlan = { operation: this.operation, year: this.year, writes: this.writes, allowed: this.allowed, protectedSheets: [...this.skipped] };
    const outside = firstWriteOutsidePlan(plan);
    if (outside) {
      throw new Error(`Internal error: planned write outside the allowed columns at ${outside.sheet}!${toA1(outside.row, outside.col)}`);
    }
    const locked = this.writes.find((w) => this.protectedSheets.has(w.sheet));
    if (locked) throw new Error(`Internal error: planned write into the protected sheet ${locked.sheet}`);
    return plan;
  }
}
