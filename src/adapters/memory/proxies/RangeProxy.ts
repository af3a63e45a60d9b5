/* eslint-disable @typescript-eslint/no-this-alias -- a range hands itself to its format objects, as Office.js objects do */
import { toA1, type CellArea } from "../../../core/cells/address";
import { ErrorCodes, type Matrix, type RangeAreasLike, type RangeFormatLike, type RangeLike, type ValueTypeName } from "../../office/ExcelLike";
import { enterValue, valueType } from "../excelText";
import type { MemoryContext } from "../MemoryContext";
import type { MemoryCell } from "../MemoryWorkbook";
import { OfficeError } from "../OfficeError";
import { MergedAreasProxy } from "./collections";
import { Proxy } from "./Proxy";
import { parseArea, type WorksheetProxy } from "./WorksheetProxy";

/** Properties that read every cell of the range (the cell limit applies to them). */
const GRID_PROPERTIES = new Set(["values", "formulas", "numberFormat", "valueTypes"]);

export class RangeProxy extends Proxy implements RangeLike {
  readonly format: RangeFormatLike;

  private readonly area: () => CellArea | null;

  /** `area` is worked out once, when the request first needs it (a used range is what it was then). */
  constructor(ctx: MemoryContext, readonly owner: WorksheetProxy, area: () => CellArea | null, private readonly nullable = false) {
    super(ctx);
    let known: { area: CellArea | null } | undefined;
    this.area = () => (known ??= { area: area() }).area;
    const range = this;
    this.format = {
      fill: {
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
      },
      font: {
        get bold(): boolean {
          return range.read("format/font/bold");
        },
        set bold(bold: boolean) {
          range.each(8, (cell) => {
            cell.bold = bold;
          });
        },
      },
    };
    this.checkNull(() => range.owner.sheet() !== undefined && range.area() === null);
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

  /** A 2D array assignment: null leaves a cell as it is; changed data is reported (onChanged). */
  private setMatrix(name: string, matrix: Matrix, apply: (cell: MemoryCell, value: unknown) => void, data: boolean): void {
    this.ctx.enqueue(JSON.stringify(matrix).length + name.length, () => {
      const a = this.box();
      if (matrix.length !== a.bottom - a.top + 1 || matrix.some((line) => line.length !== a.right - a.left + 1)) {
        throw new OfficeError(ErrorCodes.invalidOperation, `The number of rows or columns in the input array doesn't match the size or dimensions of the range.`);
      }
      matrix.forEach((line, r) => line.forEach((value, c) => {
        if (value === null || value === undefined) return;
        apply(this.owner.writable(a.top + r, a.left + c), value);
      }));
      if (data) this.ctx.changed(this.owner.sheet(), a);
    });
  }

  get values(): Matrix {
    return this.read("values");
  }
  set values(matrix: Matrix) {
    this.setMatrix("values", matrix, enterValue, true);
  }
  get formulas(): Matrix {
    return this.read("formulas");
  }
  set formulas(matrix: Matrix) {
    this.setMatrix("formulas", matrix, enterValue, true);
  }
  get numberFormat(): Matrix {
    return this.read("numberFormat");
  }
  set numberFormat(matrix: Matrix) {
    this.setMatrix("numberFormat", matrix, (cell, value) => {
      cell.numberFormat = String(value);
    }, false);
  }
  get valueTypes(): ValueTypeName[][] {
    return this.read("valueTypes");
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
    const cells = (a.bottom - a.top + 1) * (a.right - a.left + 1);
    // Reads are limited to 5,000,000 cells; over the limit Excel may hand back null instead of the array.
    if (GRID_PROPERTIES.has(name) && cells > this.ctx.host.limits.cellsPerRead) return null;
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
        // A quoted text comes back without its apostrophe (office-js #6687).
        return grid((cell) => cell?.formula ?? cell?.value ?? "");
      case "numberFormat":
        return grid((cell) => cell?.numberFormat ?? "General");
      case "valueTypes":
        return grid(valueType);
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
    return new MergedAreasProxy(this.ctx, this.owner, () => this.box());
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
      this.ctx.changed(sheet, a);
    });
  }

  /** ExcelApi 1.9; formats only (the add-in copies a header's look). */
  copyFrom(sourceRange: string, copyType = "All"): void {
    this.ctx.requireVersion("1.9", "Range.copyFrom");
    this.ctx.enqueue(40 + sourceRange.length + copyType.length, () => {
      if (copyType !== "Formats") throw new OfficeError(ErrorCodes.invalidOperation, `the in-memory Excel copies formats only, not ${copyType}`);
      const from = parseArea(sourceRange);
      const sourceName = /^'?(.*?)'?!/.exec(sourceRange)?.[1]?.replace(/''/g, "'");
      const sourceSheet = sourceName === undefined ? this.owner.sheet() : this.ctx.book.sheet(sourceName);
      if (!sourceSheet) throw new OfficeError(ErrorCodes.itemNotFound, `No sheet ${sourceName}`);
      const cell = sourceSheet.get(from.top, from.left);
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

