import type { CellArea } from "../../../core/cells/address";
import { toA1 } from "../../../core/cells/address";
import type { CellEdit } from "../CellEdit";
import { writeProblem, type WriteProblem } from "../refusals";
import type { SharedStringsWriter } from "../workbook/sharedStrings";
import { fillOf, type StyleSheet } from "../workbook/styles";
import type { StyleWriter } from "../workbook/StyleWriter";
import { prefixOf } from "../xml/scanXml";
import { applySplices, type Splice } from "../xml/splice";
import { startTag, startTagWith } from "../xml/xmlText";
import { cellXml, type CellContent } from "./cellXml";
import { parseArea } from "./cellRef";
import { columnWidths } from "./columnWidths";
import { closeStart, nextCellStart, nextRowStart, type CellSpot, type RowSpot, type SheetLayout } from "./scanLayout";

export interface PatchContext {
  sheet: string;
  styles: StyleSheet;
  styleWriter: StyleWriter;
  strings: SharedStringsWriter | null;
}

export interface NoteChange {
  row: number;
  col: number;
  text: string | null;
}

export interface Patched {
  ok: true;
  xml: string;
  notes: NoteChange[];
  /** A formula was replaced by a value: the calculation chain must go. */
  removedFormula: boolean;
}

const inside = (a: CellArea, row: number, col: number) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right;

/** The area of `areas` holding the cell, or undefined (loops: this runs for every edit). */
function areaAt(areas: CellArea[], row: number, col: number): CellArea | undefined {
  for (const a of areas) if (inside(a, row, col)) return a;
  return undefined;
}

/** The merged area the cell is part of without being its top-left cell. */
function mergeSlaveOf(merges: CellArea[], row: number, col: number): CellArea | undefined {
  for (const m of merges) if (inside(m, row, col) && !(m.top === row && m.left === col)) return m;
  return undefined;
}

interface CellState {
  /** row * 16384 + col. */
  key: number;
  row: number;
  col: number;
  spot: CellSpot | null;
  xf: number;
  /** The format it had (or would start with): a cell whose format and content stay is not written. */
  xfBefore: number;
  /** Its new content, or null: its old one (read from the part only when the cell is written). */
  content: CellContent | null;
}

function truthy(value: string | undefined): boolean {
  return value === "1" || value === "true";
}

/**
 * Order a row's written cells by column, in place. Insertion sort: a row holds a few cells, often
 * in order or nearly (a plan writes rate, grade, then the actual's fill to the left), and
 * Array.prototype.sort allocates its working state on every call, ten thousand rows a plan.
 */
function sortByColumn(cells: CellState[]): void {
  for (let i = 1; i < cells.length; i++) {
    const cell = cells[i];
    let j = i - 1;
    while (j >= 0 && cells[j].col > cell.col) {
      cells[j + 1] = cells[j];
      j--;
    }
    cells[j + 1] = cell;
  }
}

/** The format a new cell starts with: its row's (when the row has one) or its column's. */
function baseXf(layout: SheetLayout, row: RowSpot | undefined, col: number): number {
  if (row && truthy(row.tag.attributes.customFormat)) return Number(row.tag.attributes.s) || 0;
  for (const c of layout.cols?.items ?? []) if (col >= c.min && col <= c.max) return Number(c.tag.attributes.style) || 0;
  return 0;
}

/**
 * Change the `<c>` elements the edits name, inserting rows and cells in order; every other
 * character of the part stays as it was, except `<dimension>`, the `<cols>` entries of new header
 * columns and a `<legacyDrawing>` when notes get their first VML part (`legacyDrawingId`).
 */
export function patchSheet(xml: string, layout: SheetLayout, edits: CellEdit[], ctx: PatchContext, legacyDrawingId?: string): Patched | WriteProblem {
  const rowsByNumber = layout.rows;
  /** By row * 16384 + col. */
  const states = new Map<number, CellState>();
  const notes: NoteChange[] = [];
  let removedFormula = false;
  const widths: { col: number; from: number }[] = [];

  const stateOf = (row: number, col: number): CellState => {
    const key = row * 16384 + col;
    let state = states.get(key);
    if (!state) {
      const r = rowsByNumber.get(row);
      const spot = r?.cells.get(col) ?? null;
      const xf = spot ? spot.s : baseXf(layout, r, col);
      state = { key, row, col, spot, xf, xfBefore: xf, content: null };
      states.set(key, state);
    }
    return state;
  };

  for (const edit of edits) {
    const merge = mergeSlaveOf(layout.merges, edit.row, edit.col);
    if (merge) return writeProblem("merged-cell", ctx.sheet, edit, toA1(merge.top, merge.left));
    const state = stateOf(edit.row, edit.col);
    if (edit.value !== undefined || edit.formula !== undefined) {
      const f = state.spot?.formula;
      if (f?.sharedMaster) return writeProblem("shared-formula", ctx.sheet, edit);
      if (areaAt(layout.arrayAreas, edit.row, edit.col)) return writeProblem("array-formula", ctx.sheet, edit);
      if (f && state.content === null) removedFormula = true;
      state.content = edit.formula !== undefined ? { kind: "formula", text: edit.formula } : { kind: "value", value: edit.value === "" ? null : edit.value! };
    }
    const source = edit.copyFormatFrom ? stateOf(edit.copyFormatFrom.row, edit.copyFormatFrom.col) : null;
    const fillApplies = edit.fill !== undefined && (edit.fillOnlyIf === undefined || fillOf(ctx.styles, state.xf) === edit.fillOnlyIf.toUpperCase());
    const fill = fillApplies ? edit.fill : undefined;
    if (source || edit.numberFormat !== undefined || fill !== undefined || edit.bold !== undefined) {
      state.xf = ctx.styleWriter.derive(state.xf, { lookFrom: source?.xf, numberFormat: edit.numberFormat, fill, bold: edit.bold });
    }
    if (source && edit.copyFormatFrom) widths.push({ col: edit.col, from: edit.copyFormatFrom.col });
    if (edit.note !== undefined) notes.push({ row: edit.row, col: edit.col, text: edit.note });
  }

  const splices: Splice[] = [];
  const edited = new Set<number>();
  for (const e of edits) edited.add(e.row * 16384 + e.col);
  const written: CellState[] = [];
  // An edit that changes nothing (a fill only if the cell has ours, and it has not) leaves the cell's text as it is.
  for (const state of states.values()) if (edited.has(state.key) && (state.content !== null || state.xf !== state.xfBefore)) written.push(state);
  const byRow = new Map<number, CellState[]>();
  for (const s of written) {
    const list = byRow.get(s.row);
    if (list) list.push(s);
    else byRow.set(s.row, [s]);
  }
  const sheetData = layout.sheetData;
  if (!sheetData) throw new Error(`${ctx.sheet}: no sheetData`);
  const prefix = prefixOf(sheetData.tag.name);
  const cellName = `${prefix}c`;
  const oldContent = (spot: CellSpot | null): CellContent => ({ kind: "keep", inner: spot && !spot.tag.selfClosing ? xml.slice(spot.tag.openEnd, closeStart(spot)) : "" });
  const render = (s: CellState) => cellXml(s.spot?.tag.name ?? cellName, prefix, s.row, s.col, s.xf, s.content ?? oldContent(s.spot), s.spot?.tag.attributes ?? {}, ctx.strings);
  const newRows: string[] = [];
  const sortedRows = [...byRow.keys()].sort((a, b) => a - b);
  for (const rowNumber of sortedRows) {
    const cells = byRow.get(rowNumber)!;
    sortByColumn(cells);
    const row = rowsByNumber.get(rowNumber);
    if (!row) {
      const text = `<${prefix}row r="${rowNumber + 1}">${cells.map(render).join("")}</${prefix}row>`;
      const next = nextRowStart(layout, rowNumber);
      if (next !== null) splices.push({ start: next, end: next, text });
      else newRows.push(text);
      continue;
    }
    const added: CellState[] = [];
    for (const c of cells) {
      if (c.spot) splices.push({ start: c.spot.tag.start, end: c.spot.end, text: render(c) });
      else added.push(c);
    }
    if (added.length === 0) continue;
    // The row's start tag is written again only when its spans widen or it closed itself.
    const attributes = row.tag.attributes;
    let spans: string | undefined;
    if (attributes.spans) {
      // "from:to" read in place (what split(":") gives, without its array, for each row written).
      const text = attributes.spans;
      const colon = text.indexOf(":");
      const second = colon < 0 ? -1 : text.indexOf(":", colon + 1);
      const from = Number(colon < 0 ? text : text.slice(0, colon));
      const to = colon < 0 ? NaN : Number(second < 0 ? text.slice(colon + 1) : text.slice(colon + 1, second));
      let min = from;
      let max = to;
      for (const c of added) {
        min = Math.min(min, c.col + 1);
        max = Math.max(max, c.col + 1);
      }
      if (min !== from || max !== to) spans = `${min}:${max}`;
    }
    if (row.tag.selfClosing) {
      splices.push({ start: row.tag.start, end: row.end, text: `${startTagWith(row.tag.name, attributes, "spans", spans)}${added.map(render).join("")}</${row.tag.name}>` });
      continue;
    }
    if (spans !== undefined) splices.push({ start: row.tag.start, end: row.tag.openEnd, text: startTagWith(row.tag.name, attributes, "spans", spans) });
    for (const c of added) {
      const at = nextCellStart(layout, row, c.col) ?? closeStart(row);
      splices.push({ start: at, end: at, text: render(c) });
    }
  }
  if (newRows.length > 0) {
    if (sheetData.tag.selfClosing) splices.push({ start: sheetData.tag.start, end: sheetData.end, text: `${startTag(sheetData.tag.name, sheetData.tag.attributes)}${newRows.join("")}</${sheetData.tag.name}>` });
    else splices.push({ start: closeStart(sheetData), end: closeStart(sheetData), text: newRows.join("") });
  }
  if (layout.dimension && written.length > 0) {
    const area = parseArea(layout.dimension.tag.attributes.ref ?? "");
    if (area) {
      const next = { ...area };
      for (const s of written) {
        next.top = Math.min(next.top, s.row);
        next.bottom = Math.max(next.bottom, s.row);
        next.left = Math.min(next.left, s.col);
        next.right = Math.max(next.right, s.col);
      }
      if (next.top !== area.top || next.bottom !== area.bottom || next.left !== area.left || next.right !== area.right) {
        const ref = next.top === next.bottom && next.left === next.right ? toA1(next.top, next.left) : `${toA1(next.top, next.left)}:${toA1(next.bottom, next.right)}`;
        splices.push({ start: layout.dimension.tag.start, end: layout.dimension.tag.openEnd, text: startTag(layout.dimension.tag.name, { ...layout.dimension.tag.attributes, ref }, layout.dimension.tag.selfClosing) });
      }
    }
  }
  splices.push(...columnWidths(layout, widths, prefix));
  if (legacyDrawingId && !layout.legacyDrawing) {
    const relPrefix = Object.keys(layout.root.attributes).find((k) => k.startsWith("xmlns:") && layout.root.attributes[k].endsWith("/relationships"));
    const attributes: [string, string][] = relPrefix
      ? [[`${relPrefix.slice("xmlns:".length)}:id`, legacyDrawingId]]
      : [["xmlns:r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"], ["r:id", legacyDrawingId]];
    splices.push({ start: layout.legacyDrawingAt, end: layout.legacyDrawingAt, text: startTag(`${prefixOf(layout.root.name)}legacyDrawing`, attributes, true) });
  }
  return { ok: true, xml: applySplices(xml, splices), notes, removedFormula };
}
