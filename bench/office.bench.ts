/**
 * The Office.js adapter on the in-memory host: requests (syncs), request bytes and time with a
 * 100 ms round trip (Excel on the web), next to a straightforward implementation that syncs once per
 * indicator, in the same run. Time with the round trip = time measured with no delay + syncs × 100 ms
 * (the host's delay is the same for every request; measuring it for real would only add waiting).
 */
import fs from "node:fs";
import path from "node:path";
import { openXlsx } from "../src/adapters/xlsx/openXlsx";
import { MemoryExcel } from "../src/adapters/memory/memoryExcel";
import { MemoryWorkbook } from "../src/adapters/memory/MemoryWorkbook";
import { OfficeWorkbookAdapter, safeText } from "../src/adapters/office/OfficeWorkbookAdapter";
import { runEvaluate, runFill, type WorkbookHost } from "../src/app/operations";
import { toA1 } from "../src/core/cells/address";
import { getPreset } from "../src/core/presets/builtin";
import type { WorkbookSnapshot } from "../src/core/workbook/SheetSnapshot";
import type { WritePlan } from "../src/core/workbook/WritePlan";
import { buildGeneratedActionPlan } from "../seeds/generate";
import { SnapshotWorkbookBuilder } from "../seeds/layout/WorkbookBuilder";

const ROUND_TRIP_MS = 100;

/** The obvious way: read each sheet in its own request, write each indicator's cells and sync. */
class PerIndicatorHost implements WorkbookHost<void> {
  constructor(private readonly excel: MemoryExcel) {}

  async read(): Promise<WorkbookSnapshot> {
    return this.excel.run({}, async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      await context.sync();
      const sheets = [];
      for (const ws of worksheets.items) {
        const used = ws.getUsedRangeOrNullObject(true).load("values,numberFormat,formulas,rowIndex,columnIndex");
        await context.sync();
        sheets.push(used.isNullObject
          ? { name: ws.name, origin: { row: 0, col: 0 }, values: [], numberFormats: [], merges: [] }
          : { name: ws.name, origin: { row: used.rowIndex, col: used.columnIndex }, values: used.values.map((l) => l.map((v) => (v === "" ? null : v))) as WorkbookSnapshot["sheets"][0]["values"], numberFormats: used.numberFormat as string[][], merges: [] });
      }
      return { sheets };
    });
  }

  async apply(plan: WritePlan): Promise<void> {
    await this.excel.run({}, async (context) => {
      const byRow = new Map<string, typeof plan.writes>();
      for (const w of plan.writes) byRow.set(`${w.sheet}!${w.row}`, [...(byRow.get(`${w.sheet}!${w.row}`) ?? []), w]);
      for (const writes of byRow.values()) {
        for (const w of writes) {
          const range = context.workbook.worksheets.getItem(w.sheet).getRangeByIndexes(w.row, w.col, 1, 1);
          if (w.numberFormat !== undefined) range.numberFormat = [[w.numberFormat]];
          if (w.value !== undefined) range.values = [[w.value === null ? "" : safeText(w.value)]];
          if (w.fill) range.format.fill.color = w.fill;
          if (w.note) context.workbook.worksheets.getItem(w.sheet).notes.add(toA1(w.row, w.col), w.note);
        }
        await context.sync();
      }
    });
  }
}

interface Figures {
  syncs: number;
  bytes: number;
  largest: number;
  ms: number;
}

async function measure(snapshot: WorkbookSnapshot, kind: "batched" | "per-indicator", operation: "evaluate" | "fill"): Promise<Figures> {
  const excel = new MemoryExcel(MemoryWorkbook.fromSnapshot(snapshot));
  const host: WorkbookHost = kind === "batched" ? new OfficeWorkbookAdapter(excel, excel.requirements) : new PerIndicatorHost(excel);
  const start = process.hrtime.bigint();
  if (operation === "evaluate") {
    await runEvaluate(host, { year: 2025, preset: getPreset("standard")! });
  } else {
    const probe = await runFill(host, { year: 2025, rows: [] }, true);
    const rows = probe.model.indicators.map((i) => ({ projectNo: i.projectNo, indicator: i.name, actual: "1,000 件" }));
    excel.resetStats();
    await runFill(host, { year: 2025, rows, overwrite: true });
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const bytes = excel.stats.requestBytes.reduce((a, b) => a + b, 0);
  return { syncs: excel.stats.syncs, bytes, largest: Math.max(0, ...excel.stats.requestBytes), ms };
}

function line(label: string, f: Figures): string {
  const withTrips = f.ms + f.syncs * ROUND_TRIP_MS;
  return `  ${label.padEnd(14)} syncs ${String(f.syncs).padStart(5)}  request bytes ${f.bytes.toLocaleString().padStart(11)} (largest ${f.largest.toLocaleString()})  time with ${ROUND_TRIP_MS} ms round trips ${(withTrips / 1000).toFixed(2)} s`;
}

export async function run(): Promise<void> {
  const opened = await openXlsx(fs.readFileSync(path.join(__dirname, "../seeds/musashino-action-plan.xlsx")), "musashino-action-plan.xlsx");
  if (!opened.ok) throw new Error(opened.message);
  const seed = opened.snapshot;
  const generated = new SnapshotWorkbookBuilder();
  buildGeneratedActionPlan(generated, 50, 20);
  const books: [string, WorkbookSnapshot][] = [["武蔵野市 sample (46 sheets, 64 indicators)", seed], ["generated 50 sheets × 20 indicators", generated.build()]];
  for (const [name, snapshot] of books) {
    for (const operation of ["evaluate", "fill"] as const) {
      console.log(`${operation} on ${name}:`);
      const batched = await measure(snapshot, "batched", operation);
      const naive = await measure(snapshot, "per-indicator", operation);
      console.log(line("batched", batched));
      console.log(line("per indicator", naive));
      const speedup = (naive.ms + naive.syncs * ROUND_TRIP_MS) / (batched.ms + batched.syncs * ROUND_TRIP_MS);
      console.log(`  → ${speedup.toFixed(0)}× faster with round trips; batched syncs ≤ 3: ${batched.syncs <= 3 ? "yes" : "NO"}`);
    }
  }
}

if (require.main === module) void run();
