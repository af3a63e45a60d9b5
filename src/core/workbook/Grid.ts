import type { CellValue, RawCell } from "../cells/RawCell";
import type { CellArea } from "../cells/address";
import type { SheetSnapshot } from "./SheetSnapshot";
import * as normalize from "../text/normalize";

// Run under tsx (bin/kpi-sheets.js), every use of an imported name is a getter call; the names used
// for every cell read are taken once here.
const { normalizeText } = normalize;

const WHITESPACE = /[\s\u3000]+/g;

/** Normalised text of a cell for reading labels and names: NFKC, whitespace folded, trimmed. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return normalizeText(value);
}

/** Text as the user wrote it, for names shown back to them: whitespace folded, trimmed, no NFKC. */
export function displayText(value: CellValue): string {
  if (typeof value !== "string") return cellText(value);
  return value.replace(WHITESPACE, " ").trim();
}

/** Text with every space removed: how labels and headers are compared (`事 業 名` = `事業名`). */
export function labelKey(value: CellValue): string {
  const text = cellText(value);
  return text.includes(" ") ? text.replace(/ /g, "") : text;
}

/**
 * Merge-aware access to one sheet snapshot by absolute 0-based position.
 * A cell covered by a merged area but not its top-left reads as empty: its content is the master's.
 */
export class Grid {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  /** Exclusive bounds. */
  readonly bottom: number;
  readonly right: number;
  private readonly mergeByCell = new Map<number, CellArea>();

  constructor(readonly sheet: SheetSnapshot) {
    this.name = sheet.name;
    this.top = sheet.origin.row;
    this.left = sheet.origin.col;
    this.bottom = this.top + sheet.values.length;
    let width = 0;
    for (const line of sheet.values) if (line.length > width) width = line.length;
    this.right = this.left + width;
    for (const area of sheet.merges) {
      for (let r = area.top; r <= area.bottom; r++) {
        for (let c = area.left; c <= area.right; c++) this.mergeByCell.set(this.posKey(r, c), area);
      }
    }
  }

  private posKey(row: number, col: number): number {
    return row * 16384 + col;
  }

  value(row: number, col: number): CellValue {
    const line = this.sheet.values[row - this.top];
    if (!line) return null;
    const v = line[col - this.left];
    return v === undefined || v === "" ? null : v;
  }

  numberFormat(row: number, col: number): string {
    return this.sheet.numberFormats[row - this.top]?.[col - this.left] ?? "General";
  }

  formula(row: number, col: number): string | null {
    return this.sheet.formulas?.[row - this.top]?.[col - this.left] ?? null;
  }

  raw(row: number, col: number): RawCell {
    const value = this.value(row, col);
    if (value === null) return { value: null };
    return { value, numberFormat: this.numberFormat(row, col) };
  }

  text(row: number, col: number): string {
    return cellText(this.value(row, col));
  }

  display(row: number, col: number): string {
    return displayText(this.value(row, col));
  }

  /** Label keys of the rows read so far (several layouts read the same cells). */
  private readonly keys: (string[] | undefined)[] = [];

  key(row: number, col: number): string {
    const r = row - this.top;
    const c = col - this.left;
    if (r < 0 || c < 0 || r >= this.sheet.values.length) return "";
    let line = this.keys[r];
    if (!line) this.keys[r] = line = new Array<string>(this.sheet.values[r].length);
    let key = line[c];
    if (key === undefined) line[c] = key = labelKey(this.value(row, col));
    return key;
  }

  mergeAt(row: number, col: number): CellArea | undefined {
    return this.mergeByCell.get(this.posKey(row, col));
  }

  /** Part of a merged area without being its top-left cell. */
  isMergeSlave(row: number, col: number): boolean {
    const area = this.mergeAt(row, col);
    return area !== undefined && (area.top !== row || area.left !== col);
  }

  isEmpty(row: number, col: number): boolean {
    return this.value(row, col) === null;
  }

  /** A cell nothing occupies: no value, no formula, not inside a merged area. */
  isFree(row: number, col: number): boolean {
    return this.value(row, col) === null && this.formula(row, col) === null && this.mergeAt(row, col) === undefined;
  }

  /** The column after the merged area starting at (row, col), or col + 1. */
  nextColumn(row: number, col: number): number {
    const area = this.mergeAt(row, col);
    return area && area.top === row && area.left === col ? area.right + 1 : col + 1;
  }

  /** First non-empty cell to the right of (row, col), within `span` columns, as the user wrote it. */
  valueRightOf(row: number, col: number, span = 8): { col: number; text: string } | null {
    for (let c = this.nextColumn(row, col); c < Math.min(this.right, col + 1 + span); c++) {
      const text = this.display(row, c);
      if (text !== "") return { col: c, text };
    }
    return null;
  }
}

/**
 * Each sheet's Grid, made when first asked for: the steps of one operation (evaluating, then
 * planning the writes) share them. Not kept across operations: a live update changes snapshots.
 */
export function gridsOf(snapshots: ReadonlyMap<string, SheetSnapshot>): (sheet: string) => Grid {
  const grids = new Map<string, Grid>();
  return (sheet) => {
    let grid = grids.get(sheet);
    if (!grid) grids.set(sheet, (grid = new Grid(snapshots.get(sheet)!)));
    return grid;
  };
}
