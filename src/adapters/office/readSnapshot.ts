import { parseA1, type CellArea } from "../../core/cells/address";
import type { CellValue } from "../../core/cells/RawCell";
import type { SheetSnapshot, WorkbookSnapshot } from "../../core/workbook/SheetSnapshot";
import { ErrorCodes, errorCode, type ExcelLike, type RangeAreasLike, type RangeLike, type RequestContextLike, type WorksheetLike } from "./ExcelLike";
import { isPayloadLimit, packBlocks, runBlocks } from "./requestBlocks";

/** Bytes a cell takes in a response with its value, number format and formula (measured: 16–31; kept high). */
export const BYTES_PER_CELL = 40;
/** Cells one range read asks for (Excel's limit is 5,000,000 cells a read). */
export const CELLS_PER_READ = 1_000_000;
/** Cells a merged-area read covers: each merge has two cells at least, so never more than 512 merges. */
export const MERGE_BLOCK_CELLS = 1024;

export interface ReadOptions {
  budget: number;
  /** Whether Excel has an ExcelApi set (merged areas need 1.13). */
  supports: (version: string) => boolean;
  /** Used cells by sheet from the last read, to plan this one (undefined: unknown). */
  knownCells: (sheet: string) => number | undefined;
}

export interface ReadResult {
  snapshot: WorkbookSnapshot;
  /** The add-in's highlight record (a workbook setting). */
  setting: unknown;
  requests: number;
}

interface SheetParts {
  name: string;
  protected: boolean;
  origin: { row: number; col: number };
  rows: number;
  cols: number;
  values: CellValue[][];
  numberFormats: string[][];
  formulas: (string | null)[][];
  merges: CellArea[];
}

/** A null grid (a read over Excel's cell limit) is a signal to read smaller, like a payload error. */
class ReadTooLarge extends Error {
  readonly code = ErrorCodes.responseTooLarge;
}

function parseMerges(address: string): CellArea[] {
  const merges: CellArea[] = [];
  for (const part of address ? address.split(",") : []) {
    const [a, b] = part.split("!").pop()!.split(":");
    const from = parseA1(a);
    const to = parseA1(b ?? a);
    if (from && to) merges.push({ top: from.row, left: from.col, bottom: to.row, right: to.col });
  }
  return merges;
}

function grids(range: RangeLike): { values: CellValue[][]; numberFormats: string[][]; formulas: (string | null)[][] } {
  const { values, numberFormat, formulas } = range;
  if (!values || !numberFormat || !formulas) throw new ReadTooLarge("a read returned no values (over the cell limit)");
  return {
    values: values.map((line) => line.map((v) => (v === "" ? null : (v as CellValue)))),
    numberFormats: numberFormat.map((line) => line.map(String)),
    formulas: formulas.map((line) => line.map((f) => (typeof f === "string" && f.startsWith("=") ? f : null))),
  };
}

function toSnapshot(p: SheetParts): SheetSnapshot {
  return { name: p.name, origin: p.origin, values: p.values, numberFormats: p.numberFormats, formulas: p.formulas, merges: p.merges, protected: p.protected };
}

/**
 * Every sheet's used range (values, number formats, formulas), protection and merged areas.
 * Request 1: the sheet names and the setting. Request 2, when the workbook is small or unknown:
 * everything at once. When that would pass the budget (known from the last read), or fails for its
 * size, returns null grids or fails on more than 512 merged areas: the sizes, then row blocks that
 * fit (retried smaller on a payload error), and merged areas in blocks of at most 1,024 cells.
 */
export async function readSnapshot(excel: ExcelLike, settingKey: string, options: ReadOptions): Promise<ReadResult> {
  return excel.run({ delayForCellEdit: true }, async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    const setting = context.workbook.settings.getItemOrNullObject(settingKey).load("value");
    await context.sync();
    let requests = 1;
    const sheets = worksheets.items;
    const value = setting.isNullObject ? undefined : setting.value;
    const known = sheets.map((ws) => options.knownCells(ws.name));
    const estimate = known.reduce<number>((n, cells) => n + (cells ?? 0), 0) * BYTES_PER_CELL;
    if (known.every((k) => k !== undefined) ? estimate <= options.budget : true) {
      requests++;
      try {
        const parts = await readAtOnce(context, sheets, options.supports);
        return { snapshot: { sheets: parts.map(toSnapshot) }, setting: value, requests };
      } catch (error) {
        const code = errorCode(error);
        if (code === ErrorCodes.itemNotFound || code === ErrorCodes.cellEditMode || (code !== ErrorCodes.generalException && !isPayloadLimit(error))) throw error;
      }
    }
    const { parts, requests: more } = await readInBlocks(context, sheets, options);
    return { snapshot: { sheets: parts.map(toSnapshot) }, setting: value, requests: requests + more };
  });
}

async function readAtOnce(context: RequestContextLike, sheets: WorksheetLike[], supports: ReadOptions["supports"]): Promise<SheetParts[]> {
  const withMerges = supports("1.13");
  const entries = sheets.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true).load("values,numberFormat,formulas,rowIndex,columnIndex,rowCount,columnCount");
    const protection = ws.protection.load("protected");
    const merges: RangeAreasLike | null = withMerges ? ws.getUsedRangeOrNullObject(false).getMergedAreasOrNullObject().load("address") : null;
    return { ws, used, protection, merges };
  });
  await context.sync();
  return entries.map(({ ws, used, protection, merges }) => {
    const base = { name: ws.name, protected: protection.protected, merges: withMerges && merges && !merges.isNullObject ? parseMerges(merges.address) : [] };
    if (used.isNullObject) return { ...base, origin: { row: 0, col: 0 }, rows: 0, cols: 0, values: [], numberFormats: [], formulas: [] };
    return { ...base, origin: { row: used.rowIndex, col: used.columnIndex }, rows: used.rowCount, cols: used.columnCount, ...grids(used) };
  });
}

interface Block {
  sheet: number;
  kind: "cells" | "merges";
  top: number;
  left: number;
  rows: number;
  cols: number;
}

function rowsFitting(cols: number, cells: number): number {
  return Math.max(1, Math.floor(cells / Math.max(1, cols)));
}

function rowBlocks(sheet: number, kind: Block["kind"], area: { top: number; left: number; rows: number; cols: number }, rowsPerBlock: number): Block[] {
  const blocks: Block[] = [];
  for (let top = area.top; top < area.top + area.rows; top += rowsPerBlock) {
    blocks.push({ sheet, kind, top, left: area.left, rows: Math.min(rowsPerBlock, area.top + area.rows - top), cols: area.cols });
  }
  return blocks;
}

/** Split a request: two requests of half the blocks, or a lone block into two halves of its rows. */
function splitBlocks(block: Block[]): Block[][] {
  if (block.length > 1) return [block.slice(0, Math.ceil(block.length / 2)), block.slice(Math.ceil(block.length / 2))];
  const [b] = block;
  if (!b || b.rows < 2 || b.kind === "merges") return [];
  const half = Math.ceil(b.rows / 2);
  return [[{ ...b, rows: half }], [{ ...b, top: b.top + half, rows: b.rows - half }]];
}

async function readInBlocks(context: RequestContextLike, sheets: WorksheetLike[], options: ReadOptions): Promise<{ parts: SheetParts[]; requests: number }> {
  const withMerges = options.supports("1.13");
  const sizes = sheets.map((ws) => ({
    used: ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount"),
    all: withMerges ? ws.getUsedRangeOrNullObject(false).load("rowIndex,columnIndex,rowCount,columnCount") : null,
    protection: ws.protection.load("protected"),
  }));
  await context.sync();
  const parts: SheetParts[] = sheets.map((ws, i) => {
    const { used, protection } = sizes[i];
    const origin = used.isNullObject ? { row: 0, col: 0 } : { row: used.rowIndex, col: used.columnIndex };
    const rows = used.isNullObject ? 0 : used.rowCount;
    return { name: ws.name, protected: protection.protected, origin, rows, cols: used.isNullObject ? 0 : used.columnCount, values: Array(rows), numberFormats: Array(rows), formulas: Array(rows), merges: [] };
  });
  const blocks: Block[] = [];
  parts.forEach((p, i) => {
    if (p.rows > 0) {
      const rows = Math.min(rowsFitting(p.cols, CELLS_PER_READ), rowsFitting(p.cols, Math.floor(options.budget / BYTES_PER_CELL)));
      blocks.push(...rowBlocks(i, "cells", { top: p.origin.row, left: p.origin.col, rows: p.rows, cols: p.cols }, rows));
    }
    const all = sizes[i].all;
    if (withMerges && all && !all.isNullObject) {
      blocks.push(...rowBlocks(i, "merges", { top: all.rowIndex, left: all.columnIndex, rows: all.rowCount, cols: all.columnCount }, rowsFitting(all.columnCount, MERGE_BLOCK_CELLS)));
    }
  });
  const estimate = (b: Block) => (b.kind === "cells" ? b.rows * b.cols * BYTES_PER_CELL : Math.min(b.rows * b.cols, MERGE_BLOCK_CELLS) * 12);
  const requests = await runBlocks(packBlocks(blocks, estimate, options.budget), async (block) => {
    const loads = block.map((b) => {
      const range = sheets[b.sheet].getRangeByIndexes(b.top, b.left, b.rows, b.cols);
      return { b, range: b.kind === "cells" ? range.load("values,numberFormat,formulas") : null, merges: withMerges && b.kind === "merges" ? range.getMergedAreasOrNullObject().load("address") : null };
    });
    await context.sync();
    for (const { b, range, merges } of loads) {
      const p = parts[b.sheet];
      if (range) {
        const g = grids(range);
        for (let r = 0; r < b.rows; r++) {
          const at = b.top - p.origin.row + r;
          p.values[at] = g.values[r];
          p.numberFormats[at] = g.numberFormats[r];
          p.formulas[at] = g.formulas[r];
        }
      } else if (withMerges && merges && !merges.isNullObject) p.merges.push(...parseMerges(merges.address));
    }
  }, splitBlocks);
  return { parts, requests: requests + 1 };
}
