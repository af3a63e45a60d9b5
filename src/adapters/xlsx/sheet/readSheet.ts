import type { CellValue } from "../../../core/cells/RawCell";
import type { CellArea } from "../../../core/cells/address";
import { formatInfo } from "../../../core/values/numberFormat";
import type { SheetSnapshot } from "../../../core/workbook/SheetSnapshot";
import { numberFormatOf, type StyleSheet } from "../workbook/styles";
import { scanXml } from "../xml/scanXml";
import { decodeXString } from "../xml/xmlText";
import { parseArea } from "./cellRef";
import { IntList } from "./IntList";
import * as cellCodes from "./cellCodes";
import { SheetIndexer, type SheetIndex } from "./sheetIndex";
import { shiftFormula } from "./shiftFormula";

// Run under tsx (bin/kpi-sheets.js), every use of an imported name is a getter call; the names used
// for every cell are taken once here.
const { CELL_TYPES, XF_ABSENT, xfCode } = cellCodes;

export interface SheetContext {
  strings: string[];
  styles: StyleSheet | null;
  date1904: boolean;
  /** Keep the cell format of every styled cell (the in-memory host shows fills and bold). */
  keepStyles?: boolean;
}

export interface SheetRead {
  snapshot: SheetSnapshot;
  /** Where the part's elements are, for patching it without scanning it again. */
  index: SheetIndex;
  /** With keepStyles: the cell format (xf) of every styled cell, by row * 16384 + col. */
  cellStyles: Map<number, number>;
}

const EPOCH_1900_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Days between the 1900 and 1904 date systems. */
const DAYS_1904 = 1462;

function isoDateSerial(text: string): CellValue {
  const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(text) ? text : `${text}${text.includes("T") ? "" : "T00:00:00"}Z`);
  return Number.isNaN(ms) ? text : (ms - EPOCH_1900_MS) / DAY_MS;
}

/** A shared string's index: its digits as xfCode reads them (no general number conversion), else Number(). */
function stringIndex(v: string): number {
  const n = xfCode(v);
  return n >= 0 ? n : Number(v);
}

function cellValue(type: string | undefined, v: string | null, inline: string | null, strings: string[]): CellValue {
  switch (type) {
    case "s":
      return v === null ? null : strings[stringIndex(v)] ?? null;
    case "inlineStr":
      return inline === null ? (v === null ? null : decodeXString(v)) : decodeXString(inline);
    case "str":
      return v === null ? null : decodeXString(v);
    case "b":
      return v === null ? null : v.trim() === "1" || v.trim() === "true";
    case "e":
      return v;
    case "d":
      return v === null ? null : isoDateSerial(v.trim());
    default: {
      if (v === null || v.trim() === "") return null;
      const n = Number(v);
      return Number.isNaN(n) ? v : n;
    }
  }
}

/**
 * One worksheet part as the core reads it: the used area (cells with a value or formula, and merged
 * areas), values with number formats, formulas (shared ones moved to each cell), merges, protection.
 */
export function readSheet(xml: string, part: string, name: string, context: SheetContext): SheetRead {
  // Row, column and format of each cell read, as 32-bit integers (no object or boxed number a cell).
  const rowList = new IntList();
  const colList = new IntList();
  const values: CellValue[] = [];
  const formulas: (string | null)[] = [];
  const xfList = new IntList();
  const cellStyles = new Map<number, number>();
  const shared = new Map<string, { row: number; col: number; text: string }>();
  const arrays: { area: CellArea; text: string }[] = [];
  let isProtected = false;
  let row = -1;
  let col = -1;
  /** The open cell's format and type. */
  let inCell = false;
  let cellXf = 0;
  let cellType: string | undefined;
  let v: string | null = null;
  let fAttributes: Record<string, string> | null = null;
  let fText = "";
  let inline: string | null = null;
  let collect: "v" | "f" | "t" | null = null;
  let phonetic = 0;
  let inSheetData = false;
  const indexer = new SheetIndexer();

  scanXml(xml, part, {
    open(tag) {
      indexer.open(tag);
      switch (tag.local) {
        case "sheetData":
          inSheetData = true;
          return;
        case "row": {
          const r = Number(tag.attributes.r);
          row = r >= 1 ? r - 1 : row + 1;
          col = -1;
          return;
        }
        case "c": {
          if (!inSheetData) return;
          const key = indexer.cellKey;
          if (key >= 0) {
            row = Math.floor(key / 16384);
            col = key % 16384;
          } else col++;
          inCell = true;
          const xf = indexer.cellXf;
          cellXf = xf >= 0 ? xf : xf === XF_ABSENT ? 0 : Number(tag.attributes.s) || 0;
          const type = indexer.cellType;
          cellType = type === 0 ? undefined : type < CELL_TYPES.length ? CELL_TYPES[type] : tag.attributes.t;
          v = null;
          fAttributes = null;
          inline = null;
          return;
        }
        case "v":
          if (inCell) {
            collect = "v";
            v = "";
          }
          return;
        case "f":
          if (inCell) {
            collect = "f";
            fAttributes = tag.attributes;
            fText = "";
          }
          return;
        case "is":
          if (inCell) inline = "";
          return;
        case "rPh":
          phonetic++;
          return;
        case "t":
          if (inline !== null && phonetic === 0) collect = "t";
          return;
        case "sheetProtection":
          isProtected = tag.attributes.sheet === "1" || tag.attributes.sheet === "true";
          return;
      }
    },
    text(text) {
      if (collect === "v") v += text;
      else if (collect === "f") fText += text;
      else if (collect === "t") inline += text;
    },
    close(tag, end) {
      indexer.close(tag, end);
      switch (tag.local) {
        case "v":
        case "f":
        case "t":
          collect = null;
          return;
        case "rPh":
          phonetic--;
          return;
        case "sheetData":
          inSheetData = false;
          return;
        case "c": {
          if (!inCell) return;
          inCell = false;
          let formula: string | null = null;
          if (fAttributes) {
            const attributes = fAttributes;
            const text = fText;
            if (attributes.t === "shared" && attributes.si !== undefined) {
              if (text) shared.set(attributes.si, { row, col, text });
              const master = shared.get(attributes.si);
              formula = master ? `=${shiftFormula(master.text, row - master.row, col - master.col)}` : null;
            } else if (text) {
              formula = `=${text}`;
              const area = attributes.t === "array" ? parseArea(attributes.ref ?? "") : null;
              if (area) arrays.push({ area, text: formula });
            }
          }
          let value = cellValue(cellType, v, inline, context.strings);
          if (context.date1904 && typeof value === "number" && cellType !== "d" && formatInfo(numberFormatOf(context.styles, cellXf)).date) value += DAYS_1904;
          if (value !== null || formula !== null || cellXf !== 0) {
            rowList.push(row);
            colList.push(col);
            values.push(value);
            formulas.push(formula);
            xfList.push(cellXf);
            if (cellXf !== 0 && context.keepStyles) cellStyles.set(row * 16384 + col, cellXf);
          }
          return;
        }
      }
    },
  });

  const index = indexer.result(part, xml.length);
  const rows = rowList.done();
  const cols = colList.done();
  const xfs = xfList.done();
  // Each cell format's number format, looked up once: a sheet has thousands of cells and a few formats.
  const formatCodes: string[] = [];
  const formatOf = (xf: number) => (formatCodes[xf] ??= numberFormatOf(context.styles, xf));
  const merges = index.merges;
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (let i = 0; i < rows.length; i++) {
    if (values[i] === null && formulas[i] === null) continue;
    top = Math.min(top, rows[i]);
    bottom = Math.max(bottom, rows[i]);
    left = Math.min(left, cols[i]);
    right = Math.max(right, cols[i]);
  }
  for (const m of merges) {
    top = Math.min(top, m.top);
    left = Math.min(left, m.left);
    bottom = Math.max(bottom, m.bottom);
    right = Math.max(right, m.right);
  }
  if (bottom < 0) return { snapshot: { name, origin: { row: 0, col: 0 }, values: [], numberFormats: [], formulas: [], merges, protected: isProtected }, cellStyles, index };
  const height = bottom - top + 1;
  const width = right - left + 1;
  const grid: CellValue[][] = [];
  const formats: string[][] = [];
  const formulaGrid: (string | null)[][] = [];
  for (let r = 0; r < height; r++) {
    grid.push(new Array<CellValue>(width).fill(null));
    formats.push(new Array<string>(width).fill("General"));
    formulaGrid.push(new Array<string | null>(width).fill(null));
  }
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] - top;
    const c = cols[i] - left;
    if (r < 0 || r >= height || c < 0 || c >= width) continue;
    grid[r][c] = values[i];
    formulaGrid[r][c] = formulas[i];
    if (xfs[i] !== 0) formats[r][c] = formatOf(xfs[i]);
  }
  for (const { area, text } of arrays) {
    for (let r = Math.max(area.top, top); r <= Math.min(area.bottom, bottom); r++) {
      for (let c = Math.max(area.left, left); c <= Math.min(area.right, right); c++) formulaGrid[r - top][c - left] ??= text;
    }
  }
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        grid[r - top][c - left] = null;
        formulaGrid[r - top][c - left] = null;
      }
    }
  }
  return { snapshot: { name, origin: { row: top, col: left }, values: grid, numberFormats: formats, formulas: formulaGrid, merges, protected: isProtected }, cellStyles, index };
}
