import { toA1 } from "../../core/cells/address";
import type { CellWrite } from "../../core/workbook/WritePlan";
import type { ExcelLike, RangeLike, RunOptions, WorksheetLike, WorksheetProtectionLike } from "./ExcelLike";
import { safeText } from "./quoteText";
import { loadPrevious, previousContent, type PreviousCell } from "./undoRecord";

/** The add-in's record of the cells it highlighted ("sheet!A1"), as a block will leave it. */
export function highlightKey(sheet: string, row: number, col: number): string {
  return `${sheet}!${toA1(row, col)}`;
}

interface Run {
  sheet: string;
  col: number;
  top: number;
  writes: (CellWrite | undefined)[];
}

/** Writes grouped per sheet and column into runs of consecutive rows: one range assignment each. */
function runsOf(writes: CellWrite[]): Run[] {
  const byColumn = new Map<string, CellWrite[]>();
  for (const w of writes) {
    const key = `${w.sheet}\u0000${w.col}`;
    byColumn.set(key, [...(byColumn.get(key) ?? []), w]);
  }
  const runs: Run[] = [];
  for (const list of byColumn.values()) {
    list.sort((a, b) => a.row - b.row);
    let run: Run | null = null;
    for (const w of list) {
      if (run && w.row === run.top + run.writes.length) run.writes.push(w);
      else if (run && w.row < run.top + run.writes.length) run.writes[w.row - run.top] = w;
      else {
        run = { sheet: w.sheet, col: w.col, top: w.row, writes: [w] };
        runs.push(run);
      }
    }
  }
  return runs;
}

/** Whether a write's fill is applied: a fill only-if (the add-in's own highlight) needs the record to hold the cell. */
function fillApplies(w: CellWrite, highlighted: ReadonlySet<string>): boolean {
  return w.fill !== undefined && (w.fillOnlyIf === undefined || highlighted.has(highlightKey(w.sheet, w.row, w.col)));
}

/** The highlight record once these writes are done (the given set is not changed). */
export function nextHighlights(writes: CellWrite[], highlighted: ReadonlySet<string>): Set<string> {
  const next = new Set(highlighted);
  for (const w of writes) {
    if (!fillApplies(w, highlighted)) continue;
    const key = highlightKey(w.sheet, w.row, w.col);
    if (w.fillOnlyIf !== undefined || w.fill === null) next.delete(key);
    else if (w.purpose === "actual") next.add(key);
  }
  return next;
}

export interface BlockOutcome {
  /** What the written cells held before, when the request got that far (also when it failed). */
  previous: PreviousCell[];
  /** Protection of each target sheet as loaded in the request (undefined when not delivered). */
  protection: Map<string, boolean | undefined>;
  error?: unknown;
}

/**
 * One request: touch every target sheet and load its protection (a sheet deleted since the read
 * fails here, before any write), load what every target cell holds (loads queued before the writes
 * see the old contents, and come back even when a later write fails), then the writes and the
 * highlight record as it will be.
 */
export async function writeBlock(excel: ExcelLike, writes: CellWrite[], options: { runOptions: RunOptions; supports: (v: string) => boolean; highlighted: ReadonlySet<string>; recordKey: string }): Promise<BlockOutcome> {
  const notes = options.supports("1.18");
  const copyFormats = options.supports("1.9");
  const sheets = new Map<string, { ws: WorksheetLike; protection: WorksheetProtectionLike }>();
  const loaded: { w: CellWrite; cell: RangeLike; note: ReturnType<WorksheetLike["notes"]["getItemOrNullObject"]> | null }[] = [];
  const outcome: BlockOutcome = { previous: [], protection: new Map() };
  try {
    await excel.run(options.runOptions, async (context) => {
      for (const name of new Set(writes.map((w) => w.sheet))) {
        const ws = context.workbook.worksheets.getItem(name);
        sheets.set(name, { ws, protection: ws.protection.load("protected") });
      }
      for (const w of writes) {
        const ws = sheets.get(w.sheet)!.ws;
        loaded.push({ w, cell: loadPrevious(ws.getRangeByIndexes(w.row, w.col, 1, 1)), note: notes ? ws.notes.getItemOrNullObject(toA1(w.row, w.col)).load("content") : null });
      }
      context.application.suspendApiCalculationUntilNextSync();
      for (const run of runsOf(writes)) {
        const range = sheets.get(run.sheet)!.ws.getRangeByIndexes(run.top, run.col, run.writes.length, 1);
        if (run.writes.some((w) => w?.numberFormat !== undefined)) range.numberFormat = run.writes.map((w) => [w?.numberFormat ?? null]);
        if (run.writes.some((w) => w?.value !== undefined)) range.values = run.writes.map((w) => [w?.value === undefined ? null : w.value === null ? "" : safeText(w.value)]);
      }
      for (const w of writes) {
        const ws = sheets.get(w.sheet)!.ws;
        const target = ws.getRangeByIndexes(w.row, w.col, 1, 1);
        if (w.copyFormatFrom) {
          if (copyFormats) target.copyFrom(`'${w.sheet.replace(/'/g, "''")}'!${toA1(w.copyFormatFrom.row, w.copyFormatFrom.col)}`, "Formats");
          else target.format.font.bold = true;
        }
        if (fillApplies(w, options.highlighted)) {
          if (w.fill === null) target.format.fill.clear();
          else if (w.fill !== undefined) target.format.fill.color = w.fill;
        }
        if (notes && w.note !== undefined) {
          const address = toA1(w.row, w.col);
          ws.notes.getItemOrNullObject(address).delete();
          if (w.note !== null) ws.notes.add(address, w.note);
        }
      }
      context.workbook.settings.add(options.recordKey, [...nextHighlights(writes, options.highlighted)].sort());
      await context.sync();
    });
  } catch (error) {
    outcome.error = error;
  }
  for (const [name, { protection }] of sheets) outcome.protection.set(name, delivered(() => protection.protected));
  for (const { w, cell, note } of loaded) {
    const content = delivered(() => previousContent(cell));
    if (!content) continue;
    const noteText = notes && note ? delivered(() => (note.isNullObject ? null : note.content)) : undefined;
    outcome.previous.push({
      sheet: w.sheet, row: w.row, col: w.col, ...content,
      ...(noteText !== undefined ? { note: noteText } : {}),
      highlighted: options.highlighted.has(highlightKey(w.sheet, w.row, w.col)),
      changed: {
        content: w.value !== undefined,
        numberFormat: w.numberFormat !== undefined || w.copyFormatFrom !== undefined,
        fill: fillApplies(w, options.highlighted) || w.copyFormatFrom !== undefined,
        note: w.note !== undefined && noteText !== undefined,
      },
    });
  }
  return outcome;
}

/** A loaded property, or undefined when the response never delivered it. */
function delivered<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
