/**
 * Reading and evaluating a workbook too large for one request of Excel on the web (5 MB request and
 * response): 300,000 used cells and a sheet of 2,000 merged areas besides the 武蔵野市 sample, on the
 * in-memory Excel with the web's limits. Baseline in the same run: reading everything in one request,
 * as the adapter did before (it fails).
 */
import { MemoryExcel } from "../src/adapters/memory/memoryExcel";
import { MemoryWorkbook } from "../src/adapters/memory/MemoryWorkbook";
import { OfficeWorkbookAdapter } from "../src/adapters/office/OfficeWorkbookAdapter";
import { runEvaluate } from "../src/app/operations";
import { getPreset } from "../src/core/presets/builtin";
import type { WorkbookSnapshot } from "../src/core/workbook/SheetSnapshot";
import { buildDataSheet, buildFormSheet } from "../seeds/generate";
import { SnapshotWorkbookBuilder } from "../seeds/layout/WorkbookBuilder";
import { buildMusashino } from "../seeds/workbooks";

const MB = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;

function line(label: string, excel: MemoryExcel, ms: number): string {
  const { requestBytes, responseBytes, syncs } = excel.stats;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return `  ${label.padEnd(42)} requests ${String(syncs).padStart(3)}  sent ${MB(sum(requestBytes)).padStart(9)} (largest ${MB(Math.max(0, ...requestBytes))})  received ${MB(sum(responseBytes)).padStart(9)} (largest ${MB(Math.max(0, ...responseBytes))})  ${(ms / 1000).toFixed(2)} s`;
}

async function timed<T>(f: () => Promise<T>): Promise<[T | Error, number]> {
  const start = process.hrtime.bigint();
  const result = await f().catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
  return [result, Number(process.hrtime.bigint() - start) / 1e6];
}

/** The read the adapter made before: every sheet's used range, protection and merged areas in one request. */
async function readAtOnce(excel: MemoryExcel): Promise<void> {
  await excel.run({}, async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    for (const ws of sheets.items) {
      ws.getUsedRangeOrNullObject(true).load("values,numberFormat,formulas,rowIndex,columnIndex");
      ws.protection.load("protected");
      ws.getUsedRangeOrNullObject(false).getMergedAreasOrNullObject().load("address");
    }
    await context.sync();
  });
}

export async function run(): Promise<void> {
  const builder = new SnapshotWorkbookBuilder();
  buildMusashino(builder);
  buildDataSheet(builder, "統計データ", 6000, 50);
  buildFormSheet(builder, "調査票", 2000);
  const book: WorkbookSnapshot = builder.build();
  const used = book.sheets.reduce((n, s) => n + s.values.flat().filter((v) => v !== null).length, 0);
  console.log(`workbook: ${book.sheets.length} sheets, ${used.toLocaleString()} used cells, 2,000 merged areas on one sheet; Excel on the web's limits`);

  const baseline = new MemoryExcel(MemoryWorkbook.fromSnapshot(book));
  const [old, oldMs] = await timed(() => readAtOnce(baseline));
  console.log(line(`baseline: all in one request`, baseline, oldMs) + `  → ${old instanceof Error ? (old as Error & { code?: string }).code ?? old.message : "ok"}`);

  const excel = new MemoryExcel(MemoryWorkbook.fromSnapshot(book));
  const adapter = new OfficeWorkbookAdapter(excel, excel.requirements);
  const [, readMs] = await timed(() => adapter.read());
  console.log(line("read (first time: sizes unknown)", excel, readMs));
  excel.resetStats();
  const [evaluated, evalMs] = await timed(() => runEvaluate(adapter, { year: 2025, preset: getPreset("standard")! }));
  console.log(line("evaluate (read with known sizes + write)", excel, evalMs) + `  → ${evaluated instanceof Error ? evaluated.message : `${evaluated.evaluation.outcomes.length} indicators graded`}`);

  const sample = new SnapshotWorkbookBuilder();
  buildMusashino(sample);
  const small = new MemoryExcel(MemoryWorkbook.fromSnapshot(sample.build()));
  const [, sampleMs] = await timed(() => runEvaluate(new OfficeWorkbookAdapter(small, small.requirements), { year: 2025, preset: getPreset("standard")! }));
  console.log(line("武蔵野市 sample: evaluate", small, sampleMs) + `  → ${small.stats.syncs === 3 ? "3 requests, as before" : "NOT 3 requests"}`);
}

if (require.main === module) void run();
