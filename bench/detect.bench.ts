/**
 * Detection (readWorkbook: every layout, header words, bands, tables, indicators) on the 武蔵野市
 * sample, on the generated 50-sheet workbook and on the samples of the other layouts, next to the
 * floor measured in the same run: visiting every cell of the same snapshots once.
 */
import { readWorkbook } from "../src/core/workbook/readWorkbook";
import type { WorkbookSnapshot } from "../src/core/workbook/SheetSnapshot";
import { buildGeneratedActionPlan, buildGeneratedKpiList } from "../seeds/generate";
import { SnapshotWorkbookBuilder, type WorkbookBuilder } from "../seeds/layout/WorkbookBuilder";
import { buildMusashino, LAYOUT_WORKBOOKS } from "../seeds/workbooks";
import { fmt, interleavedMedians } from "./timing";

function snapshot(build: (book: WorkbookBuilder) => void): WorkbookSnapshot {
  const book = new SnapshotWorkbookBuilder();
  build(book);
  return book.build();
}

/** The floor: look at every cell once (its type, and a string's length). */
function visitEveryCell(book: WorkbookSnapshot): number {
  let n = 0;
  for (const sheet of book.sheets) {
    for (const line of sheet.values) {
      for (const v of line) n += typeof v === "string" ? v.length : v === null ? 0 : 1;
    }
  }
  return n;
}

function cells(book: WorkbookSnapshot): number {
  return book.sheets.reduce((n, s) => n + s.values.reduce((m, l) => m + l.length, 0), 0);
}

export async function run(): Promise<void> {
  const cases: [string, WorkbookSnapshot, number][] = [
    ["武蔵野市 sample (47 sheets)", snapshot((b) => buildMusashino(b)), 30],
    ["generated 50 sheets × 20 indicators", snapshot((b) => buildGeneratedActionPlan(b, 50, 20)), 15],
    ["generated KPI list, 10,000 rows", snapshot((b) => buildGeneratedKpiList(b, 10_000)), 7],
    ["the other layouts' samples (3 books)", snapshot((b) => LAYOUT_WORKBOOKS.forEach((w) => w.build(b))), 30],
  ];
  console.log("case | cells | indicators | detection | floor (visit every cell) | ratio");
  for (const [name, book, runs] of cases) {
    const indicators = readWorkbook(book).indicators.length;
    const [detect, floor] = await interleavedMedians(runs, () => readWorkbook(book), () => visitEveryCell(book));
    console.log(`${name} | ${cells(book).toLocaleString("en-US")} | ${indicators.toLocaleString("en-US")} | ${fmt(detect)} | ${fmt(floor)} | ${(detect / floor).toFixed(0)}×`);
  }
}
