import type { CellValue } from "../../src/core/cells/RawCell";
import type { CellArea } from "../../src/core/cells/address";
import type { SheetSnapshot } from "../../src/core/workbook/SheetSnapshot";

export type CellStyle = "title" | "label" | "header" | "value" | "note";

/** Where a layout writes a sheet: an ExcelJS worksheet, or a snapshot for tests that need no file. */
export interface SheetBuilder {
  /** 0-based row and column. */
  set(row: number, col: number, value: CellValue, style?: CellStyle, numberFormat?: string): void;
  /** A formula ("=D5/C5") with the value Excel last computed for it. */
  setFormula(row: number, col: number, formula: string, cached: CellValue, numberFormat?: string): void;
  merge(area: CellArea): void;
  width(col: number, characters: number): void;
}

/** Builds a SheetSnapshot directly, as a host would read it. */
export class SnapshotSheetBuilder implements SheetBuilder {
  private readonly cells = new Map<string, { value: CellValue; numberFormat: string; formula?: string }>();
  private readonly merges: CellArea[] = [];
  private maxRow = -1;
  private maxCol = -1;

  constructor(readonly name: string) {}

  set(row: number, col: number, value: CellValue, _style?: CellStyle, numberFormat = "General"): void {
    this.cells.set(`${row},${col}`, { value, numberFormat });
    this.maxRow = Math.max(this.maxRow, row);
    this.maxCol = Math.max(this.maxCol, col);
  }

  setFormula(row: number, col: number, formula: string, cached: CellValue, numberFormat = "General"): void {
    this.cells.set(`${row},${col}`, { value: cached, numberFormat, formula });
    this.maxRow = Math.max(this.maxRow, row);
    this.maxCol = Math.max(this.maxCol, col);
  }

  merge(area: CellArea): void {
    this.merges.push(area);
    this.maxRow = Math.max(this.maxRow, area.bottom);
    this.maxCol = Math.max(this.maxCol, area.right);
  }

  width(): void {}

  build(): SheetSnapshot {
    const values: CellValue[][] = [];
    const numberFormats: string[][] = [];
    const formulas: (string | null)[][] = [];
    for (let r = 0; r <= this.maxRow; r++) {
      const line: CellValue[] = [];
      const formats: string[] = [];
      const lineFormulas: (string | null)[] = [];
      for (let c = 0; c <= this.maxCol; c++) {
        const cell = this.cells.get(`${r},${c}`);
        line.push(cell?.value ?? null);
        formats.push(cell?.numberFormat ?? "General");
        lineFormulas.push(cell?.formula ?? null);
      }
      values.push(line);
      numberFormats.push(formats);
      formulas.push(lineFormulas);
    }
    return { name: this.name, origin: { row: 0, col: 0 }, values, numberFormats, formulas, merges: [...this.merges] };
  }
}
