/* eslint-disable @typescript-eslint/no-this-alias -- proxies hand themselves to nested objects (protection, notes, onChanged), as Office.js objects do */
import { parseA1, toA1 } from "../../../core/cells/address";
import { ErrorCodes, type ChangedEventLike, type NoteCollectionLike, type RangeLike, type WorksheetLike, type WorksheetProtectionLike } from "../../office/ExcelLike";
import type { MemoryContext } from "../MemoryContext";
import type { MemoryCell, MemorySheet } from "../MemoryWorkbook";
import { OfficeError } from "../OfficeError";
import { NoteProxy } from "./collections";
import { Proxy } from "./Proxy";
import { RangeProxy } from "./RangeProxy";

class ProtectionProxy extends Proxy implements WorksheetProtectionLike {
  constructor(ctx: MemoryContext, private readonly owner: WorksheetProxy) {
    super(ctx);
  }
  get protected(): boolean {
    return this.read("protected");
  }
  protected fetch(): unknown {
    return this.owner.sheet().protected;
  }
}

/** `Sheet1!A1:B2`, `'My sheet'!A1` or `A1`: the cells named (the sheet part is ignored). */
export function parseArea(address: string) {
  const [a, b] = address.split("!").pop()!.split(":");
  const from = parseA1(a ?? "");
  const to = parseA1(b ?? a ?? "");
  if (!from || !to) throw new OfficeError(ErrorCodes.invalidOperation, `The argument is invalid or missing or has an incorrect format: ${address}`);
  return { top: from.row, left: from.col, bottom: to.row, right: to.col };
}

export class WorksheetProxy extends Proxy implements WorksheetLike {
  readonly protection: WorksheetProtectionLike;
  readonly notes: NoteCollectionLike;
  readonly onChanged: ChangedEventLike;

  constructor(ctx: MemoryContext, private readonly resolve: () => MemorySheet | undefined, private readonly nullable: boolean, queue = true) {
    super(ctx);
    const proxy = this;
    if (queue) this.checkNull(() => proxy.resolve() === undefined);
    else this.deliver("isNullObject", false);
    this.protection = new ProtectionProxy(ctx, this);
    this.notes = {
      add: (cellAddress: string, content: string) => {
        ctx.requireVersion("1.18", "worksheet.notes");
        ctx.enqueue(cellAddress.length + content.length, () => {
          const pos = parseA1(cellAddress.split("!").pop()!)!;
          proxy.writable(pos.row, pos.col).note = content;
        });
      },
      getItemOrNullObject: (cellAddress: string) => {
        ctx.requireVersion("1.18", "worksheet.notes");
        return new NoteProxy(ctx, proxy, cellAddress);
      },
    };
    this.onChanged = {
      add: (handler) => {
        const registration = { sheet: () => proxy.sheet(), handler };
        ctx.enqueue(20, () => {
          proxy.sheet();
          ctx.host.addChangedHandler(registration);
        });
        return { remove: () => ctx.enqueue(20, () => ctx.host.removeChangedHandler(registration)), context: ctx };
      },
    };
  }

  /** The sheet itself; a missing sheet fails the batch like Excel's ItemNotFound. */
  sheet(): MemorySheet {
    const sheet = this.resolve();
    if (!sheet) throw new OfficeError(ErrorCodes.itemNotFound, "The requested resource doesn't exist.");
    return sheet;
  }

  resolved(): MemorySheet | undefined {
    return this.resolve();
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

  get name(): string {
    return this.read("name");
  }
  protected fetch(name: string): unknown {
    if (this.nullable && this.resolve() === undefined) return null;
    if (name === "name") return this.sheet().name;
    return undefined;
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeLike {
    return new RangeProxy(this.ctx, this, () => this.sheet().usedArea(valuesOnly), true);
  }

  getRangeByIndexes(row: number, col: number, rowCount: number, columnCount: number): RangeLike {
    return new RangeProxy(this.ctx, this, () => ({ top: row, left: col, bottom: row + rowCount - 1, right: col + columnCount - 1 }));
  }

  getRange(address = ""): RangeLike {
    const area = parseArea(address);
    return new RangeProxy(this.ctx, this, () => area);
  }

  activate(): void {
    this.ctx.enqueue(10, () => this.ctx.host.activity.push(`activate ${this.sheet().name}`));
  }
}
