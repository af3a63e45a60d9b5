import { toA1 } from "../../core/cells/address";
import type { CellValue } from "../../core/cells/RawCell";
import type { WritePlan } from "../../core/workbook/WritePlan";
import type { ExcelLike, RangeLike, RunOptions, ValueTypeName } from "./ExcelLike";
import { safeText } from "./quoteText";
import { packBlocks, runBlocks } from "./requestBlocks";

/** What a cell held before the add-in changed it, to restore exactly what was changed. */
export interface PreviousCell {
  sheet: string;
  row: number;
  col: number;
  /** The formula ("=…") when the cell held one. */
  formula?: string;
  /** Otherwise its value: text exactly as it was ('=1+1 stays text), a number, a boolean, an error name; null when empty. */
  value?: CellValue;
  error?: boolean;
  numberFormat: string;
  fill: string | null;
  /** undefined when notes could not be read (before ExcelApi 1.18). */
  note?: string | null;
  /** Whether the add-in's highlight record held the cell. */
  highlighted: boolean;
  /** What the operation changed, and so what undo puts back. */
  changed: { content: boolean; numberFormat: boolean; fill: boolean; note: boolean };
}

export interface UndoRecord {
  operation: WritePlan["operation"];
  cells: PreviousCell[];
}

const WHITE = "#FFFFFF";

/** Loads queued before a cell is written: they see what it holds now. */
export function loadPrevious(range: RangeLike): RangeLike {
  return range.load("values,formulas,numberFormat,valueTypes,format/fill/color");
}

/**
 * A cell's content from a loaded range. `formulas` drops the apostrophe of quoted text (so '=1+1
 * reads as "=1+1", office-js #6687): a formula is told apart by its value differing from its text.
 */
export function previousContent(range: RangeLike): Pick<PreviousCell, "formula" | "value" | "error" | "numberFormat" | "fill"> {
  const formula = range.formulas[0][0];
  const value = range.values[0][0];
  const type: ValueTypeName = range.valueTypes[0][0];
  const fill = range.format.fill.color;
  const base = { numberFormat: String(range.numberFormat[0][0]), fill: fill && fill.toUpperCase() !== WHITE ? fill : null };
  if (typeof formula === "string" && formula.startsWith("=") && !(type === "String" && value === formula)) return { ...base, formula };
  if (type === "Error") return { ...base, value: String(value), error: true };
  return { ...base, value: value === "" ? null : (value as CellValue) };
}

function estimate(cell: PreviousCell): number {
  return 200 + JSON.stringify(cell.formula ?? cell.value ?? null).length + cell.numberFormat.length + (cell.note?.length ?? 0) * 3;
}

/**
 * Put back what the cells held, only what was changed, in requests that fit the budget (one request
 * a block; two with notes, which must be looked up first). Returns the requests made.
 */
export interface RestoreOptions {
  runOptions: RunOptions;
  supports: (version: string) => boolean;
  budget: number;
  /** A workbook setting written with each block (the highlight record as it will be), committed once the block is done. */
  record?: { key: string; next(block: PreviousCell[]): unknown; commit(block: PreviousCell[]): void };
}

export async function restoreCells(excel: ExcelLike, cells: PreviousCell[], options: RestoreOptions): Promise<number> {
  const notes = options.supports("1.18");
  return runBlocks(packBlocks(cells, estimate, options.budget), (block) =>
    excel.run(options.runOptions, async (context) => {
      const withNotes = notes && block.some((c) => c.changed.note && c.note !== undefined);
      const existing = withNotes ? block.map((c) => context.workbook.worksheets.getItem(c.sheet).notes.getItemOrNullObject(toA1(c.row, c.col)).load("content")) : [];
      if (withNotes) await context.sync();
      context.application.suspendApiCalculationUntilNextSync();
      block.forEach((cell, i) => {
        const ws = context.workbook.worksheets.getItem(cell.sheet);
        const range = ws.getRangeByIndexes(cell.row, cell.col, 1, 1);
        if (cell.changed.numberFormat) range.numberFormat = [[cell.numberFormat]];
        if (cell.changed.content) {
          if (cell.formula !== undefined) range.formulas = [[cell.formula]];
          else range.values = [[cell.value === null || cell.value === undefined ? "" : cell.error ? cell.value : safeText(cell.value)]];
        }
        if (cell.changed.fill) {
          if (cell.fill) range.format.fill.color = cell.fill;
          else range.format.fill.clear();
        }
        if (withNotes && cell.changed.note && cell.note !== undefined) {
          const address = toA1(cell.row, cell.col);
          if (!existing[i].isNullObject) existing[i].delete();
          if (cell.note) ws.notes.add(address, cell.note);
        }
      });
      if (options.record) context.workbook.settings.add(options.record.key, options.record.next(block));
      await context.sync();
      options.record?.commit(block);
    }),
  );
}
