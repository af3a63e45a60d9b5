import { MemoryExcel } from "../../src/adapters/memory/memoryExcel";
import { MemoryWorkbook } from "../../src/adapters/memory/MemoryWorkbook";
import { OfficeWorkbookAdapter } from "../../src/adapters/office/OfficeWorkbookAdapter";
import { Workbench } from "../../src/app/Workbench";
import { buildMusashino } from "../../seeds/workbooks";
import { SnapshotWorkbookBuilder } from "../../seeds/layout/WorkbookBuilder";

/** The 武蔵野市 sample in the in-memory Excel, with the task pane's Workbench on it (today: 2026-11-25). */
export function musashinoWorkbench(book?: MemoryWorkbook): { book: MemoryWorkbook; excel: MemoryExcel; workbench: Workbench<unknown> } {
  let memory = book;
  if (!memory) {
    const builder = new SnapshotWorkbookBuilder();
    buildMusashino(builder);
    memory = MemoryWorkbook.fromSnapshot(builder.build());
  }
  const excel = new MemoryExcel(memory);
  const workbench = new Workbench(new OfficeWorkbookAdapter(excel, excel.requirements), () => new Date(2026, 10, 25)) as Workbench<unknown>;
  return { book: memory, excel, workbench };
}
