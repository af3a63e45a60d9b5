import type { CellArea } from "../../core/cells/address";
import { toA1 } from "../../core/cells/address";
import { ErrorCodes, type ExcelLike, type RequestContextLike, type RequirementsLike, type RunOptions, type WorksheetChangedArgs } from "../office/ExcelLike";
import { MemoryContext } from "./MemoryContext";
import type { ChangeSource, MemorySheet, MemoryWorkbook } from "./MemoryWorkbook";
import { OfficeError } from "./OfficeError";

export { OfficeError } from "./OfficeError";

/** The ExcelApi sets the in-memory Excel can claim (1.7 = Office 2019, 1.14 = Office 2021, 1.17 = LTSC 2024). */
export type ApiVersion = "1.7" | "1.8" | "1.9" | "1.11" | "1.13" | "1.14" | "1.17" | "1.18" | "1.20";

/** Excel's limits; Excel on the web adds the two payload limits (5 MB each). */
export interface ExcelLimits {
  requestBytes: number;
  responseBytes: number;
  /** Cells a single range read may return (5,000,000 on every platform). */
  cellsPerRead: number;
  /** Merged areas Range.getMergedAreasOrNullObject can return (512). */
  mergedAreas: number;
}

export const WEB_LIMITS: ExcelLimits = { requestBytes: 5 * 1024 * 1024, responseBytes: 5 * 1024 * 1024, cellsPerRead: 5_000_000, mergedAreas: 512 };

export interface MemoryExcelOptions {
  /** The highest ExcelApi set this "Excel" supports (1.7 = Office 2019). */
  apiVersion?: ApiVersion;
  /** Delay of every sync(), to model a round trip of Excel on the web. */
  syncDelayMs?: number;
  /** Request size limit in bytes (Excel on the web: 5 MB). Shorthand for limits.requestBytes. */
  payloadLimitBytes?: number;
  /** Excel on the web's limits unless given. */
  limits?: Partial<ExcelLimits>;
}

export interface MemoryExcelStats {
  syncs: number;
  requestBytes: number[];
  responseBytes: number[];
  runs: number;
  /** Run options the host dropped because it lacks their set, as office.js does. */
  droppedOptions: string[];
  /** onChanged events delivered. */
  events: number;
}

interface ChangedHandler {
  sheet: () => MemorySheet;
  handler: (args: WorksheetChangedArgs) => Promise<unknown>;
}

function version(v: string): number {
  const [major, minor] = v.split(".").map(Number);
  return major * 1000 + (minor ?? 0);
}

/** The set each run option needs; below it office.js drops the option silently. */
const RUN_OPTION_SETS: Record<keyof RunOptions, ApiVersion> = { delayForCellEdit: "1.11", mergeUndoGroup: "1.20" };

/**
 * An "Excel" over a MemoryWorkbook that implements the add-in's views of the Excel JavaScript API
 * and the rules it must live with: load/sync (PropertyNotLoaded), request and response limits,
 * the cell limit of a read, 512 merged areas, text conversion on write, quoted text in `formulas`,
 * protected sheets, merged cells, cell-edit mode, requirement sets, run options dropped below their
 * set, and onChanged events (for the add-in's own writes too). Counts syncs and bytes.
 */
export class MemoryExcel implements ExcelLike {
  readonly stats: MemoryExcelStats = { syncs: 0, requestBytes: [], responseBytes: [], runs: 0, droppedOptions: [], events: 0 };
  /** Selections and activations, for tests. */
  readonly activity: string[] = [];
  readonly apiVersion: ApiVersion;
  readonly syncDelayMs: number;
  readonly limits: ExcelLimits;
  readonly requirements: RequirementsLike;
  private readonly handlers = new Set<ChangedHandler>();
  private pending: Promise<unknown>[] = [];

  constructor(readonly book: MemoryWorkbook, options: MemoryExcelOptions = {}) {
    this.apiVersion = options.apiVersion ?? "1.20";
    this.syncDelayMs = options.syncDelayMs ?? 0;
    this.limits = { ...WEB_LIMITS, ...(options.payloadLimitBytes ? { requestBytes: options.payloadLimitBytes } : {}), ...options.limits };
    this.requirements = {
      isSetSupported: (name: string, v?: string | number) => name === "ExcelApi" && version(String(v ?? "1.1")) <= version(this.apiVersion),
    };
    book.onDataChanged((sheet, area, source) => this.fire(sheet, area, source));
  }

  private supports(set: ApiVersion): boolean {
    return this.requirements.isSetSupported("ExcelApi", set);
  }

  async run<T>(options: RunOptions, batch: (context: RequestContextLike) => Promise<T>): Promise<T> {
    const given = { ...options };
    for (const key of Object.keys(given) as (keyof RunOptions)[]) {
      if (!this.supports(RUN_OPTION_SETS[key])) {
        delete given[key];
        this.stats.droppedOptions.push(key);
      }
    }
    if (this.book.cellEditMode) {
      if (!given.delayForCellEdit) throw new OfficeError(ErrorCodes.cellEditMode, "Excel is in cell-editing mode.");
      while (this.book.cellEditMode) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    this.stats.runs++;
    const context = new MemoryContext(this, this.book);
    const result = await batch(context);
    if (context.queue.length > 0) await context.sync();
    return result;
  }

  addChangedHandler(handler: ChangedHandler): void {
    this.handlers.add(handler);
  }

  removeChangedHandler(handler: ChangedHandler): void {
    this.handlers.delete(handler);
  }

  /** Worksheet.onChanged, delivered after the change (asynchronously, as Excel does), with its documented arguments. */
  private fire(sheet: MemorySheet, area: CellArea, source: ChangeSource): void {
    for (const h of this.handlers) {
      let target: MemorySheet | undefined;
      try {
        target = h.sheet();
      } catch {
        continue; // the sheet was deleted: its handler no longer fires
      }
      if (target !== sheet) continue;
      const args: WorksheetChangedArgs = {
        type: "WorksheetChanged",
        address: area.top === area.bottom && area.left === area.right ? toA1(area.top, area.left) : `${toA1(area.top, area.left)}:${toA1(area.bottom, area.right)}`,
        changeType: "RangeEdited",
        source: "Local",
        worksheetId: sheet.id,
        ...(this.supports("1.14") ? { triggerSource: source === "addin" ? "ThisLocalAddin" : "Unknown" } : {}),
      };
      this.pending.push(new Promise((resolve) => setTimeout(resolve, 0)).then(() => {
        this.stats.events++;
        return h.handler(args);
      }));
    }
  }

  /** Resolves when every event delivered so far has been handled (and the handlers' own events too). */
  async whenIdle(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0);
      await Promise.allSettled(batch);
    }
  }

  resetStats(): void {
    Object.assign(this.stats, { syncs: 0, requestBytes: [], responseBytes: [], runs: 0, droppedOptions: [], events: 0 });
  }
}
