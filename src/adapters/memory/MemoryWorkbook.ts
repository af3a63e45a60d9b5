import type { CellValue } from "../../core/cells/RawCell";
import { parseA1, type CellArea } from "../../core/cells/address";
import { enterText } from "./excelText";
import type { SheetSnapshot, WorkbookSnapshot } from "../../core/workbook/SheetSnapshot";

export interface MemoryCell {
  /** An error value (#N/A) is kept as its text with `error` set. */
  value: CellValue;
  /** "=…" when the cell holds a formula (its value is then not computed: null). */
  formula: string | null;
  /** Text entered behind a quote prefix ('=1+1): Excel keeps it as text. */
  quoted?: boolean;
  /** The value is an error (#N/A, #DIV/0!). */
  error?: boolean;
  numberFormat: string;
  fill: string | null;
  bold: boolean;
  note: string | null;
}

let nextSheetId = 1;

export class MemorySheet {
  readonly cells = new Map<string, MemoryCell>();
  merges: CellArea[] = [];
  protected = false;
  /** Like Excel's worksheet id: stable across renames. */
  readonly id = `{MEMORY-SHEET-${nextSheetId++}}`;

  constructor(public name: string) {}

  private static key(row: number, col: number): string {
    return `${row},${col}`;
  }

  get(row: number, col: number): MemoryCell | undefined {
    return this.cells.get(MemorySheet.key(row, col));
  }

  /** The cell, created empty when missing. */
  at(row: number, col: number): MemoryCell {
    const key = MemorySheet.key(row, col);
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: null, formula: null, numberFormat: "General", fill: null, bold: false, note: null };
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** The bounds of cells holding a value or formula (valuesOnly), or of any cell, or null. */
  usedArea(valuesOnly: boolean): CellArea | null {
    let area: CellArea | null = null;
    for (const [key, cell] of this.cells) {
      if (valuesOnly ? cell.value === null && cell.formula === null : cell.value === null && cell.formula === null && cell.fill === null && cell.numberFormat === "General" && cell.note === null) continue;
      const [row, col] = key.split(",").map(Number);
      area = area
        ? { top: Math.min(area.top, row), left: Math.min(area.left, col), bottom: Math.max(area.bottom, row), right: Math.max(area.right, col) }
        : { top: row, left: col, bottom: row, right: col };
    }
    for (const m of valuesOnly ? [] : this.merges) {
      area = area ? { top: Math.min(area.top, m.top), left: Math.min(area.left, m.left), bottom: Math.max(area.bottom, m.bottom), right: Math.max(area.right, m.right) } : { ...m };
    }
    return area;
  }

  mergeAt(row: number, col: number): CellArea | undefined {
    return this.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }
}

/** Who changed cells: the add-in through the API, or the user in Excel. */
export type ChangeSource = "addin" | "user";

export type ChangeListener = (sheet: MemorySheet, area: CellArea, source: ChangeSource) => void;

/** A workbook kept in memory, that the in-memory Excel API reads and writes. */
export class MemoryWorkbook {
  readonly sheets: MemorySheet[] = [];
  readonly settings = new Map<string, unknown>();
  /** A user typing in a cell: batches fail unless run with delayForCellEdit. */
  cellEditMode = false;
  /** What the user has selected (the first sheet's A1 until something is selected). */
  selection: { sheet: string; area: CellArea } | null = null;
  private readonly listeners = new Set<ChangeListener>();

  /** Be told of every change of cell data (values and formulas, not formats); returns the unsubscribe function. */
  onDataChanged(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dataChanged(sheet: MemorySheet, area: CellArea, source: ChangeSource): void {
    for (const listener of this.listeners) listener(sheet, area, source);
  }

  /**
   * The user types (or pastes) text into cells from `a1` on, as Excel reads typing: numbers,
   * formulas, dates, a quote prefix. One change (one onChanged event) for the whole block.
   */
  userEntry(sheetName: string, a1: string, rows: string[][]): void {
    const sheet = this.sheet(sheetName);
    const at = parseA1(a1);
    if (!sheet || !at) throw new Error(`no cell ${sheetName}!${a1}`);
    rows.forEach((line, r) => line.forEach((text, c) => enterText(sheet.at(at.row + r, at.col + c), text)));
    const width = Math.max(1, ...rows.map((line) => line.length));
    this.dataChanged(sheet, { top: at.row, left: at.col, bottom: at.row + rows.length - 1, right: at.col + width - 1 }, "user");
  }

  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  addSheet(name: string): MemorySheet {
    const sheet = new MemorySheet(name);
    this.sheets.push(sheet);
    return sheet;
  }

  static fromSnapshot(book: WorkbookSnapshot): MemoryWorkbook {
    const memory = new MemoryWorkbook();
    for (const s of book.sheets) {
      const sheet = memory.addSheet(s.name);
      sheet.merges = s.merges.map((m) => ({ ...m }));
      sheet.protected = Boolean(s.protected);
      s.values.forEach((line, r) => line.forEach((value, c) => {
        const formula = s.formulas?.[r]?.[c] ?? null;
        const numberFormat = s.numberFormats[r]?.[c] ?? "General";
        if (value === null && formula === null && numberFormat === "General") return;
        const cell = sheet.at(s.origin.row + r, s.origin.col + c);
        cell.value = value;
        cell.formula = formula;
        cell.numberFormat = numberFormat;
      }));
    }
    return memory;
  }

  toSnapshot(): WorkbookSnapshot {
    return { sheets: this.sheets.map((s) => sheetSnapshot(s)) };
  }
}

function sheetSnapshot(sheet: MemorySheet): SheetSnapshot {
  const area = sheet.usedArea(false);
  if (!area) return { name: sheet.name, origin: { row: 0, col: 0 }, values: [], numberFormats: [], formulas: [], merges: [...sheet.merges], protected: sheet.protected };
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  const formulas: (string | null)[][] = [];
  for (let r = area.top; r <= area.bottom; r++) {
    const v: CellValue[] = [];
    const f: string[] = [];
    const fo: (string | null)[] = [];
    for (let c = area.left; c <= area.right; c++) {
      const cell = sheet.get(r, c);
      v.push(cell?.value ?? null);
      f.push(cell?.numberFormat ?? "General");
      fo.push(cell?.formula ?? null);
    }
    values.push(v);
    numberFormats.push(f);
    formulas.push(fo);
  }
  return { name: sheet.name, origin: { row: area.top, col: area.left }, values, numberFormats, formulas, merges: [...sheet.merges], protected: sheet.protected };
}
