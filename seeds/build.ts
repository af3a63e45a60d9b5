/**
 * `npm run seeds`: writes the sample workbooks in seeds/ from the data transcribed from the seed
 * documents (seeds/data). Reproducible: the same data gives the same cells.
 */
import path from "node:path";
import { ExcelJSWorkbookBuilder } from "./layout/WorkbookBuilder";
import { buildKpiList, buildMusashino, KPI_WORKBOOKS, LAYOUT_WORKBOOKS } from "./workbooks";

export const MUSASHINO_FILE = "musashino-action-plan.xlsx";

async function main(): Promise<void> {
  const dir = __dirname;
  const musashino = new ExcelJSWorkbookBuilder();
  buildMusashino(musashino);
  await musashino.workbook.xlsx.writeFile(path.join(dir, MUSASHINO_FILE));
  console.log(`seeds/${MUSASHINO_FILE}`);
  for (const entry of KPI_WORKBOOKS) {
    const book = new ExcelJSWorkbookBuilder();
    buildKpiList(book, entry);
    await book.workbook.xlsx.writeFile(path.join(dir, entry.file));
    console.log(`seeds/${entry.file}`);
  }
  for (const entry of LAYOUT_WORKBOOKS) {
    const book = new ExcelJSWorkbookBuilder();
    entry.build(book);
    await book.workbook.xlsx.writeFile(path.join(dir, entry.file));
    console.log(`seeds/${entry.file}`);
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
