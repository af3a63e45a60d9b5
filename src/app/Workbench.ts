import type { AddinSettings } from "../adapters/office/settings";
import type { CellValue } from "../core/cells/RawCell";
import { summaryRows } from "./summarySheet";
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
import { LiveEvaluation, type ChangeSource } from "./liveEvaluation";
import { NoKpiSheetError, runEvaluate, type WorkbookHost } from "./operations";
import type { SelectedRange } from "../adapters/office/OfficeWorkbookAdapter";
import { columnName } from "../core/cells/address";
import { EMPTY_MAPPING, headerColumns, parseLayoutMapping, tableFromSelection, tableToMapping, withColumnRole, withoutTable, withTable, type LayoutMapping } from "../core/layouts/layoutMapping";
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

/** The fiscal year that ended last before `today` (in November 2026: FY2025). */
export function lastFinishedFiscalYear(today: Date): FiscalYear {
  return fiscalYearOfMonth(today.getFullYear(), today.getMonth() + 1) - 1;
}

/** The year to work on: the latest year with an actual column, else the last finished fiscal year. */
export function defaultYear(model: WorkbookModel, today: Date): FiscalYear {
  const years = model.tables.flatMap((t) => t.yearColumns.filter((c) => c.kind === "actual" && c.fy !== null).map((c) => c.fy as number));
  return years.length > 0 ? Math.max(...years) : lastFinishedFiscalYear(today);
}

/**
 * The task pane's state and operations, independent of React and of Excel: views call these and
 * render what they return; the host is the Office adapter in Excel, the in-memory one in the demo.
 */
export class Workbench<U> {
  model: WorkbookModel | null = null;
  settings: AddinSettings | null = null;
  settingsProblems: string[] = [];
  year: FiscalYear | null = null;
  lastEvaluation: WorkbookEvaluation | null = null;
  /** Protected sheets the last evaluate or fill left unwritten (the plan skips them, as Excel refuses writes there). */
  protectedSheets: string[] = [];
  /** The last operation's undo record, with what it was. */
  lastUndo: { label: string; record: U } | null = null;

  /** Live re-evaluation (自動再評価), while it is on. */
  live: LiveEvaluation | null = null;
  /** Why the last live update failed, for the pane to say. */
  liveError: string | null = null;

  private readonly listeners = new Set<() => void>();
  /** Bumped on every change, for views that re-render on it. */
  version = 0;

  constructor(
    private readonly host: PaneHost<U>,
    private readonly today: () => Date = () => new Date(),
  ) {}

  /** Be told when the workbook or the undo state changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }

  /** Read the workbook and the settings; choose the year when none is chosen yet. */
  async refresh(): Promise<WorkbookModel> {
    const [snapshot, loaded] = await Promise.all([this.host.read(), this.host.loadSettings()]);
    this.model = readWorkbook(snapshot, loaded.settings.layout ?? null);
    this.settings = loaded.settings;
    this.settingsProblems = loaded.problems;
    this.year ??= defaultYear(this.model, this.today());
    this.live?.use(this.model);
    this.changed();
    return this.model;
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
    if (!isWorkingYear(year)) return;
    this.year = year;
    this.lastEvaluation = null;
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

  /** Diagnostics and grades for the year, without writing. */
  async check(): Promise<WorkbookEvaluation> {
    const model = this.model ?? (await this.refresh());
    if (model.tables.length === 0 && model.noIndicator.length === 0) throw new NoKpiSheetError(model.sheets.map((s) => s.name));
    this.lastEvaluation = evaluateWorkbook(model, this.evaluationSettings());
    return this.lastEvaluation;
  }

  /** Evaluate the year and write it; keeps the undo record. */
  async evaluate(): Promise<WorkbookEvaluation> {
    if (!this.model) await this.refresh();
    const result = await runEvaluate(this.host, this.evaluationSettings(), this.settings?.layout ?? null);
    this.protectedSheets = result.plan.protectedSheets ?? [];
    this.model = result.model;
    this.lastEvaluation = result.evaluation;
    if (result.applied) this.lastUndo = { label: "evaluate", record: result.applied.undo };
    this.changed();
    return result.evaluation;
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

  /** What writing these actuals would do: counts and every row's outcome. Nothing is written. */
  async previewFill(rows: ActualInput[]): Promise<FillPlan> {
    const model = await this.refresh();
    return planFill(model, { year: this.year!, rows });
  }

  /** Write the actuals, each conflict kept or overwritten as decided. */
  async applyFill(rows: ActualInput[], decisions: Record<string, "keep" | "overwrite">): Promise<FillPlan> {
    const model = this.model ?? (await this.refresh());
    const fill = planFill(model, { year: this.year!, rows, decisions });
    this.protectedSheets = fill.plan.protectedSheets ?? [];
    if (fill.plan.writes.length > 0) {
      const applied = await this.host.apply(fill.plan);
      this.lastUndo = { label: "fill", record: applied.undo };
    }
    this.model = null;
    this.changed();
    return fill;
  }

  async undo(): Promise<boolean> {
    if (!this.lastUndo) return false;
    await this.host.undo(this.lastUndo.record);
    this.lastUndo = null;
    this.model = null;
    this.changed();
    return true;
  }

  /** Save the user's confirmation of a guessed direction in the workbook. */
  async confirmDirection(indicatorKey: string, direction: Direction): Promise<void> {
    if (!this.settings) await this.refresh();
    const settings = this.settings!;
    settings.directionOverrides = { ...settings.directionOverrides, [indicatorKey]: direction };
    await this.host.saveSettings(settings);
  }

  async saveSettings(settings: AddinSettings): Promise<void> {
    await this.host.saveSettings(settings);
    this.settings = settings;
    if (this.model) this.live?.use(this.model);
  }

  /**
   * 自動再評価: while on, typing or pasting an actual of the chosen year re-grades that indicator
   * (see LiveEvaluation); each update joins the last operation's undo record, so 元に戻す still
   * puts back everything.
   */
  async setLive(on: boolean): Promise<void> {
    if (!on) {
      const live = this.live;
      this.live = null;
      await live?.end();
      this.changed();
      return;
    }
    if (this.live) return;
    const { watchChanges, readAreas } = this.host;
    if (!watchChanges || !readAreas) throw new Error("この Excel では自動再評価を使えません。");
    const model = this.model ?? (await this.refresh());
    const host = this.host;
    const live = new LiveEvaluation(model, {
      host: { watchChanges: watchChanges.bind(host), readAreas: readAreas.bind(host) },
      apply: async (plan) => {
        const { undo } = await host.apply(plan);
        const last = this.lastUndo;
        this.lastUndo = last ? { label: last.label, record: host.mergeUndo ? host.mergeUndo(last.record, undo) : undo } : { label: "evaluate", record: undo };
        this.lastEvaluation = null;
        this.liveError = null;
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

  /** Write (or rewrite) the add-in's summary sheet from the last evaluation. */
  async writeSummarySheet(name = SUMMARY_SHEET): Promise<void> {
    const evaluation = this.lastEvaluation ?? (await this.check());
    await this.host.writeOwnSheet(name, summaryRows(evaluation, this.preset()));
    this.changed();
  }

  selectCell(sheet: string, a1: string): Promise<void> {
    return this.host.selectCell(sheet, a1);
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
  async setColumnRole(tableId: string, col: number, role: ColumnRole, year: FiscalYear | null): Promise<string | null> {
    const table = this.model?.tables.find((t) => t.id === tableId);
    if (!table) return "表が見つかりません。検証をやり直してください。";
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
  async addTableFromSelection(): Promise<string | null> {
    const selection = await this.host.selectedRange();
    const snapshot = (await this.host.read()).sheets.find((s) => s.name === selection.sheet);
    if (!snapshot) return `シート「${selection.sheet}」が見つかりません。`;
    const made = tableFromSelection(snapshot, selection.top, selection.bottom);
    if (!made.ok) return made.message;
    return this.saveMapping(withTable(this.mapping(), made.table));
  }

  private async saveMapping(mapping: LayoutMapping): Promise<string | null> {
    const parsed = parseLayoutMapping(mapping);
    if (!parsed.ok) return parsed.message;
    if (!this.settings) await this.refresh();
    const settings: AddinSettings = { ...this.settings!, layout: parsed.mapping.tables.length > 0 ? parsed.mapping : undefined };
    await this.host.saveSettings(settings);
    this.settings = settings;
    this.lastEvaluation = null;
    await this.refresh();
    return null;
  }
}

