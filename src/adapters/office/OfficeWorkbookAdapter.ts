import { parseA1, toA1, type CellArea } from "../../core/cells/address";
import type { CellValue } from "../../core/cells/RawCell";
import { firstWriteOutsidePlan } from "../../core/plans/PlanBuilder";
import type { SheetSnapshot, WorkbookSnapshot } from "../../core/workbook/SheetSnapshot";
import type { CellWrite, WritePlan } from "../../core/workbook/WritePlan";
import type { WorkbookHost } from "../../app/operations";
import { loadSettings, saveSettings, type AddinSettings } from "./settings";
import { ErrorCodes, errorCode, type ExcelLike, type RangeLike, type RequirementsLike, type RunOptions, type WorksheetLike } from "./ExcelLike";

/** What a cell held before the add-in changed it, to restore it exactly. */
export interface PreviousCell {
  sheet: string;
  row: number;
  col: number;
  /** The formula ("=…") or the value, as `range.formulas` reads it. */
  content: unknown;
  numberFormat: string;
  fill: string | null;
  /** undefined when notes could not be read (before ExcelApi 1.18). */
  note?: string | null;
}

export interface UndoRecord {
  operation: WritePlan["operation"];
  cells: PreviousCell[];
}

export interface ApplyResult {
  undo: UndoRecord;
  /** Requests this apply took (1 normally; more when a request had to be split). */
  syncs: number;
}

/** A plan could not be applied; nothing was written. The message names the sheet. */
export class WriteRefused extends Error {}

/** A selection in Excel: its sheet and its rows and columns (0-based, inclusive). */
export interface SelectedRange {
  sheet: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Text Excel would turn into a formula (or a number) is written behind a quote prefix. */
const NEEDS_QUOTE = /^[=+\-@]|^\s*[+-]?\d/;
const WHITE = "#FFFFFF";
/** A request's size budget: under the 5 MB of Excel on the web, with room for the envelope. */
const DEFAULT_BUDGET = 4_500_000;
/** The workbook setting that records the missing-actual highlights the add-in put on cells. */
export const HIGHLIGHTS_SETTING = "kpiSheets.highlights";
/** The workbook setting that names the summary sheet the add-in owns. */
export const OWN_SHEET_SETTING = "kpiSheets.summarySheet";

export function safeText(value: CellValue | undefined): unknown {
  if (typeof value === "string" && NEEDS_QUOTE.test(value)) return `'${value}`;
  return value;
}

function estimateBytes(write: CellWrite): number {
  return 120 + JSON.stringify(write.value ?? null).length + (write.note?.length ?? 0) * 3 + (write.numberFormat?.length ?? 0);
}

function sameColor(a: string | null | undefined, b: string): boolean {
  return typeof a === "string" && a.toUpperCase() === b.toUpperCase();
}

interface Run {
  sheet: string;
  col: number;
  top: number;
  writes: (CellWrite | undefined)[];
}

/** Writes grouped per sheet and column into runs of consecutive rows: one range assignment each. */
function runsOf(writes: CellWrite[]): Run[] {
  const byColumn = new Map<string, CellWrite[]>();
  for (const w of writes) {
    const key = `${w.sheet}\u0000${w.col}`;
    const list = byColumn.get(key) ?? [];
    list.push(w);
    byColumn.set(key, list);
  }
  const runs: Run[] = [];
  for (const list of byColumn.values()) {
    list.sort((a, b) => a.row - b.row);
    let run: Run | null = null;
    for (const w of list) {
      if (run && w.row === run.top + run.writes.length) run.writes.push(w);
      else if (run && w.row < run.top + run.writes.length) run.writes[w.row - run.top] = w;
      else {
        run = { sheet: w.sheet, col: w.col, top: w.row, writes: [w] };
        runs.push(run);
      }
    }
  }
  return runs;
}

export interface AdapterOptions {
  /** Bytes per request before a plan is split into row blocks. */
  payloadBudget?: number;
}

/**
 * Excel through the Excel JavaScript API (or the in-memory host): reads every sheet in two requests
 * and applies a plan in one (more only when it must be split), works on ExcelApi 1.7 and uses newer
 * sets only after checking them.
 */
export class OfficeWorkbookAdapter implements WorkbookHost<ApplyResult> {
  private readonly budget: number;
  /** Protection seen by the last read, by sheet. */
  private protectedSheets = new Set<string>();
  /** Cells ("sheet!A1") the add-in highlighted as missing, kept in the workbook's settings. */
  private highlighted = new Set<string>();

  constructor(
    private readonly excel: ExcelLike,
    private readonly requirements: RequirementsLike,
    options: AdapterOptions = {},
  ) {
    this.budget = options.payloadBudget ?? DEFAULT_BUDGET;
  }

  private supports(version: string): boolean {
    return this.requirements.isSetSupported("ExcelApi", version);
  }

  private runOptions(): RunOptions {
    return { delayForCellEdit: true, ...(this.supports("1.20") ? { mergeUndoGroup: true } : {}) };
  }

  /** Every sheet's used range (values, number formats, formulas), protection and merged areas. */
  async read(): Promise<WorkbookSnapshot> {
    const withMerges = this.supports("1.13");
    return this.excel.run({ delayForCellEdit: true }, async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      await context.sync();
      const entries = worksheets.items.map((ws) => {
        const used = ws.getUsedRangeOrNullObject(true).load("values,numberFormat,formulas,rowIndex,columnIndex");
        ws.protection.load("protected");
        const merges = withMerges ? ws.getUsedRangeOrNullObject(false).getMergedAreasOrNullObject().load("address") : null;
        return { ws, used, merges };
      });
      const highlights = context.workbook.settings.getItemOrNullObject(HIGHLIGHTS_SETTING).load("value");
      await context.sync();
      const recorded = highlights.isNullObject ? [] : highlights.value;
      this.highlighted = new Set(Array.isArray(recorded) ? recorded.filter((k): k is string => typeof k === "string") : []);
      this.protectedSheets = new Set(entries.filter((e) => e.ws.protection.protected).map((e) => e.ws.name));
      return { sheets: entries.map(({ ws, used, merges }) => this.sheetSnapshot(ws, used, withMerges && merges && !merges.isNullObject ? merges.address : "")) };
    });
  }

  private sheetSnapshot(ws: WorksheetLike, used: RangeLike, mergeAddress: string): SheetSnapshot {
    const merges: CellArea[] = [];
    for (const part of mergeAddress ? mergeAddress.split(",") : []) {
      const [a, b] = part.split("!").pop()!.split(":");
      const from = parseA1(a);
      const to = parseA1(b ?? a);
      if (from && to) merges.push({ top: from.row, left: from.col, bottom: to.row, right: to.col });
    }
    const base = { name: ws.name, merges, protected: ws.protection.protected };
    if (used.isNullObject) return { ...base, origin: { row: 0, col: 0 }, values: [], numberFormats: [], formulas: [] };
    const formulas = used.formulas.map((line) => line.map((f) => (typeof f === "string" && f.startsWith("=") ? f : null)));
    const values = used.values.map((line) => line.map((v) => (v === "" ? null : (v as CellValue))));
    return { ...base, origin: { row: used.rowIndex, col: used.columnIndex }, values, numberFormats: used.numberFormat as string[][], formulas };
  }

  /**
   * Apply a plan: refuse before writing when it leaves its columns or touches a protected sheet; in
   * one request, read what the cells held (for undo), check every sheet still exists, and write.
   */
  async apply(plan: WritePlan): Promise<ApplyResult> {
    const outside = firstWriteOutsidePlan(plan);
    if (outside) throw new WriteRefused(`シート「${outside.sheet}」${toA1(outside.row, outside.col)} は書き込みが許可された列の外です。何も書き込んでいません。`);
    const sheets = [...new Set(plan.writes.map((w) => w.sheet))];
    const locked = sheets.filter((s) => this.protectedSheets.has(s));
    if (locked.length > 0) throw new WriteRefused(`シート「${locked.join("」「")}」は保護されています。保護を解除してからもう一度実行してください。何も書き込んでいません。`);

    const blocks = this.blocks(plan.writes);
    const undo: UndoRecord = { operation: plan.operation, cells: [] };
    let syncs = 0;
    for (let i = 0; i < blocks.length; i++) {
      try {
        const done = await this.applyBlock(blocks[i], undo);
        syncs += done;
      } catch (error) {
        if (errorCode(error) === ErrorCodes.payloadTooLarge && blocks[i].length > 1) {
          const half = Math.ceil(blocks[i].length / 2);
          blocks.splice(i, 1, blocks[i].slice(0, half), blocks[i].slice(half));
          syncs++;
          i--;
          continue;
        }
        throw this.explain(error, sheets);
      }
    }
    return { undo, syncs };
  }

  /** Row blocks of writes whose estimated size fits one request. */
  private blocks(writes: CellWrite[]): CellWrite[][] {
    const sorted = [...writes].sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet < b.sheet ? -1 : 1));
    const blocks: CellWrite[][] = [];
    let current: CellWrite[] = [];
    let size = 0;
    for (const w of sorted) {
      const bytes = estimateBytes(w);
      if (current.length > 0 && size + bytes > this.budget) {
        blocks.push(current);
        current = [];
        size = 0;
      }
      current.push(w);
      size += bytes;
    }
    if (current.length > 0) blocks.push(current);
    return blocks;
  }

  private explain(error: unknown, sheets: string[]): Error {
    const code = errorCode(error);
    if (code === ErrorCodes.itemNotFound) return new WriteRefused(`シート（${sheets.join("、")}）が見つかりません。読み込んだ後に名前が変わったか削除されました。もう一度読み込んでください。`);
    if (code === ErrorCodes.accessDenied) return new WriteRefused(`保護されたシートには書き込めません（${(error as Error).message}）。`);
    return error instanceof Error ? error : new Error(String(error));
  }

  /**
   * One request, in this order: touch every sheet (a sheet renamed or deleted since the read fails
   * the request here, before any write), load what the target cells hold (for undo: loads queued
   * before writes see the old contents), then the writes and the record of the add-in's highlights.
   */
  private async applyBlock(writes: CellWrite[], undo: UndoRecord): Promise<number> {
    const notes = this.supports("1.18");
    const copyFormats = this.supports("1.9");
    return this.excel.run(this.runOptions(), async (context) => {
      const sheets = new Map<string, WorksheetLike>();
      for (const name of new Set(writes.map((w) => w.sheet))) sheets.set(name, context.workbook.worksheets.getItem(name).load("name"));
      const previous = writes.map((w) => {
        const ws = sheets.get(w.sheet)!;
        const cell = ws.getRangeByIndexes(w.row, w.col, 1, 1).load("formulas,numberFormat,format/fill/color");
        const note = notes ? ws.notes.getItemOrNullObject(toA1(w.row, w.col)).load("content") : null;
        return { w, cell, note };
      });
      context.application.suspendApiCalculationUntilNextSync();
      for (const run of runsOf(writes)) {
        const range = sheets.get(run.sheet)!.getRangeByIndexes(run.top, run.col, run.writes.length, 1);
        if (run.writes.some((w) => w?.numberFormat !== undefined)) range.numberFormat = run.writes.map((w) => [w?.numberFormat ?? null]);
        if (run.writes.some((w) => w?.value !== undefined)) range.values = run.writes.map((w) => [w?.value === undefined ? null : w.value === null ? "" : safeText(w.value)]);
      }
      for (const w of writes) {
        const ws = sheets.get(w.sheet)!;
        const target = ws.getRangeByIndexes(w.row, w.col, 1, 1);
        const key = `${w.sheet}!${toA1(w.row, w.col)}`;
        if (w.copyFormatFrom) {
          if (copyFormats) target.copyFrom(`'${w.sheet.replace(/'/g, "''")}'!${toA1(w.copyFormatFrom.row, w.copyFormatFrom.col)}`, "Formats");
          else target.format.font.bold = true;
        }
        // fillOnlyIf: the add-in removes only the highlights it recorded putting there.
        if (w.fill !== undefined && (w.fillOnlyIf === undefined || this.highlighted.has(key))) {
          if (w.fill === null) target.format.fill.clear();
          else target.format.fill.color = w.fill;
          if (w.fillOnlyIf !== undefined || w.fill === null) this.highlighted.delete(key);
          else if (w.purpose === "actual") this.highlighted.add(key);
        }
        if (w.note !== undefined && notes) {
          const address = toA1(w.row, w.col);
          if (w.note === null) ws.notes.getItemOrNullObject(address).delete();
          else {
            ws.notes.getItemOrNullObject(address).delete();
            ws.notes.add(address, w.note);
          }
        }
      }
      context.workbook.settings.add(HIGHLIGHTS_SETTING, [...this.highlighted].sort());
      await context.sync();
      for (const { w, cell, note } of previous) {
        const fill = cell.format.fill.color;
        undo.cells.push({
          sheet: w.sheet, row: w.row, col: w.col,
          content: cell.formulas[0][0],
          numberFormat: String(cell.numberFormat[0][0]),
          fill: fill && !sameColor(fill, WHITE) ? fill : null,
          ...(notes && note ? { note: note.isNullObject ? null : note.content } : {}),
        });
      }
      return 1;
    });
  }

  /** Put back exactly what the cells held before an operation (one request; two with notes). */
  async undo(record: UndoRecord): Promise<void> {
    const notes = this.supports("1.18") && record.cells.some((c) => c.note !== undefined);
    await this.excel.run(this.runOptions(), async (context) => {
      const existing = notes
        ? record.cells.map((c) => context.workbook.worksheets.getItem(c.sheet).notes.getItemOrNullObject(toA1(c.row, c.col)).load("content"))
        : [];
      if (notes) await context.sync();
      context.application.suspendApiCalculationUntilNextSync();
      record.cells.forEach((cell, i) => {
        const ws = context.workbook.worksheets.getItem(cell.sheet);
        const range = ws.getRangeByIndexes(cell.row, cell.col, 1, 1);
        range.numberFormat = [[cell.numberFormat]];
        const content = cell.content;
        range.formulas = [[typeof content === "string" && !content.startsWith("=") ? safeText(content) : (content ?? "")]];
        if (cell.fill) range.format.fill.color = cell.fill;
        else range.format.fill.clear();
        const key = `${cell.sheet}!${toA1(cell.row, cell.col)}`;
        if (cell.fill) this.highlighted.add(key);
        else this.highlighted.delete(key);
        if (notes && cell.note !== undefined) {
          const address = toA1(cell.row, cell.col);
          if (!existing[i].isNullObject) ws.notes.getItemOrNullObject(address).delete();
          if (cell.note) ws.notes.add(address, cell.note);
        }
      });
      context.workbook.settings.add(HIGHLIGHTS_SETTING, [...this.highlighted].sort());
      await context.sync();
    });
  }

  /**
   * Write (or rewrite) a sheet the add-in owns: created when missing, cleared and refilled when it is
   * the add-in's (recorded in the workbook's settings); a user's sheet of that name is never touched.
   */
  async writeOwnSheet(name: string, rows: CellValue[][]): Promise<void> {
    await this.excel.run(this.runOptions(), async (context) => {
      const existing = context.workbook.worksheets.getItemOrNullObject(name).load("name");
      const owner = context.workbook.settings.getItemOrNullObject(OWN_SHEET_SETTING).load("value");
      await context.sync();
      const ours = !owner.isNullObject && owner.value === name;
      if (!existing.isNullObject && !ours) throw new WriteRefused(`シート「${name}」は既にあり、アドインが作ったものではありません。名前を変えるか削除してから実行してください。`);
      const ws = existing.isNullObject ? context.workbook.worksheets.add(name) : existing;
      if (!existing.isNullObject) ws.getUsedRangeOrNullObject(false).clear();
      const width = Math.max(1, ...rows.map((r) => r.length));
      const matrix = rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] === null || r[i] === undefined ? "" : safeText(r[i]))));
      if (matrix.length > 0) ws.getRangeByIndexes(0, 0, matrix.length, width).values = matrix;
      ws.getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
      context.workbook.settings.add(OWN_SHEET_SETTING, name);
      await context.sync();
    });
  }

  loadSettings(): Promise<{ settings: AddinSettings; problems: string[] }> {
    return loadSettings(this.excel);
  }

  saveSettings(settings: AddinSettings): Promise<void> {
    return saveSettings(this.excel, settings);
  }

  /** The range the user has selected: its sheet and rows and columns (0-based, inclusive). */
  async selectedRange(): Promise<SelectedRange> {
    return this.excel.run({ delayForCellEdit: true }, async (context) => {
      const range = context.workbook.getSelectedRange().load(["address", "rowIndex", "rowCount", "columnIndex", "columnCount"]);
      await context.sync();
      const bang = range.address.lastIndexOf("!");
      const sheet = range.address.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
      return { sheet, top: range.rowIndex, bottom: range.rowIndex + range.rowCount - 1, left: range.columnIndex, right: range.columnIndex + range.columnCount - 1 };
    });
  }

  /** Show a diagnostic's cell. */
  async selectCell(sheet: string, a1: string): Promise<void> {
    await this.excel.run({ delayForCellEdit: true }, async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
      ws.activate();
      ws.getRange(a1).select();
      await context.sync();
    });
  }
}
