import type { WorkbookSnapshot } from "../../core/workbook/SheetSnapshot";
import type { Package } from "./package/Package";
import { readSheet, type SheetRead } from "./sheet/readSheet";
import type { SheetIndex } from "./sheet/sheetIndex";
import type { SharedStrings } from "./workbook/sharedStrings";
import type { StyleSheet } from "./workbook/styles";

/** A worksheet of the book and the part that holds it. */
export interface SheetPart {
  name: string;
  part: string;
  state: "visible" | "hidden" | "veryHidden";
}

/** What openXlsx found in the package: the parts the core's reading and our writing need. */
export interface BookParts {
  workbook: string;
  /** The relationship type namespace the package uses (transitional or strict). */
  relationshipBase: string;
  sheets: SheetPart[];
  styles: { part: string | null; sheet: StyleSheet | null };
  strings: { part: string | null; table: SharedStrings | null };
  date1904: boolean;
  keepStyles: boolean;
}

/**
 * An opened .xlsx/.xlsm: its package (every entry kept as it came), the parts we read, and each
 * sheet as the core reads it. `applyEdits` (applyEdits.ts) changes it; `save` returns the bytes.
 */
export class XlsxBook {
  private readonly reads = new Map<string, SheetRead>();

  constructor(
    readonly pkg: Package,
    readonly fileName: string,
    public parts: BookParts,
    reads: Map<string, SheetRead>,
  ) {
    for (const [name, read] of reads) this.reads.set(name, read);
  }

  /** Every worksheet, in workbook order, as it is now (sheets changed by edits are read again). */
  async snapshot(): Promise<WorkbookSnapshot> {
    const sheets = [];
    for (const sheet of this.parts.sheets) sheets.push((await this.sheetRead(sheet)).snapshot);
    return { sheets };
  }

  /** The cell formats (xf) of one sheet's styled cells, when opened with keepStyles. */
  async cellStyles(name: string): Promise<Map<number, number>> {
    const sheet = this.parts.sheets.find((s) => s.name === name);
    return sheet ? (await this.sheetRead(sheet)).cellStyles : new Map();
  }

  /** Where a sheet's elements are in its part as it is now (read again when it changed). */
  async sheetIndex(sheet: SheetPart): Promise<SheetIndex> {
    return (await this.sheetRead(sheet)).index;
  }

  private async sheetRead(sheet: SheetPart): Promise<SheetRead> {
    let read = this.reads.get(sheet.part);
    if (!read) {
      const { styles, strings, date1904, keepStyles } = this.parts;
      read = readSheet(await this.pkg.text(sheet.part), sheet.part, sheet.name, { strings: strings.table?.texts ?? [], styles: styles.sheet, date1904, keepStyles });
      this.reads.set(sheet.part, read);
    }
    return read;
  }

  /** Forget what was read of these parts (they changed). */
  invalidate(parts: string[]): void {
    for (const part of parts) this.reads.delete(part);
  }

  /** The workbook as .xlsx bytes: changed parts replaced, every other entry byte for byte, in order. */
  save(): Promise<Uint8Array> {
    return this.pkg.save();
  }
}
