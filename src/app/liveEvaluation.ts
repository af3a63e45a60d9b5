import type { CellArea } from "../core/cells/address";
import type { CellValue } from "../core/cells/RawCell";
import { planEvaluate } from "../core/plans/planEvaluate";
import type { EvaluationSettings } from "../core/workbook/evaluateWorkbook";
import { evaluateWorkbook } from "../core/workbook/evaluateWorkbook";
import { cellAt, type SheetSnapshot } from "../core/workbook/SheetSnapshot";
import type { CellWrite, WritePlan } from "../core/workbook/WritePlan";
import type { WorkbookModel } from "../core/workbook/WorkbookModel";

/** Cells as a host reads them, for one area of a sheet. */
export interface AreaContents {
  sheet: string;
  area: CellArea;
  values: CellValue[][];
  numberFormats: string[][];
  formulas: (string | null)[][];
}

/** What live re-evaluation needs of a host: change events by sheet and a read of a few areas in one request. */
export interface ChangeSource {
  watchChanges(sheets: string[], listener: (sheet: string, address: string) => void): Promise<() => Promise<void>>;
  readAreas(areas: { sheet: string; area: CellArea }[]): Promise<AreaContents[]>;
}

export interface LiveDeps {
  host: ChangeSource;
  /** Write an update's plan (the Workbench keeps its undo record). */
  apply: (plan: WritePlan) => Promise<void>;
  settings: () => EvaluationSettings;
  failed: (error: unknown) => void;
}

/** "G5:G104" or "G5" → the area (0-based). */
export function parseAddress(address: string): CellArea | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(address.split("!").pop()!.trim());
  if (!m) return null;
  const col = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const top = Number(m[2]) - 1;
  const left = col(m[1]);
  return { top, left, bottom: m[4] ? Number(m[4]) - 1 : top, right: m[3] ? col(m[3]) : left };
}

const writeKey = (w: { sheet: string; row: number; col: number }) => `${w.sheet}\u0000${w.row}\u0000${w.col}`;
const sameWrite = (a: CellWrite, b: CellWrite) => JSON.stringify({ ...a, purpose: "" }) === JSON.stringify({ ...b, purpose: "" });

/** Put read cells into the model's snapshot of their sheet (growing it when needed). */
function patchSnapshot(sheet: SheetSnapshot, at: { row: number; col: number }, value: CellValue, numberFormat?: string, formula?: string | null): void {
  const r = at.row - sheet.origin.row;
  const c = at.col - sheet.origin.col;
  if (r < 0 || c < 0) return; // left of or above the used range: the model never reads there
  const width = Math.max(sheet.values[0]?.length ?? 0, c + 1);
  while (sheet.values.length <= r) {
    sheet.values.push(Array(width).fill(null));
    sheet.numberFormats.push(Array(width).fill("General"));
    sheet.formulas?.push(Array(width).fill(null));
  }
  sheet.values[r][c] = value;
  if (numberFormat !== undefined) sheet.numberFormats[r][c] = numberFormat;
  if (formula !== undefined && sheet.formulas) sheet.formulas[r][c] = formula;
}

/**
 * Live re-evaluation: while on, a change to an actual of the evaluated year re-grades that
 * indicator. Changes elsewhere cost nothing; changes that arrive during an update are gathered into
 * the next one, so a paste of 100 actuals is one update: one request reading the changed actuals
 * and one writing what changed in the plan (rates, grades, colours, notes, highlights). The
 * add-in's own writes cannot start a loop: an update writes rate and grade cells and fills, never
 * an actual's value, and only an actual's value starts an update.
 */
export class LiveEvaluation {
  private stop: (() => Promise<void>) | null = null;
  private pending = new Map<string, CellArea[]>();
  private running: Promise<void> | null = null;
  private previous = new Map<string, CellWrite>();
  /** The evaluated year's actual cells, by sheet. */
  private actuals = new Map<string, { row: number; col: number }[]>();
  /** Updates written so far, for the pane and tests. */
  updates = 0;

  constructor(
    private model: WorkbookModel,
    private readonly deps: LiveDeps,
  ) {}

  async start(): Promise<void> {
    this.remember();
    const sheets = [...new Set(this.model.tables.map((t) => t.sheet))];
    this.stop = await this.deps.host.watchChanges(sheets, (sheet, address) => this.changed(sheet, address));
  }

  async end(): Promise<void> {
    const stop = this.stop;
    this.stop = null;
    this.pending.clear();
    await this.running;
    await stop?.();
  }

  /** A fresh model (the pane read the workbook again). */
  use(model: WorkbookModel): void {
    this.model = model;
    this.remember();
  }

  /** Resolves when no update is running or waiting. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  private remember(): void {
    const settings = this.deps.settings();
    this.previous = new Map(planEvaluate(this.model, settings).plan.writes.map((w) => [writeKey(w), w]));
    this.actuals = new Map();
    for (const o of evaluateWorkbook(this.model, settings).outcomes) {
      if (o.actualCell) this.actuals.set(o.indicator.sheet, [...(this.actuals.get(o.indicator.sheet) ?? []), o.actualCell]);
    }
  }

  /** The actual cells of the evaluated year inside a changed area. */
  private actualsIn(sheet: string, area: CellArea): { row: number; col: number }[] {
    return (this.actuals.get(sheet) ?? []).filter((c) => c.row >= area.top && c.row <= area.bottom && c.col >= area.left && c.col <= area.right);
  }

  private changed(sheet: string, address: string): void {
    if (!this.stop) return;
    const area = parseAddress(address);
    if (!area || this.actualsIn(sheet, area).length === 0) return; // not an actual of the year: ignored
    this.pending.set(sheet, [...(this.pending.get(sheet) ?? []), area]);
    this.running ??= this.drain();
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.size > 0 && this.stop) {
        const batch = this.pending;
        this.pending = new Map();
        await this.update(batch);
      }
    } catch (error) {
      this.deps.failed(error);
    } finally {
      this.running = null;
    }
  }

  private async update(changes: Map<string, CellArea[]>): Promise<void> {
    // One request: the changed actual cells (the bounding box of each sheet's changes).
    const areas = [...changes].map(([sheet, list]) => ({
      sheet,
      area: list.reduce((a, b) => ({ top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) })),
    }));
    for (const read of await this.deps.host.readAreas(areas)) {
      const snapshot = this.model.snapshots.get(read.sheet);
      if (!snapshot) continue;
      for (const cell of this.actualsIn(read.sheet, read.area)) {
        const r = cell.row - read.area.top;
        const c = cell.col - read.area.left;
        patchSnapshot(snapshot, cell, read.values[r][c], read.numberFormats[r][c], read.formulas[r][c]);
      }
    }
    // The plan for the whole model, kept only where it differs from the last one: the changed indicators.
    const { plan } = planEvaluate(this.model, this.deps.settings());
    const writes = plan.writes.filter((w) => {
      // A new column's header: written until the sheet holds it.
      if (w.purpose === "header") return String(cellAt(this.model.snapshots.get(w.sheet)!, w.row, w.col).value ?? "") !== String(w.value ?? "");
      const before = this.previous.get(writeKey(w));
      return !before || !sameWrite(before, w);
    });
    this.previous = new Map(plan.writes.map((w) => [writeKey(w), w]));
    if (writes.length === 0) return;
    await this.deps.apply({ ...plan, writes });
    for (const w of writes) {
      const snapshot = this.model.snapshots.get(w.sheet);
      if (snapshot && w.value !== undefined) patchSnapshot(snapshot, w, w.value, w.numberFormat);
    }
    this.updates++;
  }
}
