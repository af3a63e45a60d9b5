import type { CellArea } from "../../core/cells/address";
import { jsonCopy } from "../../core/text/jsonCopy";
import { ErrorCodes, type RangeLike, type RequestContextLike, type SettingCollectionLike } from "../office/ExcelLike";
import type { ApiVersion, MemoryExcel } from "./memoryExcel";
import type { MemorySheet, MemoryWorkbook } from "./MemoryWorkbook";
import { OfficeError } from "./OfficeError";
import type { Proxy } from "./proxies/Proxy";
import { SettingProxy, WorksheetsProxy } from "./proxies/collections";
import { RangeProxy } from "./proxies/RangeProxy";
import { WorksheetProxy } from "./proxies/WorksheetProxy";

interface Op {
  bytes: number;
  run(): void;
}

interface Delivery {
  proxy: Proxy;
  name: string;
  value: unknown;
  bytes: number;
}

/** Bytes a loaded value takes in a response (its JSON). */
function responseBytes(value: unknown): number {
  return value === undefined ? 4 : JSON.stringify(value).length + 8;
}

/**
 * One request context: operations are queued and run on sync(), in order, as Excel runs a batch.
 * - A request over the request limit fails before anything runs (RequestPayloadSizeLimitExceeded).
 * - An operation that fails stops the batch; the operations before it stay done and the values they
 *   loaded are delivered (office.js processes the results that come with the error).
 * - A response over the response limit fails (ResponsePayloadSizeLimitExceeded) and delivers nothing.
 * - Cell data changed by the batch is reported to the workbook's listeners (onChanged) after it.
 */
export class MemoryContext implements RequestContextLike {
  readonly queue: Op[] = [];
  readonly workbook: { readonly worksheets: WorksheetsProxy; readonly settings: SettingCollectionLike; getSelectedRange(): RangeLike };
  readonly application = { suspendApiCalculationUntilNextSync: () => this.enqueue(20, () => {}) };
  private deliveries: Delivery[] = [];
  private changes: [MemorySheet, CellArea][] = [];

  constructor(
    readonly host: MemoryExcel,
    readonly book: MemoryWorkbook,
  ) {
    this.workbook = {
      worksheets: new WorksheetsProxy(this),
      settings: {
        add: (key: string, value: unknown) => this.enqueue(JSON.stringify(value ?? null).length + key.length, () => this.book.settings.set(key, jsonCopy(value))),
        getItemOrNullObject: (key: string) => new SettingProxy(this, key),
      },
      getSelectedRange: () => {
        const selected = () => this.book.selection ?? (this.book.sheets[0] ? { sheet: this.book.sheets[0].name, area: { top: 0, left: 0, bottom: 0, right: 0 } } : null);
        const sheet = new WorksheetProxy(this, () => { const s = selected(); return s ? this.book.sheet(s.sheet) : undefined; }, false);
        return new RangeProxy(this, sheet, () => selected()?.area ?? null);
      },
    };
  }

  enqueue(bytes: number, run: () => void): void {
    this.queue.push({ bytes: bytes + 40, run });
  }

  /** A loaded value, delivered to the proxy when the response arrives. */
  respond(proxy: Proxy, name: string, value: unknown, bytes = responseBytes(value)): void {
    this.deliveries.push({ proxy, name, value, bytes });
  }

  /** Cell data changed by this batch (for onChanged). */
  changed(sheet: MemorySheet, area: CellArea): void {
    this.changes.push([sheet, area]);
  }

  requireVersion(set: ApiVersion, api: string): void {
    if (!this.host.requirements.isSetSupported("ExcelApi", set)) {
      throw new OfficeError(ErrorCodes.apiNotFound, `${api} requires ExcelApi ${set}; this Excel supports ${this.host.apiVersion}.`);
    }
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    const ops = this.queue.splice(0);
    const bytes = ops.reduce((n, op) => n + op.bytes, 0);
    const { stats, limits } = this.host;
    stats.syncs++;
    stats.requestBytes.push(bytes);
    if (this.host.syncDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.host.syncDelayMs));
    if (bytes > limits.requestBytes) {
      stats.responseBytes.push(0);
      throw new OfficeError(ErrorCodes.payloadTooLarge, `The request payload size has exceeded the limit (${bytes} bytes).`);
    }
    if (this.book.cellEditMode) throw new OfficeError(ErrorCodes.cellEditMode, "Excel is in cell-editing mode.");
    this.deliveries = [];
    this.changes = [];
    try {
      for (const op of ops) op.run();
    } catch (error) {
      this.finish(true);
      throw error;
    }
    this.finish(false);
    return passThroughValue as T;
  }

  private finish(failed: boolean): void {
    const { stats, limits } = this.host;
    const size = this.deliveries.reduce((n, d) => n + d.bytes, 0);
    stats.responseBytes.push(size);
    for (const [sheet, area] of this.changes) this.book.dataChanged(sheet, area, "addin");
    if (!failed && size > limits.responseBytes) {
      throw new OfficeError(ErrorCodes.responseTooLarge, `The response payload size has exceeded the limit (${size} bytes). Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".`);
    }
    for (const d of this.deliveries) d.proxy.deliver(d.name, d.value);
  }
}
