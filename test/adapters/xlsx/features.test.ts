/**
 * `evaluate` and `fill` on workbooks full of what users draw and add (charts, pivot tables, shapes,
 * pictures, macros, notes, validation, conditional formats, names, print titles, hyperlinks), made
 * by LibreOffice and openpyxl: every zip entry is compared before and after, and readers we did not
 * write (openpyxl, LibreOffice) read back every value, rate and grade we wrote.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { openXlsx } from "../../../src/adapters/xlsx/openXlsx";
import { isType, parseRelationships, relsPartOf, resolveTarget } from "../../../src/adapters/xlsx/package/relationships";
import { ReportSchema } from "../../../src/app/report";
import { main } from "../../../src/cli/main";
import { readerAvailable, readWithLibreOffice, readWithOpenpyxl } from "../../helpers/externalReaders";

jest.setTimeout(120_000);

const FIXTURES = path.join(__dirname, "../../fixtures/xlsx");
const BOOKS = ["libreoffice-features.xlsm", "openpyxl-features.xlsx"];

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-features-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const quiet = { line: () => {}, error: () => {}, progress: () => {} };

async function entries(file: string): Promise<[string, Buffer][]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  return Promise.all(names.map(async (n) => [n, await zip.file(n)!.async("nodebuffer")] as [string, Buffer]));
}

/** The parts a write to sheet 事業1 may change: its XML and relationships, its notes' parts, styles, strings, content types. */
async function mayChange(file: string): Promise<Set<string>> {
  const opened = await openXlsx(fs.readFileSync(file), file);
  if (!opened.ok) throw new Error(opened.message);
  const { pkg, parts } = opened.book;
  const sheet = parts.sheets.find((s) => s.name === "事業1")!.part;
  const rels = parseRelationships(await pkg.text(relsPartOf(sheet)), relsPartOf(sheet));
  const notes = rels.filter((r) => isType(r, "comments") || isType(r, "vmlDrawing")).map((r) => resolveTarget(sheet, r.target));
  return new Set([sheet, relsPartOf(sheet), ...notes, parts.styles.part!, "[Content_Types].xml", ...(parts.strings.part ? [parts.strings.part] : [])].map((p) => pkg.entry(p) ?? p));
}

async function runCli(...argv: string[]): Promise<number> {
  return main(argv, quiet);
}

describe.each(BOOKS)("%s", (name) => {
  const input = () => path.join(dir, name);
  const ext = path.extname(name);
  const evaluated = () => path.join(dir, name.replace(ext, `.evaluated${ext}`));
  const filled = () => path.join(dir, name.replace(ext, `.filled${ext}`));
  let original: Buffer;

  beforeAll(async () => {
    fs.copyFileSync(path.join(FIXTURES, name), input());
    original = fs.readFileSync(input());
    expect(await runCli("evaluate", input(), "--year", "R7", "--json", path.join(dir, `${name}.json`))).toBe(0);
    const csv = path.join(dir, `${name}.csv`);
    fs.writeFileSync(csv, "事業番号,指標,実績値\n1,返礼品目数,301 品目\n");
    expect(await runCli("fill", input(), "--year", "R7", "--actuals", csv)).toBe(0);
  });

  test("the input is untouched, and the output keeps its extension", () => {
    expect(fs.readFileSync(input()).equals(original)).toBe(true);
    expect(fs.existsSync(evaluated())).toBe(true);
    expect(fs.existsSync(filled())).toBe(true);
  });

  test.each(["evaluated", "filled"])("%s: every zip entry is kept in order, byte for byte, but the written sheet's parts, styles and strings", async (which) => {
    const output = which === "evaluated" ? evaluated() : filled();
    const before = await entries(input());
    const after = await entries(output);
    const allowed = await mayChange(input());
    // Entries keep their order; new ones (none here: the sheet already has notes) could only follow.
    expect(after.map(([n]) => n).slice(0, before.length)).toEqual(before.map(([n]) => n));
    expect(after.length).toBe(before.length);
    const changed = after.filter(([, bytes], i) => !bytes.equals(before[i][1])).map(([n]) => n);
    expect(changed.length).toBeGreaterThan(0);
    for (const n of changed) expect([n, allowed.has(n)]).toEqual([n, true]);
    for (const kept of ["xl/charts/chart1.xml", "xl/pivotTables/pivotTable1.xml", "xl/drawings/drawing1.xml", "xl/vbaProject.bin", "xl/media/image1.png", "xl/workbook.xml"]) {
      if (before.some(([n]) => n === kept)) expect([kept, changed.includes(kept)]).toEqual([kept, false]);
    }
    if (ext === ".xlsm") {
      const types = after.find(([n]) => n === "[Content_Types].xml")![1].toString("utf8");
      expect(types).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    }
  });

  test("openpyxl reads every value we wrote, the rates, the grades and the note", () => {
    if (!readerAvailable("openpyxl")) return;
    const report = ReportSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), "utf8")));
    const sheet = readWithOpenpyxl(evaluated())["事業1"];
    expect(sheet.H4.value).toBe("R7達成率");
    expect(sheet.I4.value).toBe("R7評価");
    for (const indicator of report.indicators) {
      const row = indicator.row;
      expect([row, sheet[`I${row}`].value]).toEqual([row, indicator.grade]);
      if (indicator.rate !== null) expect(sheet[`H${row}`].value).toBeCloseTo(indicator.rate, 6);
    }
    expect(report.indicators.map((i) => i.grade)).toEqual(["B", "−", expect.any(String)]);
    expect(sheet.I6.comment).toContain("実績値がありません");
    expect(sheet.B5.comment).toContain("寄附の件数");
    const filledSheet = readWithOpenpyxl(filled())["事業1"];
    expect(filledSheet.G6.value).toBe("301 品目");
    // Everything else of every sheet reads as before.
    const before = readWithOpenpyxl(input());
    const after = readWithOpenpyxl(evaluated());
    for (const [sheetName, cells] of Object.entries(before)) {
      for (const [a1, cell] of Object.entries(cells)) expect([sheetName, a1, after[sheetName][a1]?.value]).toEqual([sheetName, a1, cell.value]);
    }
  });

  test("LibreOffice reads the rates and grades we wrote", () => {
    if (!readerAvailable("soffice")) return;
    const rows = readWithLibreOffice(evaluated());
    expect(rows[3].slice(6, 9)).toEqual(["R7実績", "R7達成率", "R7評価"]);
    expect(rows[4].slice(7, 9)).toEqual(["83.7%", "B"]);
    expect(rows[5][8]).toBe("−");
    expect(rows[4][1]).toBe("寄附件数");
  });
});
