import { toA1 } from "../../../core/cells/address";
import { prefixOf, type XmlTag } from "../xml/scanXml";
import { scanStartTags, type StartTagSpan } from "../xml/scanStartTags";
import { CELL_HAS_FORMULA, CELL_SHARED_MASTER, CELL_TYPE_SHIFT, CELL_TYPES, XF_ABSENT, XF_UNUSUAL } from "./cellCodes";
import { indexSheet, type SheetIndex, type Spot } from "./sheetIndex";

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

/** Whether a character ends a tag's name: white space, "/" or ">". */
function endsName(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10 || c === 47 || c === 62;
}

/** The offset after `piece` when the text holds it at `at`, else -1 (and -1 stays -1). */
function after(xml: string, at: number, piece: string): number {
  return at >= 0 && xml.startsWith(piece, at) ? at + piece.length : -1;
}

/**
 * A cell's start tag when it is plain — `<c r="H10" s="5" t="s">`, exactly as its index says — known
 * without reading it again: the part's text is compared with that tag. Else null (it is read).
 */
function plainCellTag(xml: string, index: SheetIndex, j: number, row: number, col: number, name: string): XmlTag | null {
  const { colFlags, xf: xfs, start: starts, openEnd: openEnds, end: ends } = index.cellTable;
  const type = (colFlags[j] >> CELL_TYPE_SHIFT) & 0xf;
  const xf = xfs[j];
  if (type === CELL_TYPES.length || xf === XF_UNUSUAL) return null;
  const r = toA1(row, col);
  const sText = xf === XF_ABSENT ? null : String(xf);
  const t = type === 0 ? null : CELL_TYPES[type];
  const selfClosing = openEnds[j] === ends[j];
  // Compared piece by piece with the part's text (r, s and t need no escaping), without building the tag.
  const start = starts[j];
  const length = name.length + r.length + 6 + (sText === null ? 0 : sText.length + 5) + (t === null ? 0 : t.length + 5) + (selfClosing ? 2 : 1);
  if (openEnds[j] - start !== length) return null;
  let at = xml.charCodeAt(start) === 60 ? after(xml, start + 1, name) : -1;
  at = after(xml, after(xml, after(xml, at, ' r="'), r), '"');
  if (sText !== null) at = after(xml, after(xml, after(xml, at, ' s="'), sText), '"');
  if (t !== null) at = after(xml, after(xml, after(xml, at, ' t="'), t), '"');
  if (after(xml, at, selfClosing ? "/>" : ">") < 0) return null;
  const attributes: Record<string, string> = { r };
  if (sText !== null) attributes.s = sText;
  if (t !== null) attributes.t = t;
  return { name, local: "c", attributes, start, openEnd: openEnds[j], selfClosing, depth: -1 };
}

/**
 * The layout of a worksheet part for writing these cells: from the index recorded when it was read
 * (or a scan of the part when there is none); the start tags of cells that exist and are not plain
 * are read again (one parser run over just those tags).
 */
export function scanLayout(xml: string, part: string, wanted: Map<number, Set<number>>, index: SheetIndex = indexSheet(xml, part)): SheetLayout {
  const { rowTable: rows, cellTable: cells } = index;
  const prefix = index.sheetData ? prefixOf(index.sheetData.tag.name) : "";
  const cellName = `${prefix}c`;
  const rowName = `${prefix}row`;
  const lastRow = new Map<number, number>();
  for (let i = 0; i < rows.count; i++) if (wanted.has(rows.number[i])) lastRow.set(rows.number[i], i);
  const spans: StartTagSpan[] = [];
  /** Each row asked for and its cells: their place in the index, and their start tag when plain (else it is read). */
  const found: { row: number; at: number; tag: XmlTag | null; cells: { col: number; j: number; tag: XmlTag | null }[] }[] = [];
  for (const [row, at] of lastRow) {
    const start = rows.start[at];
    const openEnd = rows.openEnd[at];
    const selfClosing = openEnd === rows.end[at];
    // The row's attributes were kept when it was read; its name is the sheet's unless the text says otherwise.
    const named = xml.startsWith(rowName, start + 1) && endsName(xml.charCodeAt(start + 1 + rowName.length));
    const rowTag: XmlTag | null = named ? { name: rowName, local: "row", attributes: rows.attributes[at], start, openEnd, selfClosing, depth: -1 } : null;
    if (!rowTag) spans.push({ start, openEnd, selfClosing });
    const cols = wanted.get(row)!;
    const [first, end] = cellRange(index, at);
    const taken: { col: number; j: number; tag: XmlTag | null }[] = [];
    for (let j = first; j < end; j++) {
      const col = cells.colFlags[j] & 0xffff;
      if (!cols.has(col) || taken.some((c) => c.col === col)) continue;
      const tag = plainCellTag(xml, index, j, row, col, cellName);
      if (!tag) spans.push({ start: cells.start[j], openEnd: cells.openEnd[j], selfClosing: cells.openEnd[j] === cells.end[j] });
      taken.push({ col, j, tag });
    }
    found.push({ row, at, tag: rowTag, cells: taken });
  }
  const tags = scanStartTags(xml, part, spans);
  const spots = new Map<number, RowSpot>();
  let t = 0;
  for (const { row, at, tag: rowTag, cells: taken } of found) {
    const spot: RowSpot = { tag: rowTag ?? tags[t++], end: rows.end[at], row, at, cells: new Map() };
    for (const { col, j, tag: plain } of taken) {
      const tag = plain ?? tags[t++];
      const flags = cells.colFlags[j];
      spot.cells.set(col, { tag, end: cells.end[j], col, s: Number(tag.attributes.s) || 0, formula: flags & CELL_HAS_FORMULA ? { sharedMaster: (flags & CELL_SHARED_MASTER) !== 0 } : null });
    }
    spots.set(row, spot);
  }
  return { ...index, rows: spots };
}
