import type { AddinSettings } from "../adapters/office/settings";
import { summaryRows } from "./summarySheet";
import type { CellValue } from "../core/cells/RawCell";
import type { Direction } from "../core/indicators/Indicator";
import { fiscalYearOfMonth } from "../core/periods/parsePeriod";
import type { FiscalYear } from "../core/periods/Period";
import { getPreset, parsePreset } from "../core/presets/builtin";
import type { Preset } from "../core/presets/Preset";
import { evaluateWorkbook, type EvaluationSettings, type WorkbookEvaluation } from "../core/workbook/evaluateWorkbook";
import type { ActualInput, FillPlan } from "../core/plans/planFill";
import { planFill } from "../core/plans/planFill";
import { readWorkbook } from "../core/workbook/readWorkbook";
import type { WorkbookModel } from "../core/workbook/WorkbookModel";
import type { WorkbookSnapshot } from "../core/workbook/SheetSnapshot";
import { actualYears, historyByYear } from "./history";
import { LiveEvaluation, type ChangeSource } from "./liveEvaluation";
import { runEvaluate, type WorkbookHost } from "./operations";
import { failure, type OperationSummary, type PaneMessage } from "./PaneMessage";
import type { SelectedRange } from "../adapters/office/OfficeWorkbookAdapter";
import { columnName } from "../core/cells/address";
import { checkMapping, EMPTY_MAPPING, headerColumns, tableFromSelection, tableToMapping, withColumnRole, withoutTable, withTable, type LayoutMapping, type MappingProblem } from "../core/layouts/layoutMapping";
import type { ColumnRole, IndicatorTable, TableColumn } from "../core/workbook/WorkbookModel";
import { actualsFromFile, actualsFromText, type ActualsInput } from "./actualsInput";
import { isWorkingYear } from "../core/periods/workingYear";

/** What a host that can undo returns from apply (the Office adapter's ApplyResult). */
export interface Undoable<U> {
  undo: U;
}

/** A host the task pane works with: read, apply with an undo record, undo, select a cell, settings; change events for live re-evaluation. */
export interface PaneHost<U> extends WorkbookHost<Undoable<U>>, Partial<ChangeSource> {
  undo(record: U): Promise<void>;
  /** One record that undoes both (each cell as the earlier found it). */
  mergeUndo?(earlier: U, later: U): U;
  selectCell(sheet: string, a1: string): Promise<void>;
  loadSettings(): Promise<{ settings: AddinSettings; problems: string[] }>;
  saveSettings(settings: AddinSettings): Promise<void>;
  writeOwnSheet(name: string, rows: CellValue[][]): Promise<void>;
  /** What the user has selected in the workbook. */
  selectedRange(): Promise<SelectedRange>;
}

export const SUMMARY_SHEET = "KPI集計";

/** The add-in's own summary sheet is output, never read as a KPI sheet (its header looks like one). */
function withoutSummary(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return { ...snapshot, sheets: snapshot.sheets.filter((s) => s.name !== SUMMARY_SHEET) };
}

/** The fiscal year that ended last before `today` (in November 2026: FY2025). */
export function lastFinishedFiscalYear(today: Date): FiscalYear {
  return fiscalYearOfMonth(today.getFullYear(), today.getMonth() + 1) - 1;
}

/** The year to work on: the latest year with an actual column, else the last finished fiscal year. */
export function defaultYear(model: WorkbookModel, today: Date): FiscalYear {
  return actualYears(model).at(-1) ?? lastFinishedFiscalYear(today);
}

/** A fill preview: the exact input it came from, the choices made for conflicts, and the plan. */
export interface FillPreview {
  /** The pasted text, the file (name and text) or the typed values it was made from. */
  source: string;
  rows: ActualInput[];
  year: FiscalYear;
  decisions: Record<string, "keep" | "overwrite">;
  fill: FillPlan;
}

interface HistoryEntry<U> {
  operation: OperationSummary;
  record: U;
}

/** What a preview promises: each row's outcome, cell and the value it replaces. */
function promise(fill: FillPlan): string {
  return JSON.stringify(fill.outcomes.map((o) => [o.status, o.cell?.sheet, o.cell?.row, o.cell?.col, o.existing ?? null]));
}

/**
 * The task pane's one state and its operations, independent of React and of Excel: every view
 * renders from this state (the workbook as last read, its evaluation for the chosen year, the fill
 * preview, the undo history, the current message) and calls these operations. After every write,
 * undo, refresh or year change the state is the workbook as it now is. Operations never throw:
 * a failure becomes the current message. The host is the Office adapter in Excel, the in-memory
 * one in the demo.
 */
export class Workbench<U> {
  model: WorkbookModel | null = null;
  settings: AddinSettings | null = null;
  settingsProblems: string[] = [];
  year: FiscalYear | null = null;
  /** The chosen year's evaluation of the workbook as last read (nothing written). */
  evaluation: WorkbookEvaluation | null = null;
  /** The preview on screen; cleared by any change of workbook, year or input. */
  fillPreview: FillPreview | null = null;
  message: PaneMessage | null = null;
  /** True while an operation runs. */
  busy = false;
  /** The operations since the pane opened, oldest first; 元に戻す undoes the last. */
  private readonly history: HistoryEntry<U>[] = [];
  /** Live re-evaluation (自動再評価), while it is on. */
  live: LiveEvaluation | null = null;
  /** Why the last live update failed, for the pane to say. */
  liveError: string | null = null;
  /** A read of the workbook after live updates, once they pause. */
  private liveRefresh: ReturnType<typeof setTimeout> | null = null;

  private readonly listeners = new Set<() => void>();
  /** Bumped on every change, for views that re-render on it. */
  version = 0;

  /** The workbook as the operations read it: without the add-in's own summary sheet. */
  private readonly reader: WorkbookHost<Undoable<U>>;

  constructor(
    private readonly host: PaneHost<U>,
    private readonly today: () => Date = () => new Date(),
  ) {
    this.reader = { read: async () => withoutSummary(await host.read()), apply: (plan) => host.apply(plan) };
  }

  /** Be told when anything changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }

  /** Run an operation: busy meanwhile, a failure becomes the message (and the result null). */
  private async act<T>(operation: () => Promise<T>): Promise<T | null> {
    this.busy = true;
    this.changed();
    try {
      return await operation();
    } catch (error) {
      this.message = failure(error);
      return null;
    } finally {
      this.busy = false;
      this.changed();
    }
  }

  /** Read the workbook and the settings, evaluate the chosen year; a preview made before is dropped. */
  private async load(): Promise<WorkbookModel> {
    const [snapshot, loaded] = await Promise.all([this.reader.read(), this.host.loadSettings()]);
    this.model = readWorkbook(snapshot, loaded.settings.layout ?? null);
    this.settings = loaded.settings;
    this.settingsProblems = loaded.problems;
    this.year ??= defaultYear(this.model, this.today());
    this.fillPreview = null;
    this.recompute();
    this.live?.use(this.model);
    return this.model;
  }

  private recompute(): void {
    this.evaluation = this.model ? evaluateWorkbook(this.model, this.evaluationSettings()) : null;
  }

  /** Whether the workbook holds no KPI sheet (nothing to check, fill or evaluate). */
  get noKpiSheet(): boolean {
    return this.model !== null && this.model.tables.length === 0 && this.model.noIndicator.length === 0;
  }

  /** Read the workbook again (it may have been edited in Excel). */
  async refresh(): Promise<WorkbookModel | null> {
    return this.act(() => this.load());
  }

  /** The years offered: those with an actual column, the last finished one with two before and the current one, and the chosen one. */
  yearChoices(): FiscalYear[] {
    const last = lastFinishedFiscalYear(this.today());
    const years = new Set<FiscalYear>([last - 2, last - 1, last, last + 1]);
    for (const t of this.model?.tables ?? []) for (const c of t.yearColumns) if (c.fy !== null) years.add(c.fy);
    if (this.year !== null) years.add(this.year);
    return [...years].sort((a, b) => b - a);
  }

  chooseYear(year: FiscalYear): void {
    if (!isWorkingYear(year) || year === this.year) return;
    this.year = year;
    this.fillPreview = null;
    this.recompute();
    if (this.model) this.live?.use(this.model);
    this.changed();
  }

  preset(): Preset {
    const s = this.settings;
    if (s?.customPreset && s.presetId === s.customPreset.id) {
      const parsed = parsePreset(s.customPreset);
      if (parsed.ok) return parsed.preset;
    }
    return getPreset(s?.presetId ?? "standard") ?? getPreset("standard")!;
  }

  evaluationSettings(): EvaluationSettings {
    if (this.year === null) throw new Error("refresh() first");
    return {
      year: this.year,
      preset: this.preset(),
      planStart: this.settings?.planStart,
      references: this.settings?.references,
      directionOverrides: this.settings?.directionOverrides,
    };
  }

  /** The rate and grade column headers of a year, as the workbook now has them (`R7達成率`, `R7評価`). */
  private columnsOf(year: FiscalYear): string[] {
    const headers = new Set<string>();
    for (const t of this.model?.tables ?? []) {
      for (const c of t.yearColumns) if ((c.kind === "rate" || c.kind === "grade") && c.fy === year) headers.add(c.header);
    }
    return [...headers];
  }

  /** Evaluate the chosen year and write rates, grades, notes and highlights; undoable. */
  async evaluate(): Promise<WorkbookEvaluation | null> {
    return this.act(async () => {
      const settings = this.model ? this.evaluationSettings() : (await this.load(), this.evaluationSettings());
      const result = await runEvaluate(this.reader, settings, this.mapping());
      if (result.applied) this.history.push({ operation: { kind: "evaluate", count: result.evaluation.outcomes.length, year: settings.year }, record: result.applied.undo });
      await this.load();
      this.message = { intent: "success", code: "evaluated", year: settings.year, count: result.evaluation.outcomes.length, columns: this.columnsOf(settings.year), protectedSheets: result.plan.protectedSheets ?? [] };
      return this.evaluation;
    });
  }

  /**
   * A CSV/TSV file of actuals for the chosen year, read as the CLI reads it: strict encodings
   * (BOM, UTF-8, Shift_JIS only when valid), every line of the header's width, no line breaks in
   * values, one actual column of the year.
   */
  readActualsFile(bytes: Uint8Array, fileName: string): ActualsInput {
    return actualsFromFile(bytes, { fileName, year: this.year ?? undefined });
  }

  /** Pasted text: CSV/TSV with a header, or a block copied from Excel. */
  readActualsText(text: string): ActualsInput {
    return actualsFromText(text, { year: this.year ?? undefined });
  }

  /** Preview writing these actuals (read from `source`): every row's outcome; nothing is written. */
  async previewFill(source: string, rows: ActualInput[]): Promise<FillPreview | null> {
    return this.act(async () => {
      const model = await this.load();
      const year = this.year!;
      this.fillPreview = { source, rows, year, decisions: {}, fill: planFill(model, { year, rows }) };
      return this.fillPreview;
    });
  }

  /** Keep or overwrite one conflict of the preview on screen: the preview's counts follow. */
  decide(indicatorKey: string, choice: "keep" | "overwrite"): void {
    const preview = this.fillPreview;
    if (!preview || !this.model) return;
    const decisions = { ...preview.decisions, [indicatorKey]: choice };
    this.fillPreview = { ...preview, decisions, fill: planFill(this.model, { year: preview.year, rows: preview.rows, decisions }) };
    this.changed();
  }

  /** Drop the preview (its input changed). */
  clearPreview(): void {
    if (!this.fillPreview) return;
    this.fillPreview = null;
    this.changed();
  }

  /**
   * Write the preview on screen, and nothing else: a preview that is no longer the current one is
   * refused, and so is one the workbook has moved away from since (the new preview is shown instead).
   */
  async writeFill(preview: FillPreview): Promise<FillPlan | null> {
    if (preview !== this.fillPreview) {
      this.message = { intent: "warning", code: "preview-outdated" };
      this.changed();
      return null;
    }
    return this.act(async () => {
      const model = readWorkbook(await this.reader.read(), this.mapping());
      const fill = planFill(model, { year: preview.year, rows: preview.rows, decisions: preview.decisions });
      if (promise(fill) !== promise(preview.fill)) {
        this.model = model;
        this.recompute();
        this.fillPreview = { ...preview, fill };
        this.message = { intent: "warning", code: "preview-outdated" };
        return null;
      }
      const written = fill.counts.new + fill.counts.overwritten;
      if (fill.plan.writes.length === 0) {
        this.message = { intent: "warning", code: "nothing-to-write" };
        return null;
      }
      const applied = await this.host.apply(fill.plan);
      this.history.push({ operation: { kind: "fill", count: written, year: preview.year }, record: applied.undo });
      await this.load();
      this.message = { intent: "success", code: "filled", year: preview.year, written, added: fill.counts.new, overwritten: fill.counts.overwritten, protectedSheets: fill.plan.protectedSheets ?? [] };
      return fill;
    });
  }

  /** What 元に戻す would undo now, or null. */
  get nextUndo(): OperationSummary | null {
    return this.history.at(-1)?.operation ?? null;
  }

  /** How many operations can be undone, last first. */
  get undoDepth(): number {
    return this.history.length;
  }

  /** Undo the last operation not yet undone; the one before it is next. */
  async undo(): Promise<OperationSummary | null> {
    const entry = this.history.at(-1);
    if (!entry) return null;
    return this.act(async () => {
      await this.host.undo(entry.record);
      this.history.pop();
      await this.load();
      this.message = { intent: "success", code: "undone", operation: entry.operation };
      return entry.operation;
    });
  }

  /** Save the user's confirmation of a direction in the workbook; the evaluation follows. */
  async confirmDirection(indicatorKey: string, direction: Direction): Promise<boolean> {
    const done = await this.act(async () => {
      const settings = this.settings ?? (await this.load(), this.settings!);
      await this.host.saveSettings({ ...settings, directionOverrides: { ...settings.directionOverrides, [indicatorKey]: direction } });
      await this.load();
      return true;
    });
    return done === true;
  }

  /** Save the grading settings in the workbook; the evaluation follows. */
  async saveSettings(settings: AddinSettings): Promise<boolean> {
    const done = await this.act(async () => {
      await this.host.saveSettings(settings);
      this.settings = settings;
      this.recompute();
      if (this.model) this.live?.use(this.model);
      return true;
    });
    return done === true;
  }

  /**
   * 自動再評価: while on, typing or pasting an actual of the chosen year re-grades that indicator
   * (see LiveEvaluation); each update joins the last operation's undo record, so 元に戻す still
   * puts back everything. Once updates pause, the workbook is read again, so every view is current.
   */
  async setLive(on: boolean): Promise<void> {
    if (!on) {
      const live = this.live;
      this.live = null;
      if (this.liveRefresh) clearTimeout(this.liveRefresh);
      this.liveRefresh = null;
      await live?.end();
      this.changed();
      return;
    }
    if (this.live) return;
    const { watchChanges, readAreas } = this.host;
    if (!watchChanges || !readAreas) throw new Error("この Excel では自動再評価を使えません。");
    const model = this.model ?? (await this.load());
    const host = this.host;
    const live = new LiveEvaluation(model, {
      host: { watchChanges: watchChanges.bind(host), readAreas: readAreas.bind(host) },
      apply: async (plan) => {
        const { undo } = await host.apply(plan);
        const last = this.history.at(-1);
        if (last) last.record = host.mergeUndo ? host.mergeUndo(last.record, undo) : undo;
        else this.history.push({ operation: { kind: "evaluate", count: 0, year: plan.year }, record: undo });
        this.liveError = null;
        this.refreshAfterLive();
        this.changed();
      },
      settings: () => this.evaluationSettings(),
      failed: (error) => {
        this.liveError = error instanceof Error ? error.message : String(error);
        this.changed();
      },
    });
    await live.start();
    this.live = live;
    this.changed();
  }

  private refreshAfterLive(): void {
    if (this.liveRefresh) clearTimeout(this.liveRefresh);
    this.liveRefresh = setTimeout(() => {
      this.liveRefresh = null;
      if (this.live && !this.busy) void this.refresh();
    }, 1000);
  }

  /** Write (or rewrite) the add-in's summary sheet: the chosen year, counts, and a table by year. */
  async writeSummarySheet(name = SUMMARY_SHEET): Promise<boolean> {
    const done = await this.act(async () => {
      if (!this.model) await this.load();
      const settings = this.evaluationSettings();
      await this.host.writeOwnSheet(name, summaryRows(this.evaluation!, settings.preset, historyByYear(this.model!, settings)));
      await this.load();
      this.message = { intent: "success", code: "summary-written", sheet: name };
      return true;
    });
    return done === true;
  }

  /** Show a cell in Excel. */
  async selectCell(sheet: string, a1: string): Promise<void> {
    await this.act(() => this.host.selectCell(sheet, a1));
  }

  /** Forget the current message (the user closed it). */
  dismissMessage(): void {
    this.message = null;
    this.changed();
  }

  /** The tables set by hand, saved in the workbook (empty when none). */
  mapping(): LayoutMapping {
    return this.settings?.layout ?? EMPTY_MAPPING;
  }

  /** The mapping as the JSON file the CLI takes (`--layout`). */
  mappingJson(): string {
    return `${JSON.stringify(this.mapping(), null, 2)}\n`;
  }

  /**
   * Set one column's role (and its year) in a table: the table is then one set by hand, saved in
   * the workbook and used by every operation. Returns why it cannot be saved, or null.
   */
  async setColumnRole(tableId: string, col: number, role: ColumnRole, year: FiscalYear | null): Promise<MappingProblem | null> {
    const table = this.model?.tables.find((t) => t.id === tableId);
    if (!table) return { code: "table-gone" };
    const mapping = this.mapping();
    const entry = mapping.tables.find((t) => t.sheet === table.sheet && t.headerTop === table.headerTop + 1) ?? tableToMapping(table, this.headerColumns(table));
    return this.saveMapping(withTable(mapping, withColumnRole(entry, columnName(col), role, year)));
  }

  /** Every column of a table's header with its role (`ignore` where none was read): what the 検証 view lists. */
  headerColumns(table: IndicatorTable): TableColumn[] {
    const snapshot = this.model?.snapshots.get(table.sheet);
    return snapshot ? headerColumns(snapshot, table) : table.roles;
  }

  /** Forget what was set by hand for a table: detection reads it again. */
  async resetTable(tableId: string): Promise<void> {
    const table = this.model?.tables.find((t) => t.id === tableId);
    if (!table) return;
    await this.saveMapping(withoutTable(this.mapping(), table.sheet, table.headerTop + 1));
  }

  /** Use the selected row (or two rows) in Excel as the header of a new table set by hand. Returns why not, or null. */
  async addTableFromSelection(): Promise<MappingProblem | null> {
    const selection = await this.host.selectedRange();
    const snapshot = (await this.host.read()).sheets.find((s) => s.name === selection.sheet);
    if (!snapshot) return { code: "sheet-gone", sheet: selection.sheet };
    const made = tableFromSelection(snapshot, selection.top, selection.bottom);
    if (!made.ok) return made.problem;
    return this.saveMapping(withTable(this.mapping(), made.table));
  }

  private async saveMapping(mapping: LayoutMapping): Promise<MappingProblem | null> {
    const parsed = checkMapping(mapping);
    if (!parsed.ok) return parsed.problem;
    if (!this.settings) await this.load();
    const settings: AddinSettings = { ...this.settings!, layout: parsed.mapping.tables.length > 0 ? parsed.mapping : undefined };
    await this.host.saveSettings(settings);
    this.settings = settings;
    await this.load();
    this.changed();
    return null;
  }
}
