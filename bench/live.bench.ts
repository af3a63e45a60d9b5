/**
 * 自動再評価: requests (syncs) per 100 pasted actuals, on the in-memory Excel. Baselines in the same
 * run: evaluating the whole workbook again after the paste (what the 評価 button does), and the same
 * 100 actuals typed one by one (100 change events).
 */
import { MemoryExcel } from "../src/adapters/memory/memoryExcel";
import { MemoryWorkbook } from "../src/adapters/memory/MemoryWorkbook";
import { OfficeWorkbookAdapter } from "../src/adapters/office/OfficeWorkbookAdapter";
import { Workbench } from "../src/app/Workbench";
import { columnName } from "../src/core/cells/address";
import { buildGeneratedKpiList } from "../seeds/generate";
import { SnapshotWorkbookBuilder } from "../seeds/layout/WorkbookBuilder";

const ROUND_TRIP_MS = 100;

async function setup() {
  const builder = new SnapshotWorkbookBuilder();
  buildGeneratedKpiList(builder, 1000);
  const book = MemoryWorkbook.fromSnapshot(builder.build());
  const excel = new MemoryExcel(book);
  const workbench = new Workbench(new OfficeWorkbookAdapter(excel, excel.requirements), () => new Date(2026, 10, 25));
  const evaluation = await workbench.evaluate();
  const cells = evaluation!.outcomes.map((o) => o.actualCell!).filter(Boolean).slice(0, 100);
  return { book, excel, workbench, cells };
}

async function settle(excel: MemoryExcel, workbench: Workbench<unknown>): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await excel.whenIdle();
    await workbench.live?.settled();
  }
}

function line(label: string, syncs: number, ms: number, updates?: number): string {
  return `  ${label.padEnd(44)} syncs ${String(syncs).padStart(4)}${updates === undefined ? "" : `  updates ${String(updates).padStart(3)}`}  time with ${ROUND_TRIP_MS} ms round trips ${((ms + syncs * ROUND_TRIP_MS) / 1000).toFixed(2)} s`;
}

export async function run(): Promise<void> {
  console.log("100 actuals pasted into a KPI list of 1,000 indicators (one block of 100 rows):");
  {
    const { book, excel, workbench, cells } = await setup();
    await workbench.setLive(true);
    excel.resetStats();
    const start = process.hrtime.bigint();
    const top = cells[0];
    book.userEntry("KPI一覧", `${columnName(top.col)}${top.row + 1}`, Array.from({ length: cells[99].row - top.row + 1 }, () => ["1 件"]));
    await settle(excel, workbench as Workbench<unknown>);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    console.log(line("自動再評価 (live)", excel.stats.syncs, ms, workbench.live!.updates));
  }
  {
    const { book, excel, workbench, cells } = await setup();
    excel.resetStats();
    const start = process.hrtime.bigint();
    const top = cells[0];
    book.userEntry("KPI一覧", `${columnName(top.col)}${top.row + 1}`, Array.from({ length: cells[99].row - top.row + 1 }, () => ["1 件"]));
    await workbench.evaluate();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    console.log(line("baseline: evaluate the workbook again", excel.stats.syncs, ms));
  }
  {
    const { book, excel, workbench, cells } = await setup();
    await workbench.setLive(true);
    excel.resetStats();
    const start = process.hrtime.bigint();
    for (const cell of cells) {
      book.userEntry("KPI一覧", `${columnName(cell.col)}${cell.row + 1}`, [["1 件"]]);
      await settle(excel, workbench as Workbench<unknown>);
    }
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    console.log(line("the same 100 typed one by one (live)", excel.stats.syncs, ms, workbench.live!.updates));
  }
}

if (require.main === module) void run();
