/* eslint-disable @typescript-eslint/no-this-alias -- proxies hand themselves to nested property objects (format.fill, protection), as Office.js objects do */
import { jsonCopy } from "../../core/text/jsonCopy";
import { parseA1, toA1, type CellArea } from "../../core/cells/address";
import type { CellValue } from "../../core/cells/RawCell";
import {
  ErrorCodes,
  type ExcelLike,
  type Matrix,
  type NoteLike,
  type RangeAreasLike,
  type RangeLike,
  type RequestContextLike,
  type RequirementsLike,
  type RunOptions,
  type SettingLike,
  type WorksheetLike,
} from "../office/ExcelLike";
import type { MemoryCell, MemorySheet, MemoryWorkbook } from "./MemoryWorkbook";

export type ApiVersion = "1.7" | "1.9" | "1.13" | "1.18" | "1.20";

export interface MemoryExcelOptions {
  /** The highest ExcelApi set this "Excel" supports (1.7 = Office 2019). */
  apiVersion?: ApiVersion;
  /** Delay of every sync(), to model a round trip of Excel on the web. */
  syncDelayMs?: number;
  /** Request size limit in bytes (Excel on the web: 5 MB). */
  payloadLimitBytes?: number;
}

export interface MemoryExcelStats {
  syncs: number;
  requestBytes: number[];
  runs: number;
}

/** An error shaped like OfficeExtension.Error. */
export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

function version(v: string): number {
  const [major, minor] = v.split(".").map(Number);
  return major * 1000 + (minor ?? 0);
}

interface Op {
  bytes: number;
  run(): void;
}

class Context implements RequestContextLike {
  readonly queue: Op[] = [];
  readonly workbook: RequestContextLike["workbook"];
  readonly application = { suspendApiCalculationUntilNextSync: () => this.enqueue(20, () => {}) };

  constructor(
    readonly host: MemoryExcel,
    readonly book: MemoryWorkbook,
  ) {
    this.workbook = {
      worksheets: new Worksheets(this),
      settings: {
        add: (key: string, value: unknown) => this.enqueue(JSON.stringify(value ?? null).length + key.length, () => this.book.settings.set(key, jsonCopy(value))),
        getItemOrNullObject: (key: string) => new Setting(this, key),
      },
      getSelectedRange: () => {
        const selected = () => this.book.selection ?? (this.book.sheets[0] ? { sheet: this.book.sheets[0].name, area: { top: 0, left: 0, bottom: 0, right: 0 } } : null);
        const sheet = new Sheet(this, () => (selected() ? this.book.sheet(selected()!.sheet) : undefined), false);
        return new Range(this, sheet, () => selected()?.area ?? null);
      },
    };
  }

  enqueue(bytes: number, run: () => void): void {
    this.queue.push({ bytes: bytes + 40, run });
  }

  requireVersion(set: ApiVersion, api: string): void {
    if (!this.host.requirements.isSetSupported("ExcelApi", set)) {
      throw new OfficeError(ErrorCodes.apiNotFound, `${api} requires ExcelApi ${set}; this Excel supports ${this.host.apiVersion}.`);
    }
  }

  async sync(): Promise<void> {
    const ops = this.queue.splice(0);
    const bytes = ops.reduce((n, op) => n + op.bytes, 0);
    this.host.stats.syncs++;
    this.host.stats.requestBytes.push(bytes);
    if (this.host.syncDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.host.syncDelayMs));
    if (bytes > this.host.payloadLimitBytes) {
      throw new OfficeError(ErrorCodes.payloadTooLarge, `The request payload size has exceeded the limit (${bytes} bytes).`);
    }
    if (this.book.cellEditMode) throw new OfficeError(ErrorCodes.cellEditMode, "Excel is in cell-editing mode.");
    for (const op of ops) op.run();
  }
}

/** Base of every proxy: properties read only after load() and sync(). */
abstract class Proxy {
  protected readonly data = new Map<string, unknown>();

  constructor(readonly ctx: Context) {}

  protected read<T>(name: string): T {
    if (!this.data.has(name)) {
      throw new OfficeError(ErrorCodes.propertyNotLoaded, `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    }
    return this.data.get(name) as T;
  }

  load(properties: string | string[]): this {
    const names = (Array.isArray(properties) ? properties : properties.split(",")).map((p) => p.trim()).filter(Boolean);
    this.ctx.enqueue(names.join(",").length, () => {
      for (const name of names) this.data.set(name, this.fetch(name));
    });
    return this;
  }

  protected abstract fetch(name: string): unknown;
}

class Worksheets extends Proxy {
  get items(): WorksheetLike[] {
    return this.read("items");
  }
  protected fetch(name: string): unknown {
    if (name !== "items" && !name.startsWith("items/")) return undefined;
    // A loaded collection: each item a sheet proxy with its name already loaded.
    return this.ctx.book.sheets.map((sheet) => {
      const proxy = new Sheet(this.ctx, () => (this.ctx.book.sheets.includes(sheet) ? sheet : undefined), false, false);
      proxy.preload("name", sheet.name);
      return proxy;
    });
  }
  override load(properties: string | string[]): this {
    const names = (Array.isArray(properties) ? properties : properties.split(",")).map((p) => p.trim());
    return super.load(names.some((n) => n.startsWith("items")) ? ["items"] : names);
  }
  getFirst(): WorksheetLike {
    return new Sheet(this.ctx, () => this.ctx.book.sheets[0], true);
  }
  getItemOrNullObject(name: string): WorksheetLike {
    return new Sheet(this.ctx, () => this.ctx.book.sheet(name), true);
  }
  getItem(name: string): WorksheetLike {
    return new Sheet(this.ctx, () => this.ctx.book.sheet(name), false);
  }
  add(name: string): WorksheetLike {
    this.ctx.enqueue(name.length, () => {
      if (this.ctx.book.sheet(name)) throw new OfficeError(ErrorCodes.invalidOperation, `A sheet named ${name} already exists.`);
      this.ctx.book.addSheet(name);
    });
    return new Sheet(this.ctx, () => this.ctx.book.sheet(name), false, false);
  }
}

class Setting extends Proxy implements SettingLike {
  constructor(ctx: Context, private readonly key: string) {
    super(ctx);
    this.data.set("isNullObject", undefined);
    this.ctx.enqueue(key.length, () => this.data.set("isNullObject", !this.ctx.book.settings.has(this.key)));
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get value(): unknown {
    return this.read("value");
  }
  protected fetch(name: string): unknown {
    if (name === "value") return jsonCopy(this.ctx.book.settings.get(this.key));
    return undefined;
  }
}

class Sheet extends Proxy implements WorksheetLike {
  readonly protection: WorksheetLike["protection"];
  readonly notes: WorksheetLike["notes"];

  constructor(ctx: Context, private readonly resolve: () => MemorySheet | undefined, private readonly nullable: boolean, queue = true) {
    super(ctx);
    const sheet = this;
    if (queue) this.ctx.enqueue(10, () => sheet.data.set("isNullObject", sheet.resolve() === undefined));
    else this.data.set("isNullObject", false);
    const protection = new (class extends Proxy {
      get protected(): boolean {
        return this.read("protected");
      }
      protected fetch(): unknown {
        return sheet.sheet().protected;
      }
    })(ctx);
    this.protection = protection;
    this.notes = {
      add: (cellAddress: string, content: string) => {
        ctx.requireVersion("1.18", "worksheet.notes");
        ctx.enqueue(cellAddress.length + content.length, () => {
          const pos = parseA1(cellAddress.split("!").pop()!)!;
          sheet.writable(pos.row, pos.col).note = content;
        });
      },
      getItemOrNullObject: (cellAddress: string) => {
        ctx.requireVersion("1.18", "worksheet.notes");
        return new Note(ctx, sheet, cellAddress);
      },
    };
  }

  /** A property known without a request (items of a loaded collection). */
  preload(name: string, value: unknown): void {
    this.data.set(name, value);
  }

  /** The sheet itself; a missing sheet fails the batch like Excel's ItemNotFound. */
  sheet(): MemorySheet {
    const sheet = this.resolve();
    if (!sheet) throw new OfficeError(ErrorCodes.itemNotFound, "The requested resource doesn't exist.");
    return sheet;
  }

  /** A cell to change: refused in a protected sheet and inside a merged area (but its top-left). */
  writable(row: number, col: number): MemoryCell {
    const sheet = this.sheet();
    if (sheet.protected) throw new OfficeError(ErrorCodes.accessDenied, `The cell you are trying to change is on a protected sheet (${sheet.name}).`);
    const merge = sheet.mergeAt(row, col);
    if (merge && (merge.top !== row || merge.left !== col)) {
      throw new OfficeError(ErrorCodes.invalidOperation, `Cannot change part of a merged cell (${sheet.name}!${toA1(row, col)}).`);
    }
    return sheet.at(row, col);
  }

  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get name(): string {
    return this.read("name");
  }
  protected fetch(name: string): unknown {
    if (this.nullable && this.resolve() === undefined) return null;
    if (name === "name") return this.sheet().name;
    return undefined;
  }

  getNextOrNullObject(): WorksheetLike {
    return new Sheet(this.ctx, () => {
      const current = this.resolve();
      if (!current) return undefined;
      const i = this.ctx.book.sheets.indexOf(current);
      return this.ctx.book.sheets[i + 1];
    }, true);
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeLike {
    return new Range(this.ctx, this, () => this.sheet().usedArea(valuesOnly), true);
  }

  getRangeByIndexes(row: number, col: number, rowCount: number, columnCount: number): RangeLike {
    return new Range(this.ctx, this, () => ({ top: row, left: col, bottom: row + rowCount - 1, right: col + columnCount - 1 }));
  }

  getRange(address: string): RangeLike {
    const [a, b] = address.split("!").pop()!.split(":");
    const from = parseA1(a);
    const to = parseA1(b ?? a);
    if (!from || !to) throw new OfficeError(ErrorCodes.invalidOperation, `Bad address ${address}`);
    return new Range(this.ctx, this, () => ({ top: from.row, left: from.col, bottom: to.row, right: to.col }));
  }

  activate(): void {
    this.ctx.enqueue(10, () => this.ctx.host.activity.push(`activate ${this.sheet().name}`));
  }
}

class Note extends Proxy implements NoteLike {
  constructor(ctx: Context, private readonly sheet: Sheet, private readonly address: string) {
    super(ctx);
    this.ctx.enqueue(address.length, () => this.data.set("isNullObject", this.cell()?.note == null));
  }
  private cell(): MemoryCell | undefined {
    const pos = parseA1(this.address.split("!").pop()!)!;
    return this.sheet.sheet().get(pos.row, pos.col);
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get content(): string {
    return this.read("content");
  }
  protected fetch(name: string): unknown {
    return name === "content" ? this.cell()?.note ?? null : undefined;
  }
  delete(): void {
    this.ctx.enqueue(this.address.length, () => {
      const pos = parseA1(this.address.split("!").pop()!)!;
      this.sheet.writable(pos.row, pos.col).note = null;
    });
  }
}

const FORMULA_LIKE = /^[+-]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** What Excel makes of a value written to `values`: numbers from numeric text, formulas from =, + and -. */
function writeValue(cell: MemoryCell, value: unknown): void {
  if (value === null || value === undefined) return;
  if (typeof value !== "string") {
    cell.value = value as CellValue;
    cell.formula = null;
    return;
  }
  if (cell.numberFormat === "@") {
    cell.value = value;
    cell.formula = null;
  } else if (value.startsWith("'")) {
    cell.value = value.slice(1);
    cell.formula = null;
  } else if (value === "") {
    cell.value = null;
    cell.formula = null;
  } else if (value.startsWith("=") || (FORMULA_LIKE.test(value) && !PLAIN_NUMBER.test(value.trim()))) {
    cell.formula = value.startsWith("=") ? value : `=${value}`;
    cell.value = null;
  } else if (PLAIN_NUMBER.test(value.trim())) {
    cell.value = Number(value);
    cell.formula = null;
  } else {
    cell.value = value;
    cell.formula = null;
  }
}

class Range extends Proxy implements RangeLike {
  readonly format: RangeLike["format"];

  constructor(ctx: Context, readonly owner: Sheet, private readonly area: () => CellArea | null, private readonly nullable = false) {
    super(ctx);
    const range = this;
    const fill = {
      get color(): string {
        return range.read("format/fill/color");
      },
      set color(color: string) {
        range.each(8 + color.length, (cell) => {
          cell.fill = color.toUpperCase();
        });
      },
      clear(): void {
        range.each(10, (cell) => {
          cell.fill = null;
        });
      },
    };
    const font = {
      get bold(): boolean {
        return range.read("format/font/bold");
      },
      set bold(bold: boolean) {
        range.each(8, (cell) => {
          cell.bold = bold;
        });
      },
    };
    this.format = { fill, font };
    this.ctx.enqueue(10, () => range.data.set("isNullObject", range.owner.sheet() !== undefined && range.area() === null));
  }

  box(): CellArea {
    const area = this.area();
    if (!area) throw new OfficeError(ErrorCodes.itemNotFound, "The range is a null object.");
    return area;
  }

  private each(bytes: number, change: (cell: MemoryCell) => void): void {
    this.ctx.enqueue(bytes, () => {
      const a = this.box();
      for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) change(this.owner.writable(r, c));
    });
  }

  private setMatrix(name: string, matrix: Matrix, apply: (cell: MemoryCell, value: unknown) => void): void {
    this.ctx.enqueue(JSON.stringify(matrix).length + name.length, () => {
      const a = this.box();
      if (matrix.length !== a.bottom - a.top + 1 || matrix.some((line) => line.length !== a.right - a.left + 1)) {
        throw new OfficeError(ErrorCodes.invalidOperation, `The number of rows or columns in the input array doesn't match the size or dimensions of the range.`);
      }
      matrix.forEach((line, r) => line.forEach((value, c) => {
        if (value === null || value === undefined) return;
        apply(this.owner.writable(a.top + r, a.left + c), value);
      }));
    });
  }

  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get values(): Matrix {
    return this.read("values");
  }
  set values(matrix: Matrix) {
    this.setMatrix("values", matrix, writeValue);
  }
  get formulas(): Matrix {
    return this.read("formulas");
  }
  set formulas(matrix: Matrix) {
    this.setMatrix("formulas", matrix, (cell, value) => writeValue(cell, value));
  }
  get numberFormat(): Matrix {
    return this.read("numberFormat");
  }
  set numberFormat(matrix: Matrix) {
    this.setMatrix("numberFormat", matrix, (cell, value) => {
      cell.numberFormat = String(value);
    });
  }
  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }

  protected fetch(name: string): unknown {
    if (this.nullable && this.area() === null) return null;
    const a = this.box();
    const sheet = this.owner.sheet();
    const grid = (pick: (cell: MemoryCell | undefined) => unknown) => {
      const out: unknown[][] = [];
      for (let r = a.top; r <= a.bottom; r++) {
        const line: unknown[] = [];
        for (let c = a.left; c <= a.right; c++) line.push(pick(sheet.get(r, c)));
        out.push(line);
      }
      return out;
    };
    switch (name) {
      case "values":
        return grid((cell) => cell?.value ?? "");
      case "formulas":
        return grid((cell) => cell?.formula ?? cell?.value ?? "");
      case "numberFormat":
        return grid((cell) => cell?.numberFormat ?? "General");
      case "rowIndex":
        return a.top;
      case "columnIndex":
        return a.left;
      case "rowCount":
        return a.bottom - a.top + 1;
      case "columnCount":
        return a.right - a.left + 1;
      case "address":
        return `${sheet.name}!${toA1(a.top, a.left)}:${toA1(a.bottom, a.right)}`;
      case "format/fill/color": {
        const colors = new Set(grid((cell) => cell?.fill ?? "#FFFFFF").flat());
        return colors.size === 1 ? [...colors][0] : null;
      }
      case "format/font/bold": {
        const bolds = new Set(grid((cell) => cell?.bold ?? false).flat());
        return bolds.size === 1 ? [...bolds][0] : null;
      }
      default:
        return undefined;
    }
  }

  getMergedAreasOrNullObject(): RangeAreasLike {
    this.ctx.requireVersion("1.13", "Range.getMergedAreasOrNullObject");
    const range = this;
    return new (class extends Proxy implements RangeAreasLike {
      constructor() {
        super(range.ctx);
        this.ctx.enqueue(10, () => this.data.set("isNullObject", this.areas().length === 0));
      }
      private areas(): CellArea[] {
        const a = range.box();
        return range.owner.sheet().merges.filter((m) => m.top >= a.top && m.left >= a.left && m.top <= a.bottom && m.left <= a.right);
      }
      get isNullObject(): boolean {
        return this.read("isNullObject");
      }
      get address(): string {
        return this.read("address");
      }
      protected fetch(name: string): unknown {
        if (name !== "address") return undefined;
        const sheetName = range.owner.sheet().name;
        return this.areas().map((m) => `${sheetName}!${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}`).join(",");
      }
    })();
  }

  clear(): void {
    this.ctx.enqueue(10, () => {
      if (this.nullable && this.area() === null) return;
      const a = this.box();
      const sheet = this.owner.sheet();
      for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) if (sheet.get(r, c)) this.owner.writable(r, c);
      for (const key of [...sheet.cells.keys()]) {
        const [r, c] = key.split(",").map(Number);
        if (r >= a.top && r <= a.bottom && c >= a.left && c <= a.right) sheet.cells.delete(key);
      }
    });
  }

  copyFrom(source: RangeLike, copyType: "Formats"): void {
    this.ctx.requireVersion("1.9", "Range.copyFrom");
    const from = source as Range;
    this.ctx.enqueue(40 + copyType.length, () => {
      const a = from.box();
      const cell = from.owner.sheet().get(a.top, a.left);
      const b = this.box();
      for (let r = b.top; r <= b.bottom; r++) {
        for (let c = b.left; c <= b.right; c++) {
          const target = this.owner.writable(r, c);
          target.fill = cell?.fill ?? null;
          target.bold = cell?.bold ?? false;
          target.numberFormat = cell?.numberFormat ?? "General";
        }
      }
    });
  }

  select(): void {
    this.ctx.enqueue(10, () => {
      const a = this.box();
      this.ctx.host.activity.push(`select ${this.owner.sheet().name}!${toA1(a.top, a.left)}`);
      this.ctx.book.selection = { sheet: this.owner.sheet().name, area: { ...a } };
    });
  }
}

/**
 * An "Excel" over a MemoryWorkbook, faithful where the adapter relies on it: load/sync semantics
 * (PropertyNotLoaded), a request size limit (RequestPayloadSizeLimitExceeded), formulas from text,
 * protected sheets (AccessDenied), merged areas, cell-edit mode, requirement sets, sync counts.
 */
export class MemoryExcel implements ExcelLike {
  readonly stats: MemoryExcelStats = { syncs: 0, requestBytes: [], runs: 0 };
  /** Selections and activations, for tests. */
  readonly activity: string[] = [];
  readonly apiVersion: ApiVersion;
  readonly syncDelayMs: number;
  readonly payloadLimitBytes: number;
  readonly requirements: RequirementsLike;

  constructor(readonly book: MemoryWorkbook, options: MemoryExcelOptions = {}) {
    this.apiVersion = options.apiVersion ?? "1.20";
    this.syncDelayMs = options.syncDelayMs ?? 0;
    this.payloadLimitBytes = options.payloadLimitBytes ?? 5 * 1024 * 1024;
    this.requirements = {
      isSetSupported: (name: string, v: string) => name === "ExcelApi" && version(v) <= version(this.apiVersion),
    };
  }

  async run<T>(options: RunOptions, batch: (context: RequestContextLike) => Promise<T>): Promise<T> {
    if (options.mergeUndoGroup && !this.requirements.isSetSupported("ExcelApi", "1.20")) {
      throw new OfficeError(ErrorCodes.apiNotFound, "mergeUndoGroup requires ExcelApi 1.20.");
    }
    if (this.book.cellEditMode) {
      if (!options.delayForCellEdit) throw new OfficeError(ErrorCodes.cellEditMode, "Excel is in cell-editing mode.");
      while (this.book.cellEditMode) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    this.stats.runs++;
    const context = new Context(this, this.book);
    const result = await batch(context);
    if (context.queue.length > 0) await context.sync();
    return result;
  }

  resetStats(): void {
    this.stats.syncs = 0;
    this.stats.requestBytes = [];
    this.stats.runs = 0;
  }
}
