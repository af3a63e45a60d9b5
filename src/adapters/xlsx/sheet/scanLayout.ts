import { scanStartTags, type StartTagSpan } from "../xml/scanStartTags";
import { CELL_HAS_FORMULA, CELL_SHARED_MASTER, indexSheet, type SheetIndex, type Spot } from "./sheetIndex";

export type { ColSpot, Spot } from "./sheetIndex";

export interface CellSpot extends Spot {
  col: number;
  s: number;
  formula: { /** The first cell of a shared formula over an area (other cells depend on its text). */ sharedMaster: boolean } | null;
}

export interface RowSpot extends Spot {
  row: number;
  /** Its place in the index. */
  at: number;
  /** The cells asked for that the row has (the first one when a column repeats). */
  cells: Map<number, CellSpot>;
}

/** Where things are in a worksheet part, for patching it without rewriting what we do not change. */
export interface SheetLayout extends SheetIndex {
  /** The rows asked for that the part has (the last one when a number repeats). */
  rows: Map<number, RowSpot>;
}

export function closeStart(spot: Spot): number {
  return spot.tag.selfClosing ? spot.end : spot.end - `</${spot.tag.name}>`.length;
}

/** Offset of the first row (in document order) numbered after `row`, or null: where a new row goes. */
export function nextRowStart(layout: SheetLayout, row: number): number | null {
  const { number, start, count } = layout.rowTable;
  for (let i = 0; i < count; i++) if (number[i] > row) return start[i];
  return null;
}

/** The cells of a row in the index: [first, end). */
function cellRange(index: SheetIndex, at: number): [number, number] {
  return [index.rowTable.firstCell[at], at + 1 < index.rowTable.count ? index.rowTable.firstCell[at + 1] : index.cellTable.count];
}

/** Offset of the first cell of a row (in document order) in a column after `col`, or null. */
export function nextCellStart(layout: SheetLayout, row: RowSpot, col: number): number | null {
  const [first, end] = cellRange(layout, row.at);
  for (let j = first; j < end; j++) if ((layout.cellTable.colFlags[j] & 0xffff) > col) return layout.cellTable.start[j];
  return null;
}

/**
 * The layout of a worksheet part for writing these cells: from the index recorded when it was read
 * (or a scan of the part when there is none), with the start tags of their rows and of the cells
 * that exist read again (one parser run over just those tags).
 */
export function scanLayout(xml: string, part: string, wanted: Map<number, Set<number>>, index: SheetIndex = indexSheet(xml, part)): SheetLayout {
  const { rowTable: rows, cellTable: cells } = index;
  const lastRow = new Map<number, number>();
  for (let i = 0; i < rows.count; i++) if (wanted.has(rows.number[i])) lastRow.set(rows.number[i], i);
  const spans: StartTagSpan[] = [];
  const found: { row: number; at: number; cells: [number, number][] }[] = [];
  for (const [row, at] of lastRow) {
    spans.push({ start: rows.start[at], openEnd: rows.openEnd[at], selfClosing: rows.openEnd[at] === rows.end[at] });
    const cols = wanted.get(row)!;
    const [first, end] = cellRange(index, at);
    const taken = new Map<number, number>();
    for (let j = first; j < end; j++) {
      const col = cells.colFlags[j] & 0xffff;
      if (cols.has(col) && !taken.has(col)) taken.set(col, j);
    }
    for (const j of taken.values()) spans.push({ start: cells.start[j], openEnd: cells.openEnd[j], selfClosing: cells.openEnd[j] === cells.end[j] });
    found.push({ row, at, cells: [...taken] });
  }
  const tags = scanStartTags(xml, part, spans);
  const spots = new Map<number, RowSpot>();
  let t = 0;
  for (const { row, at, cells: taken } of found) {
    const spot: RowSpot = { tag: tags[t++], end: rows.end[at], row, at, cells: new Map() };
    for (const [col, j] of taken) {
      const tag = tags[t++];
      const flags = cells.colFlags[j];
      spot.cells.set(col, { tag, end: cells.end[j], col, s: Number(tag.attributes.s) || 0, formula: flags & CELL_HAS_FORMULA ? { sharedMaster: (flags & CELL_SHARED_MASTER) !== 0 } : null });
    }
    spots.set(row, spot);
  }
  return { ...index, rows: spots };
}
