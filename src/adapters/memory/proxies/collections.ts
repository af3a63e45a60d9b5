/** Proxies of the workbook's collections and small objects: worksheets, a setting, a note, merged areas. */
import { parseA1, toA1, type CellArea } from "../../../core/cells/address";
import { jsonCopy } from "../../../core/text/jsonCopy";
import { ErrorCodes, type NoteLike, type RangeAreasLike, type SettingLike, type WorksheetCollectionLike, type WorksheetLike } from "../../office/ExcelLike";
import type { MemoryContext } from "../MemoryContext";
import type { MemoryCell } from "../MemoryWorkbook";
import { OfficeError } from "../OfficeError";
import { propertyNames, Proxy } from "./Proxy";
import { WorksheetProxy } from "./WorksheetProxy";

export class WorksheetsProxy extends Proxy implements WorksheetCollectionLike {
  get items(): WorksheetLike[] {
    return this.read("items");
  }
  protected fetch(name: string): unknown {
    if (name !== "items") return undefined;
    // A loaded collection: each item a sheet proxy with its name already loaded.
    return this.ctx.book.sheets.map((sheet) => {
      const proxy = new WorksheetProxy(this.ctx, () => (this.ctx.book.sheets.includes(sheet) ? sheet : undefined), false, false);
      proxy.deliver("name", sheet.name);
      return proxy;
    });
  }
  override load(properties?: string | string[]): this {
    if (!propertyNames(properties).some((n) => n.startsWith("items"))) return this;
    this.ctx.enqueue(10, () => {
      const items = this.fetch("items") as WorksheetProxy[];
      this.ctx.respond(this, "items", items, items.reduce((n, ws) => n + ws.name.length + 30, 2));
    });
    return this;
  }
  getItemOrNullObject(name: string): WorksheetLike {
    return new WorksheetProxy(this.ctx, () => this.ctx.book.sheet(name), true);
  }
  getItem(name: string): WorksheetLike {
    return new WorksheetProxy(this.ctx, () => this.ctx.book.sheet(name), false);
  }
  add(name = "Sheet"): WorksheetLike {
    this.ctx.enqueue(name.length, () => {
      if (this.ctx.book.sheet(name)) throw new OfficeError(ErrorCodes.invalidOperation, `A sheet named ${name} already exists.`);
      this.ctx.book.addSheet(name);
    });
    return new WorksheetProxy(this.ctx, () => this.ctx.book.sheet(name), false, false);
  }
}

export class SettingProxy extends Proxy implements SettingLike {
  constructor(ctx: MemoryContext, private readonly key: string) {
    super(ctx);
    this.checkNull(() => !this.ctx.book.settings.has(this.key));
  }
  get value(): unknown {
    return this.read("value");
  }
  protected fetch(name: string): unknown {
    return name === "value" ? jsonCopy(this.ctx.book.settings.get(this.key)) : undefined;
  }
}

export class NoteProxy extends Proxy implements NoteLike {
  constructor(ctx: MemoryContext, private readonly sheet: WorksheetProxy, private readonly address: string) {
    super(ctx);
    this.checkNull(() => this.cell()?.note == null);
  }
  private position() {
    const pos = parseA1(this.address.split("!").pop()!);
    if (!pos) throw new OfficeError(ErrorCodes.invalidOperation, `Bad address ${this.address}`);
    return pos;
  }
  private cell(): MemoryCell | undefined {
    const pos = this.position();
    return this.sheet.sheet().get(pos.row, pos.col);
  }
  get content(): string {
    return this.read("content");
  }
  protected fetch(name: string): unknown {
    return name === "content" ? (this.cell()?.note ?? null) : undefined;
  }
  delete(): void {
    this.ctx.enqueue(this.address.length, () => {
      const pos = this.position();
      this.sheet.writable(pos.row, pos.col).note = null;
    });
  }
}

/**
 * Range.getMergedAreasOrNullObject: only merges whose top-left cell is in the range (#3611), and
 * the request fails over `limits.mergedAreas` of them (512 in Excel).
 */
export class MergedAreasProxy extends Proxy implements RangeAreasLike {
  private found: CellArea[] = [];

  constructor(ctx: MemoryContext, private readonly sheet: WorksheetProxy, private readonly range: () => CellArea) {
    super(ctx);
    this.ctx.enqueue(10, () => {
      const a = this.range();
      this.found = this.sheet.sheet().merges.filter((m) => m.top >= a.top && m.left >= a.left && m.top <= a.bottom && m.left <= a.right);
      if (this.found.length > this.ctx.host.limits.mergedAreas) {
        throw new OfficeError(ErrorCodes.generalException, `There are ${this.found.length} merged areas in the range; getMergedAreasOrNullObject returns at most ${this.ctx.host.limits.mergedAreas}.`);
      }
      this.ctx.respond(this, "isNullObject", this.found.length === 0);
    });
  }
  get address(): string {
    return this.read("address");
  }
  protected fetch(name: string): unknown {
    if (name !== "address") return undefined;
    const sheetName = this.sheet.sheet().name;
    return this.found.map((m) => `${sheetName}!${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}`).join(",");
  }
}
