import type { CellArea } from "../../../core/cells/address";
import { scanXml, type XmlTag } from "../xml/scanXml";
import * as cellCodes from "./cellCodes";
import * as cellRef from "./cellRef";
import { IntList } from "./IntList";

// Run under tsx (bin/kpi-sheets.js), every use of an imported name is a getter call; the names used
// for every cell are taken once here.
const { parseArea, refKey } = cellRef;
const { CELL_HAS_FORMULA, CELL_SHARED_MASTER, CELL_TYPE_SHIFT, typeCode, XF_ABSENT, xfCode } = cellCodes;

/** An element and the offset just after it. */
export interface Spot {
  tag: XmlTag;
  end: number;
}

export interface ColSpot extends Spot {
  min: number;
  max: number;
}

/**
 * Where things are in a worksheet part, recorded while it is read (readSheet) so that patching it
 * later needs no second pass over the part: the elements around `<sheetData>`, and where each row
 * and cell starts and ends, in typed arrays (a few numbers a cell, no objects). The attributes of
 * the rows and cells a write touches are read again from their start tags only (scanLayout).
 */
export interface SheetIndex {
  root: XmlTag;
  /** Offset of the root's closing tag. */
  rootClose: number;
  sheetData: Spot | null;
  dimension: Spot | null;
  cols: (Spot & { items: ColSpot[] }) | null;
  merges: CellArea[];
  arrayAreas: CellArea[];
  /** The r:id of `<legacyDrawing>` (the VML part holding notes' boxes), when there is one. */
  legacyDrawing: string | null;
  /** Where a new `<legacyDrawing>` goes: before the first element the schema puts after it. */
  legacyDrawingAt: number;
  /** Rows in document order: 0-based number, offsets of `<row`, after its start tag and after the row; its first cell. */
  rowTable: {
    number: Int32Array;
    start: Int32Array;
    openEnd: Int32Array;
    end: Int32Array;
    firstCell: Int32Array;
    /** Each row's attributes as read (a write widens `spans` and may rewrite the start tag). */
    attributes: Record<string, string>[];
    count: number;
  };
  /**
   * Cells in document order: offsets as for rows; column with the CELL_* flags and type code; `s`
   * (XF_ABSENT, XF_UNUSUAL): with them a plain start tag is known without reading it again.
   */
  cellTable: { start: Int32Array; openEnd: Int32Array; end: Int32Array; colFlags: Int32Array; xf: Int32Array; count: number };
}

/** Elements that follow `<legacyDrawing>` in a worksheet (ECMA-376 CT_Worksheet). */
const AFTER_LEGACY_DRAWING = new Set(["legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"]);

/** Builds a SheetIndex from the events of one scan of the part (readSheet feeds it its own). */
export class SheetIndexer {
  private root: XmlTag | null = null;
  private rootClose = -1;
  private sheetData: Spot | null = null;
  private dimension: Spot | null = null;
  private cols: (Spot & { items: ColSpot[] }) | null = null;
  private readonly colItems: ColSpot[] = [];
  private readonly merges: CellArea[] = [];
  private readonly arrayAreas: CellArea[] = [];
  private legacyDrawing: string | null = null;
  private legacyDrawingAt = -1;
  private readonly rows = { number: new IntList(), start: new IntList(), openEnd: new IntList(), end: new IntList(), firstCell: new IntList(), attributes: [] as Record<string, string>[] };
  private readonly cells = { start: new IntList(), openEnd: new IntList(), end: new IntList(), colFlags: new IntList(), xf: new IntList() };
  private row = -1;
  private col = -1;
  private inRow = false;
  private inSheetData = false;
  /** The open cell: its column and flags, or -1. */
  private cell = -1;
  /** The last cell opened: its `r` as row × 16384 + col (or -1), `t` and `s` codes (readSheet uses them too). */
  cellKey = -1;
  cellType = 0;
  cellXf = XF_ABSENT;

  open(tag: XmlTag): void {
    if (tag.depth === 0) this.root = tag;
    else if (tag.depth === 1 && this.legacyDrawingAt < 0 && AFTER_LEGACY_DRAWING.has(tag.local)) this.legacyDrawingAt = tag.start;
    switch (tag.local) {
      case "sheetData":
        this.inSheetData = tag.depth === 1;
        return;
      case "row": {
        if (!this.inSheetData) return;
        const r = Number(tag.attributes.r);
        this.row = r >= 1 ? r - 1 : this.row + 1;
        this.col = -1;
        this.inRow = true;
        this.rows.number.push(this.row);
        this.rows.start.push(tag.start);
        this.rows.openEnd.push(tag.openEnd);
        this.rows.firstCell.push(this.cells.start.length);
        this.rows.attributes.push(tag.attributes);
        return;
      }
      case "c": {
        const r = tag.attributes.r;
        const key = r ? refKey(r) : -1;
        this.cellKey = key;
        this.cellType = typeCode(tag.attributes.t);
        this.cellXf = xfCode(tag.attributes.s);
        if (!this.inRow) return;
        this.col = key >= 0 ? key % 16384 : this.col + 1;
        this.cell = this.col | (this.cellType << CELL_TYPE_SHIFT);
        this.cells.start.push(tag.start);
        this.cells.openEnd.push(tag.openEnd);
        this.cells.xf.push(this.cellXf);
        return;
      }
      case "f": {
        if (this.cell < 0) return;
        const a = tag.attributes;
        this.cell |= CELL_HAS_FORMULA;
        if (a.t === "shared" && !tag.selfClosing && (a.ref ?? "").includes(":")) this.cell |= CELL_SHARED_MASTER;
        if (a.t === "array") {
          const area = parseArea(a.ref ?? "");
          if (area) this.arrayAreas.push(area);
        }
        return;
      }
      case "dimension":
        if (tag.depth === 1) this.dimension = { tag, end: tag.openEnd };
        return;
      case "mergeCell": {
        const area = parseArea(tag.attributes.ref ?? "");
        if (area) this.merges.push(area);
        return;
      }
      case "legacyDrawing": {
        const key = Object.keys(tag.attributes).find((k) => k.endsWith(":id"));
        if (tag.depth === 1 && key) this.legacyDrawing = tag.attributes[key];
        return;
      }
    }
  }

  close(tag: XmlTag, end: number): void {
    if (tag.depth === 0) this.rootClose = end - `</${tag.name}>`.length;
    switch (tag.local) {
      case "sheetData":
        if (tag.depth === 1) this.sheetData = { tag, end };
        this.inSheetData = false;
        return;
      case "row":
        if (this.inRow) this.rows.end.push(end);
        this.inRow = false;
        return;
      case "c":
        if (this.cell < 0) return;
        this.cells.end.push(end);
        this.cells.colFlags.push(this.cell);
        this.cell = -1;
        return;
      case "dimension":
        if (tag.depth === 1) this.dimension = { tag, end };
        return;
      case "col":
        this.colItems.push({ tag, end, min: Number(tag.attributes.min) - 1, max: Number(tag.attributes.max) - 1 });
        return;
      case "cols":
        if (tag.depth === 1) this.cols = { tag, end, items: this.colItems.splice(0) };
        return;
    }
  }

  /** The index; `length` is the part's length (where the root closes when the scan did not say). */
  result(part: string, length: number): SheetIndex {
    if (!this.root) throw new Error(`${part}: no root element`);
    const rootClose = this.rootClose < 0 ? length : this.rootClose;
    const { root, sheetData, dimension, cols, merges, arrayAreas, legacyDrawing, rows, cells } = this;
    return {
      root,
      rootClose,
      sheetData,
      dimension,
      cols,
      merges,
      arrayAreas,
      legacyDrawing,
      legacyDrawingAt: this.legacyDrawingAt < 0 ? rootClose : this.legacyDrawingAt,
      rowTable: { number: rows.number.done(), start: rows.start.done(), openEnd: rows.openEnd.done(), end: rows.end.done(), firstCell: rows.firstCell.done(), attributes: rows.attributes, count: rows.number.length },
      cellTable: { start: cells.start.done(), openEnd: cells.openEnd.done(), end: cells.end.done(), colFlags: cells.colFlags.done(), xf: cells.xf.done(), count: cells.start.length },
    };
  }
}

/** Index a part on its own (a sheet not read before, such as one added by a write). */
export function indexSheet(xml: string, part: string): SheetIndex {
  const indexer = new SheetIndexer();
  scanXml(xml, part, { open: (tag) => indexer.open(tag), close: (tag, end) => indexer.close(tag, end) });
  return indexer.result(part, xml.length);
}
