/**
 * `kpi-sheets evaluate` on a generated workbook of 10,000 indicators (200 事業シート × 50), next to
 * ExcelJS's own read + write of the same file in the same run (goal: ratio ≤ 1.5).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../src/cli/main";
import { buildGeneratedActionPlan } from "../seeds/generate";
import { ExcelJSWorkbookBuilder } from "../seeds/layout/WorkbookBuilder";
import { fmt, interleavedMedians } from "./timing";

const SHEETS = 200;
const PER_SHEET = 50;

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-bench-"));
  try {
    const file = path.join(dir, "generated.xlsx");
    const book = new ExcelJSWorkbookBuilder();
    buildGeneratedActionPlan(book, SHEETS, PER_SHEET);
    await book.workbook.xlsx.writeFile(file);
    const size = fs.statSync(file).size;
    console.log(`workbook: ${SHEETS} sheets × ${PER_SHEET} indicators = ${(SHEETS * PER_SHEET).toLocaleString()} indicators, ${(size / 1e6).toFixed(1)} MB`);

    const readWrite = async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
      fs.writeFileSync(path.join(dir, "copy.xlsx"), Buffer.from(await wb.xlsx.writeBuffer()));
    };
    const quiet = { line: () => {}, error: (t: string) => console.error(t), progress: () => {} };
    let code = -1;
    const cli = async () => {
      code = await main(["evaluate", file, "--year", "R7", "--out", path.join(dir, "out.xlsx")], quiet);
    };
    // Interleaved, so both see the same machine: medians of 5 after a warm-up each.
    const [baseline, evaluate] = await interleavedMedians(5, readWrite, cli);
    console.log(`ExcelJS read + write:        ${fmt(baseline)}`);
    console.log(`kpi-sheets evaluate (exit ${code}): ${fmt(evaluate)}`);
    console.log(`ratio: ${(evaluate / baseline).toFixed(2)} (goal ≤ 1.5: ${evaluate / baseline <= 1.5 ? "met" : "NOT met"})`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void run();
