/**
 * The small files the CLI's end-to-end cases run on, written once into a folder: a three-project
 * action plan (事業11, 12, 18 of the 武蔵野市 sample), the same with a formula actual, with a
 * protected sheet and workbook, and actuals in every encoding and shape the cases need.
 */
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import JSZip from "jszip";
import { buildMusashino } from "../../seeds/workbooks";
import { ExcelJSWorkbookBuilder } from "../../seeds/layout/WorkbookBuilder";

/** R7実績 is column G of every 事業シート; rows (1-based) of the indicators the cases use. */
export const ROWS = { 寄附件数: 13, 返礼品目数: 14, Instagram: 15, 障害者雇用率: 13 } as const;

async function sampleBook(): Promise<ExcelJS.Workbook> {
  const builder = new ExcelJSWorkbookBuilder();
  buildMusashino(builder, { only: ["11", "12", "18"] });
  return builder.workbook;
}

async function bytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * 事業12's protection with a legacy password hash (as Excel 2007 and openpyxl write it) and a
 * workbook structure lock: ExcelJS writes neither (it was protected with ExcelJS only to have the element).
 */
async function withProtection(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  zip.file("xl/workbook.xml", workbook.replace("<sheets>", '<workbookProtection workbookPassword="D81B" lockStructure="1"/><sheets>'));
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const id = /<sheet [^>]*name="事業12"[^>]*r:id="([^"]+)"/.exec(workbook)![1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1].replace(/^\/?xl\//, "");
  const sheet = await zip.file(`xl/${target}`)!.async("string");
  zip.file(`xl/${target}`, sheet.replace(/<sheetProtection[^>]*\/>/, '<sheetProtection password="CBEB" sheet="1" objects="1" scenarios="1" formatColumns="0"/>'));
  return zip.generateAsync({ type: "nodebuffer" });
}

const CSV_UTF8 = '事業番号,指標,実績値\n11,Instagram フォロワー数,"1,000 人"\n';
const TSV = "事業番号\t指標\t実績値\r\n11\tInstagram フォロワー数\t1,000 人\r\n";

/** Every file of the cases, by name. */
export async function writeCaseFiles(dir: string): Promise<void> {
  const write = (name: string, data: string | Uint8Array) => fs.writeFileSync(path.join(dir, name), data);

  write("book.xlsx", await bytes(await sampleBook()));

  const formula = await sampleBook();
  formula.getWorksheet("事業12")!.getCell(ROWS.寄附件数, 7).value = { formula: "1600+73" } as ExcelJS.CellFormulaValue;
  write("formula.xlsx", await bytes(formula));

  const unreadable = await sampleBook();
  unreadable.getWorksheet("事業12")!.getCell(ROWS.寄附件数, 3).value = "二千件くらい";
  write("errors.xlsx", await bytes(unreadable));

  const locked = await sampleBook();
  await locked.getWorksheet("事業12")!.protect("secret", { selectLockedCells: true, selectUnlockedCells: true });
  write("protected.xlsx", await withProtection(await bytes(locked)));

  const memo = new ExcelJS.Workbook();
  memo.addWorksheet("メモ").getCell("A1").value = "会議メモ";
  write("memo.xlsx", await bytes(memo));
  const book = fs.readFileSync(path.join(dir, "book.xlsx"));
  write("truncated.xlsx", book.subarray(0, Math.floor(book.length / 2)));
  write("empty.xlsx", "");
  const damaged = await JSZip.loadAsync(book);
  damaged.file("xl/worksheets/sheet2.xml", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"></row></sheetData></worksheet>");
  write("damaged.xlsx", await damaged.generateAsync({ type: "nodebuffer" }));
  write("text.xlsx", "not a workbook");

  write("r7.csv", CSV_UTF8);
  write("sjis.csv", iconv.encode(CSV_UTF8, "cp932"));
  write("unicode.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TSV, "utf16le")]));
  write("utf16be.txt", Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TSV, "utf16be")]));
  write("euc.csv", iconv.encode(CSV_UTF8, "euc-jp"));
  write("stray.csv", Buffer.concat([Buffer.from("事業番号,指標,実績値\n11,Instagram フォロワー"), Buffer.from([0xff]), Buffer.from('数,"1,000 人"\n')]));
  write("newline.csv", '事業番号,指標,実績値\n11,Instagram フォロワー数,"2\n3"\n');
  write("comma.csv", "事業番号,指標,実績値\n11,Instagram フォロワー数,1,234\n");
  write("years.csv", "事業番号,指標,実績値R6,実績値R7\n11,Instagram フォロワー数,800 人,\"1,000 人\"\n");
  write("r6.csv", "事業番号,指標,R6実績\n11,Instagram フォロワー数,800 人\n");
  write("unit.csv", "事業番号,指標,実績値\n11,Instagram フォロワー数,50%\n");
  write("kifu.csv", "事業番号,指標,実績値\n12,寄附件数,\"1,700 件\"\n");
  write("projectno.csv", "事業番号,指標,実績値\n事業11,Instagram フォロワー数,\"1,000 人\"\n012,寄附件数,1673\n24,障害者雇用率,3.1%\n");
  write("formula-text.csv", "事業番号,指標,実績値\n11,Instagram フォロワー数,=1+1\n");
  write("long.csv", `事業番号,指標,実績値\n11,Instagram フォロワー数,${"あ".repeat(32_768)}\n,${"名".repeat(1000)},1\n`);
  write("many.csv", `指標,実績値\n${Array.from({ length: 1000 }, (_, i) => `存在しない指標${i},${i}`).join("\n")}\n`);
  write("empty.csv", "");
  write("preset-bom.json", `\ufeff${JSON.stringify({ id: "city", method: "standard", name: "市の基準", achievedLabel: "A", bands: [{ min: 0.8, label: "B" }], below: "C" })}`);
  write("broken.json", '{\n  "id": "city",\n  "method": }\n');
  write("layout.json", "{}\n");
  write("notes.txt", "a file, not a folder\n");
  fs.mkdirSync(path.join(dir, "sub"));
}
