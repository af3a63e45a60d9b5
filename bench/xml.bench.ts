/**
 * Reading worksheet XML: the file layer's plain reader (scanXml, which takes plain parts itself)
 * beside saxes (scanWithSaxes, the conforming parser it falls back to), both with no handlers, and
 * readSheet (the whole reading of a sheet, handlers included), on the 200 sheets of the
 * 10,000-indicator workbook, measured in the same run.
 */
import { openXlsx } from "../src/adapters/xlsx/openXlsx";
import { nodeZipCodec } from "../src/adapters/xlsx/package/nodeZipCodec";
import { readSheet } from "../src/adapters/xlsx/sheet/readSheet";
import { scanWithSaxes, scanXml } from "../src/adapters/xlsx/xml/scanXml";
import { buildGeneratedActionPlan } from "../seeds/generate";
import { ExcelJSWorkbookBuilder } from "../seeds/layout/WorkbookBuilder";
import { fmt, interleavedMedians } from "./timing";

export async function run(): Promise<void> {
  const builder = new ExcelJSWorkbookBuilder();
  buildGeneratedActionPlan(builder, 200, 50);
  const bytes = new Uint8Array(await builder.workbook.xlsx.writeBuffer());
  const opened = await openXlsx(bytes, "generated.xlsx", { codec: nodeZipCodec });
  if (!opened.ok) throw new Error(opened.message);
  const { book } = opened;
  const sheets = await Promise.all(book.parts.sheets.map(async (s) => ({ part: s.part, name: s.name, xml: await book.pkg.text(s.part) })));
  const characters = sheets.reduce((n, s) => n + s.xml.length, 0);
  const context = { strings: [], styles: null, date1904: false };
  const [saxes, plain, whole] = await interleavedMedians(
    15,
    () => sheets.forEach((s) => scanWithSaxes(s.xml, s.part, {})),
    () => sheets.forEach((s) => scanXml(s.xml, s.part, {})),
    () => sheets.forEach((s) => readSheet(s.xml, s.part, s.name, context)),
  );
  console.log(`${sheets.length} sheets, ${(characters / 1e6).toFixed(1)} M characters`);
  console.log(`  saxes, no handlers:        ${fmt(saxes).padStart(9)}`);
  console.log(`  plain reader, no handlers: ${fmt(plain).padStart(9)}   (${(plain / saxes).toFixed(2)} of saxes)`);
  console.log(`  readSheet (all of it):     ${fmt(whole).padStart(9)}`);
}
