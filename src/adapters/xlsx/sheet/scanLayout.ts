import type { CellArea } from "../../../core/cells/address";
import { scanXml, type XmlTag } from "../xml/scanXml";
import { parseArea, parseRef } from "./cellRef";

/** An element and the offset just after it. */
export interface Spot {
  tag: XmlTag;
  end: number;
}

export interface CellSpot extends Spot {
  col: number;
  s: number;
  /** The `<f>` element's attributes and whether it holds text (the first cell of a shared formula does). */
  formula: { attributes: Record<string, string>; hasText: boolean } | null;
}

export interface RowSpot extends Spot {
  row: number;
  /** Filled for the rows asked for only. */
  cells: CellSpot[];
}

export interface ColSpot extends Spot {
  min: number;
  max: number;
}

/** Where things are in a worksheet part, for patching it without rewriting what we do not change. */
export interface SheetLayout {
  root: XmlTag;
  /** Offset of the root's closing tag. */
  rootClose: number;
  sheetData: Spot | null;
  rows: RowSpot[];
  dimension: Spot | null;
  cols: (Spot & { items: ColSpot[] }) | null;
  merges: CellArea[];
  arrayAreas: CellArea[];
  /** The r:id of `<legacyDrawing>` (the VML part holding notes' boxes), when there is one. */
  legacyDrawing: string | null;
  /** Where a new `<legacyDrawing>` goes: before the first element the schema puts after it. */
  legacyDrawingAt: number;
}

/** Elements that follow `<legacyDrawing>` in a worksheet (ECMA-376 CT_Worksheet). */
const AFTER_LEGACY_DRAWING = new Set(["legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"]);

export function closeStart(spot: Spot): number {
  return spot.tag.selfClosing ? spot.end : spot.end - `</${spot.tag.name}>`.length;
}

export function scanLayout(xml: string, part: string, rowsOfInterest: Set<number>): SheetLayout {
  let root: XmlTag | null = null;
  let rootClose = xml.length;
  let sheetData: Spot | null = null;
  let dimension: Spot | null = null;
  let cols: (Spot & { items: ColSpot[] }) | null = null;
  const colItems: ColSpot[] = [];
  const rows: RowSpot[] = [];
  const merges: CellArea[] = [];
  const arrayAreas: CellArea[] = [];
  let legacyDrawing: string | null = null;
  let legacyDrawingAt = -1;
  let row = -1;
  let col = -1;
  let current: RowSpot | null = null;
  let cell: { tag: XmlTag; col: number; formula: CellSpot["formula"] } | null = null;
  let inSheetData = false;

  scanXml(xml, part, {
    open(tag) {
      if (tag.depth === 0) root = tag;
      if (tag.depth === 1 && legacyDrawingAt < 0 && AFTER_LEGACY_DRAWING.has(tag.local)) legacyDrawingAt = tag.start;
      switch (tag.local) {
        case "sheetData":
          inSheetData = tag.depth === 1;
          return;
        case "row": {
          if (!inSheetData) return;
          const r = Number(tag.attributes.r);
          row = r >= 1 ? r - 1 : row + 1;
          col = -1;
          current = { tag, end: tag.openEnd, row, cells: [] };
          return;
        }
        case "c": {
          if (!inSheetData) return;
          const ref = tag.attributes.r ? parseRef(tag.attributes.r) : null;
          col = ref ? ref.col : col + 1;
          cell = { tag, col, formula: null };
          return;
        }
        case "f":
          if (cell) {
            cell.formula = { attributes: tag.attributes, hasText: !tag.selfClosing };
            if (tag.attributes.t === "array") {
              const area = parseArea(tag.attributes.ref ?? "");
              if (area) arrayAreas.push(area);
            }
          }
          return;
        case "dimension":
          if (tag.depth === 1) dimension = { tag, end: tag.openEnd };
          return;
        case "mergeCell": {
          const area = parseArea(tag.attributes.ref ?? "");
          if (area) merges.push(area);
          return;
        }
        case "legacyDrawing": {
          const key = Object.keys(tag.attributes).find((k) => k.endsWith(":id"));
          if (tag.depth === 1 && key) legacyDrawing = tag.attributes[key];
          return;
        }
      }
    },
    close(tag, end) {
      if (tag.depth === 0) rootClose = end - `</${tag.name}>`.length;
      switch (tag.local) {
        case "sheetData":
          if (tag.depth === 1) sheetData = { tag, end };
          inSheetData = false;
          return;
        case "row":
          if (current) {
            current.end = end;
            rows.push(current);
            current = null;
          }
          return;
        case "c":
          if (cell && current && rowsOfInterest.has(current.row)) {
            current.cells.push({ tag: cell.tag, end, col: cell.col, s: Number(cell.tag.attributes.s) || 0, formula: cell.formula });
          }
          cell = null;
          return;
        case "dimension":
          if (tag.depth === 1) dimension = { tag, end };
          return;
        case "col":
          colItems.push({ tag, end, min: Number(tag.attributes.min) - 1, max: Number(tag.attributes.max) - 1 });
          return;
        case "cols":
          if (tag.depth === 1) cols = { tag, end, items: colItems.splice(0) };
          return;
      }
    },
  });
  if (!root) throw new Error(`${part}: no root element`);
  return { root, rootClose, sheetData, rows, dimension, cols, merges, arrayAreas, legacyDrawing, legacyDrawingAt: legacyDrawingAt < 0 ? rootClose : legacyDrawingAt };
}
