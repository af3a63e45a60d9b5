import { toA1, type CellArea } from "../../core/cells/address";
import type { AreaContents } from "../../app/liveEvaluation";
import type { CellValue } from "../../core/cells/RawCell";
import { firstWriteOutsidePlan } from "../../core/plans/PlanBuilder";
import type { WorkbookSnapshot } from "../../core/workbook/SheetSnapshot";
import type { CellWrite, WritePlan } from "../../core/workbook/WritePlan";
import type { WorkbookHost } from "../../app/operations";
import { loadSettings, saveSettings, type AddinSettings } from "./settings";
import { ErrorCodes, errorCode, type ExcelLike, type RequirementsLike, type RunOptions } from "./ExcelLike";
import { safeText } from "./quoteText";
import { readSnapshot } from "./readSnapshot";
import { DEFAULT_BUDGET, halves, packBlocks, runBlocks } from "./requestBlocks";
import { restoreCells, type PreviousCell, type UndoRecord } from "./undoRecord";
import { highlightKey, nextHighlights, writeBlock, type BlockOutcome } from "./writeBlock";

export type { PreviousCell, UndoRecord } from "./undoRecord";
export { safeText } from "./quoteText";

export interface ApplyResult {
  undo: UndoRecord;
  /** Requests this apply took (1 normally; more when a request had to be split). */
  syncs: number;
}

/**
 * A plan could not be applied. The message names the sheet; nothing was written (what a failed
 * request had written was put back), unless `undo` is given: then the cells it lists were changed
 * and could not be put back, and undoing them restores them.
 */
export class WriteRefused extends Error {
  constructor(message: string, readonly undo?: UndoRecord) {
    super(message);
  }
}

/** A selection in Excel: its sheet and its rows and columns (0-based, inclusive). */
export interface SelectedRange {
  sheet: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The workbook setting that records the missing-actual highlights the add-in put on cells. */
export const HIGHLIGHTS_SETTING = "kpiSheets.highlights";
/** The workbook setting that names the summary sheet the add-in owns. */
export const OWN_SHEET_SETTING = "kpiSheets.summarySheet";

function estimateBytes(write: CellWrite): number {
  // The write itself and the undo snapshot loaded for it (its response).
  return 320 + 2 * JSON.stringify(write.value ?? null).length + (write.note?.length ?? 0) * 3 + (write.numberFormat?.length ?? 0);
}

export interface AdapterOptions {
  /** Bytes per request before a read or a plan is split into row blocks. */
  payloadBudget?: number;
}

/**
 * Excel through the Excel JavaScript API (or the in-memory host): reads every sheet in two requests
 * (row blocks when a workbook is too large for one), applies a plan in one (more only when it must
 * be split), works on ExcelApi 1.7 and uses newer sets only after checking them.
 */
export class OfficeWorkbookAdapter implements WorkbookHost<ApplyResult> {
  private readonly budget: number;
  /** Protection seen by the last read, by sheet. */
  private protectedSheets = new Set<string>();
  /** Cells ("sheet!A1") the add-in highlighted as missing, kept in the workbook's settings. */
  private highlighted = new Set<string>();
  /** Used cells by sheet at the last read (to plan the next read). */
  private readonly usedCells = new Map<string, number>();
  /** Requests the last read took. */
  lastReadRequests = 0;

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
    const { snapshot, setting, requests } = await readSnapshot(this.excel, HIGHLIGHTS_SETTING, {
      budget: this.budget,
      supports: (v) => this.supports(v),
      knownCells: (sheet) => this.usedCells.get(sheet),
    }).catch((error: unknown) => {
      // Before ExcelApi 1.11 Excel cannot wait for a cell being edited (delayForCellEdit is dropped).
      if (errorCode(error) === ErrorCodes.cellEditMode) throw new Error("Excel でセルを編集中のため読み込めませんでした。編集を終えてからもう一度実行してください。");
      throw error;
    });
    this.lastReadRequests = requests;
    this.highlighted = new Set(Array.isArray(setting) ? setting.filter((k): k is string => typeof k === "string") : []);
    this.protectedSheets = new Set(snapshot.sheets.filter((s) => s.protected).map((s) => s.name));
    this.usedCells.clear();
    for (const s of snapshot.sheets) this.usedCells.set(s.name, s.values.length * (s.values[0]?.length ?? 0));
    return snapshot;
  }

  /**
   * Apply a plan: refuse before writing when it leaves its columns or touches a sheet the read saw
   * protected; then in one request a block: protection and what the cells held, then the writes.
   * A request that fails (a sheet protected or deleted since the read) is rolled back from what it
   * loaded, with the blocks before it, and the error says nothing was written.
   */
  async apply(plan: WritePlan): Promise<ApplyResult> {
    const outside = firstWriteOutsidePlan(plan);
    if (outside) throw new WriteRefused(`シート「${outside.sheet}」${toA1(outside.row, outside.col)} は書き込みが許可された列の外です。何も書き込んでいません。`);
    const sheets = [...new Set(plan.writes.map((w) => w.sheet))];
    const locked = sheets.filter((s) => this.protectedSheets.has(s));
    if (locked.length > 0) throw new WriteRefused(`シート「${locked.join("」「")}」は保護されています。保護を解除してからもう一度実行してください。何も書き込んでいません。`);

    const sorted = [...plan.writes].sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet < b.sheet ? -1 : 1));
    const undo: UndoRecord = { operation: plan.operation, cells: [] };
    const syncs = await runBlocks(packBlocks(sorted, estimateBytes, this.budget), async (block) => {
      const outcome = await writeBlock(this.excel, block, { runOptions: this.runOptions(), supports: (v) => this.supports(v), highlighted: this.highlighted, recordKey: HIGHLIGHTS_SETTING });
      if (outcome.error === undefined) {
        this.highlighted = nextHighlights(block, this.highlighted);
        undo.cells.push(...outcome.previous);
        return;
      }
      // Nothing ran when a request was refused for its size: runBlocks splits it and tries again.
      if (errorCode(outcome.error) === ErrorCodes.payloadTooLarge) throw outcome.error;
      // Whether the request's loads came back for every cell (office.js hands them over with the error);
      // a failure while touching the sheets comes before any write.
      const known = outcome.previous.length === block.length || errorCode(outcome.error) === ErrorCodes.itemNotFound;
      throw await this.rollBack([...undo.cells, ...outcome.previous], outcome, sheets, known);
    }, (block) => halves(block));
    return { undo, syncs };
  }

  /** Put back what a failed apply changed (skipping sheets now protected) and explain the failure. */
  private async rollBack(cells: PreviousCell[], outcome: BlockOutcome, sheets: string[], known: boolean): Promise<Error> {
    const nowProtected = [...outcome.protection].filter(([, p]) => p).map(([name]) => name);
    const restorable = cells.filter((c) => !nowProtected.includes(c.sheet));
    let restored = true;
    try {
      await restoreCells(this.excel, restorable, { runOptions: this.runOptions(), supports: (v) => this.supports(v), budget: this.budget, record: this.recordUpdate() });
    } catch {
      restored = false;
    }
    const code = errorCode(outcome.error);
    const done = !restored
      ? "一部のセルが書き込まれたまま元に戻せませんでした。［元に戻す］で戻してください。"
      : known
        ? "何も書き込んでいません（書きかけた部分は元に戻しました）。"
        : "途中まで書き込まれたセルがあるかもしれません（戻せた分は元に戻しました）。もう一度読み込んで確かめてください。";
    const undo = restored ? undefined : { operation: "evaluate" as const, cells: restorable };
    if (nowProtected.length > 0 || code === ErrorCodes.accessDenied) {
      const names = nowProtected.length > 0 ? nowProtected : sheets;
      return new WriteRefused(`シート「${names.join("」「")}」は読み込んだ後に保護されました。保護を解除してからもう一度実行してください。${done}`, undo);
    }
    if (code === ErrorCodes.itemNotFound) return new WriteRefused(`シート（${sheets.join("、")}）が見つかりません。読み込んだ後に名前が変わったか削除されました。もう一度読み込んでください。${done}`, undo);
    if (code === ErrorCodes.cellEditMode) return new WriteRefused(`Excel でセルを編集中のため書き込めませんでした。編集を終えてからもう一度実行してください。${done}`, undo);
    const message = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
    return new WriteRefused(`書き込みに失敗しました（${code ?? "エラー"}: ${message}）。${done}`, undo);
  }

  /** The highlight record kept right while cells are restored: membership as each cell had it. */
  private recordUpdate() {
    const apply = (block: PreviousCell[], set: Set<string>) => {
      for (const c of block) {
        if (!c.changed.fill) continue;
        const key = highlightKey(c.sheet, c.row, c.col);
        if (c.highlighted) set.add(key);
        else set.delete(key);
      }
      return set;
    };
    return {
      key: HIGHLIGHTS_SETTING,
      next: (block: PreviousCell[]) => [...apply(block, new Set(this.highlighted))].sort(),
      commit: (block: PreviousCell[]) => {
        this.highlighted = apply(block, this.highlighted);
      },
    };
  }

  /** Put back exactly what an operation changed in the cells (one request a block; two with notes). */
  async undo(record: UndoRecord): Promise<void> {
    await restoreCells(this.excel, record.cells, { runOptions: this.runOptions(), supports: (v) => this.supports(v), budget: this.budget, record: this.recordUpdate() });
  }

  /** One undo record for two operations on the same cells: each cell as the earlier one found it. */
  mergeUndo(earlier: UndoRecord, later: UndoRecord): UndoRecord {
    const key = (c: PreviousCell) => `${c.sheet}!${c.row}!${c.col}`;
    const cells = new Map(earlier.cells.map((c) => [key(c), c]));
    for (const c of later.cells) {
      const first = cells.get(key(c));
      if (!first) cells.set(key(c), c);
      else {
        // Put back what either changed, as it was before the earlier one.
        const changed = { content: first.changed.content || c.changed.content, numberFormat: first.changed.numberFormat || c.changed.numberFormat, fill: first.changed.fill || c.changed.fill, note: first.changed.note || c.changed.note };
        cells.set(key(c), { ...c, ...first, note: first.note ?? c.note, changed });
      }
    }
    return { operation: earlier.operation, cells: [...cells.values()] };
  }

  /**
   * Worksheet.onChanged (ExcelApi 1.7) on these sheets, for live re-evaluation: the listener gets the
   * sheet and the changed address (events for the add-in's own writes too). Returns the function
   * that removes the handlers.
   */
  async watchChanges(sheets: string[], listener: (sheet: string, address: string) => void): Promise<() => Promise<void>> {
    const registered = await this.excel.run({ delayForCellEdit: true }, async (context) => {
      const results = sheets.map((name) => context.workbook.worksheets.getItem(name).onChanged.add(async (args) => listener(name, args.address)));
      await context.sync();
      return results;
    });
    return async () => {
      for (const result of registered) result.remove();
      await Promise.all([...new Set(registered.map((r) => r.context))].map((context) => context.sync()));
    };
  }

  /** The values, number formats and formulas of a few areas, in one request. */
  async readAreas(areas: { sheet: string; area: CellArea }[]): Promise<AreaContents[]> {
    return this.excel.run({ delayForCellEdit: true }, async (context) => {
      const ranges = areas.map(({ sheet, area }) =>
        context.workbook.worksheets.getItem(sheet).getRangeByIndexes(area.top, area.left, area.bottom - area.top + 1, area.right - area.left + 1).load("values,numberFormat,formulas"),
      );
      await context.sync();
      return areas.map(({ sheet, area }, i) => ({
        sheet,
        area,
        values: ranges[i].values.map((line) => line.map((v) => (v === "" ? null : (v as CellValue)))),
        numberFormats: ranges[i].numberFormat.map((line) => line.map(String)),
        formulas: ranges[i].formulas.map((line) => line.map((f) => (typeof f === "string" && f.startsWith("=") ? f : null))),
      }));
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
