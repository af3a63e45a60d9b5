/**
 * `kpi-sheets evaluate` through the file layer, beside ExcelJS's own read + write of the same file,
 * measured in the same run: on the 10,000-indicator workbook (200 事業シート × 50), and on a small
 * KPI workbook with an unrelated 200,000-row sheet. Time: medians of interleaved runs in this
 * process; peak memory: each job once in a fresh process (max RSS). Goal: evaluate ≤ 0.6 × ExcelJS.
 * The floor (bench/floor.ts) is printed beside them: inflating and parsing the parts evaluate reads
 * and deflating the parts it writes, with nothing else done.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../src/cli/main";
import { buildGeneratedActionPlan, seededRandom } from "../seeds/generate";
import { ExcelJSWorkbookBuilder } from "../seeds/layout/WorkbookBuilder";
import { floorJob } from "./floor";
import { fmt, interleavedMedians } from "./timing";

const GOAL = 0.6;

async function generated(file: string): Promise<void> {
  const book = new ExcelJSWorkbookBuilder();
  buildGeneratedActionPlan(book, 200, 50);
  await book.workbook.xlsx.writeFile(file);
}

/** 10 事業シート × 50 indicators and a 200,000-row register (dates, codes, names, amounts) nobody evaluates. */
async function withLargeSheet(file: string): Promise<void> {
  const book = new ExcelJSWorkbookBuilder();
  buildGeneratedActionPlan(book, 10, 50);
  const ws = book.workbook.addWorksheet("台帳");
  ws.addRow(["受付日", "番号", "地区", "区分", "件数", "金額"]);
  const rand = seededRandom(7);
  const areas = ["吉祥寺東町", "吉祥寺南町", "御殿山", "中町", "西久保", "緑町", "八幡町", "関前"];
  for (let i = 0; i < 200_000; i++) {
    const row = ws.addRow([45748 + (i % 365), `R7-${String(i).padStart(6, "0")}`, areas[i % areas.length], rand() < 0.5 ? "新規" : "継続", Math.floor(rand() * 10), Math.round(rand() * 1e6)]);
    row.getCell(1).numFmt = "yyyy/m/d";
  }
  await book.workbook.xlsx.writeFile(file);
}

function peak(kind: "exceljs" | "evaluate", file: string, out: string): { ms: number; maxRssMB: number } {
  const text = execFileSync(process.execPath, [path.join(__dirname, "peakMemory.js"), kind, file, out], { encoding: "utf8", maxBuffer: 1 << 20 });
  return JSON.parse(text.trim().split("\n").pop()!);
}

async function measure(label: string, file: string, dir: string, runs: number): Promise<void> {
  const size = fs.statSync(file).size;
  console.log(`\n${label}: ${(size / 1e6).toFixed(1)} MB`);
  const readWrite = async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    fs.writeFileSync(path.join(dir, "copy.xlsx"), Buffer.from(await wb.xlsx.writeBuffer()));
  };
  let code = -1;
  const quiet = { line: () => {}, error: (t: string) => console.error(t), progress: () => {} };
  const evaluate = async () => {
    code = await main(["evaluate", file, "--year", "R7", "--out", path.join(dir, "out.xlsx")], quiet);
  };
  await evaluate();
  const floor = await floorJob(fs.readFileSync(file), fs.readFileSync(path.join(dir, "out.xlsx")));
  const [baseline, ours, least] = await interleavedMedians(runs, readWrite, evaluate, floor.run);
  const memBaseline = peak("exceljs", file, path.join(dir, "copy.xlsx"));
  const memOurs = peak("evaluate", file, path.join(dir, "out.xlsx"));
  const ratio = ours / baseline;
  console.log(`  ExcelJS read + write:         ${fmt(baseline).padStart(10)}   peak ${memBaseline.maxRssMB.toFixed(0)} MB`);
  console.log(`  kpi-sheets evaluate (exit ${code}): ${fmt(ours).padStart(10)}   peak ${memOurs.maxRssMB.toFixed(0)} MB`);
  console.log(`  floor (${floor.read} parts inflated and parsed, ${floor.written} deflated): ${fmt(least)} (ratio ${(least / baseline).toFixed(2)})`);
  console.log(`  time ratio: ${ratio.toFixed(2)} (goal ≤ ${GOAL}: ${ratio <= GOAL ? "met" : "NOT met"}); memory ratio: ${(memOurs.maxRssMB / memBaseline.maxRssMB).toFixed(2)}`);
}

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-bench-"));
  try {
    const ten = path.join(dir, "generated.xlsx");
    await generated(ten);
    await measure("10,000 indicators (200 sheets × 50)", ten, dir, 5);
    const large = path.join(dir, "large-sheet.xlsx");
    await withLargeSheet(large);
    await measure("500 indicators + an unrelated 200,000-row sheet", large, dir, 3);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void run();
