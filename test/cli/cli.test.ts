/**
 * kpi-sheets end to end on the sample workbooks: exit codes, the JSON report, the cells written,
 * and every other cell unchanged, compared cell by cell. Refusals and hostile inputs: cases.test.ts.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import JSZip from "jszip";
import { exceljsSnapshot } from "../helpers/xlsxFiles";
import { ReportSchema } from "../../src/app/report";
import { main } from "../../src/cli/main";
import type { WorkbookSnapshot } from "../../src/core/workbook/SheetSnapshot";

const ROOT = path.join(__dirname, "../..");
const MUSASHINO = path.join(ROOT, "seeds/musashino-action-plan.xlsx");
const KIYOSE = path.join(ROOT, "seeds/kiyose-kpi-list.xlsx");

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-sheets-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, { line: (t) => stdout.push(t), error: (t) => stderr.push(t), progress: (t) => stderr.push(t) });
  return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}

function copy(file: string): string {
  const target = path.join(dir, path.basename(file));
  fs.copyFileSync(file, target);
  return target;
}

async function snapshot(file: string): Promise<WorkbookSnapshot> {
  return (await exceljsSnapshot(fs.readFileSync(file))).snapshot;
}

/** Every cell that differs between two snapshots, as "sheet!row,col". */
function changedCells(before: WorkbookSnapshot, after: WorkbookSnapshot): string[] {
  const cells = (book: WorkbookSnapshot) => {
    const map = new Map<string, string>();
    for (const s of book.sheets) {
      s.values.forEach((line, r) => line.forEach((v, c) => {
        if (v !== null) map.set(`${s.name}!${s.origin.row + r},${s.origin.col + c}`, JSON.stringify([v, s.numberFormats[r][c], s.formulas?.[r][c] ?? null]));
      }));
    }
    return map;
  };
  const a = cells(before);
  const b = cells(after);
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
}

describe("evaluate", () => {
  test("writes rates and grades beside R7実績, reports them, and changes nothing else", async () => {
    const book = copy(MUSASHINO);
    const json = path.join(dir, "report.json");
    const { code, stdout } = await run("evaluate", book, "--year", "R7", "--json", json);
    expect([0, 2]).toContain(code);
    const out = book.replace(/\.xlsx$/, ".evaluated.xlsx");
    expect(stdout).toContain(`出力: ${out}`);
    expect(stdout).toContain("評価（R7、達成率（実績÷目標））: 評価対象 29（A 10・B 12・C 1・D 1・未入力 3・参照値なし 2）／目標なし（モニタリング）35");
    expect(stdout).toContain("R7実績の未入力: 12件（評価対象 3・モニタリング 9、担当課別）");
    const report = ReportSchema.parse(JSON.parse(fs.readFileSync(json, "utf8")));
    expect(report.year).toBe(2025);
    expect(report.preset).toBe("standard");
    const kifu = report.indicators.find((i) => i.name === "寄附件数")!;
    expect(kifu).toMatchObject({ sheet: "事業12", projectNo: "12", department: "産業振興課", unit: "件", direction: "up", baseline: 1274, target: 2000 });
    expect(code).toBe(report.diagnostics.some((d) => d.severity === "error") ? 2 : 0);

    const before = await snapshot(book);
    const after = await snapshot(out);
    const changed = changedCells(before, after);
    // Only the new R7達成率 / R7評価 columns (H and I of each 事業シート) change.
    expect(changed.length).toBeGreaterThan(0);
    for (const key of changed) expect(key).toMatch(/^事業\d+!\d+,(7|8)$/);
    const sheet = after.sheets.find((s) => s.name === "事業12")!;
    const row = kifu.row - 1 - sheet.origin.row;
    expect(sheet.values[row][8 - sheet.origin.col]).toBe(kifu.grade);
    expect(sheet.values[row][7 - sheet.origin.col]).toBe(kifu.rate === null ? null : Math.round(kifu.rate * 1e6) / 1e6);
    // A monitoring indicator (no target) shows its trend instead of "−".
    const pubcome = report.indicators.find((i) => i.name === "計画等策定時におけるパブコメの意見数")!;
    const sheet1 = after.sheets.find((s) => s.name === "事業1")!;
    expect(sheet1.values[pubcome.row - 1 - sheet1.origin.row][8 - sheet1.origin.col]).toBe("↘ 減少");
    // The input file is never overwritten.
    expect(fs.readFileSync(book)).toEqual(fs.readFileSync(MUSASHINO));
  });

  test("running it again on its own output changes nothing", async () => {
    const book = copy(MUSASHINO);
    await run("evaluate", book, "--year", "R7");
    const once = book.replace(/\.xlsx$/, ".evaluated.xlsx");
    const twice = path.join(dir, "twice.xlsx");
    await run("evaluate", once, "--year", "R7", "--out", twice);
    expect(changedCells(await snapshot(once), await snapshot(twice))).toEqual([]);
  });

  test("progress preset with plan start and a reference value", async () => {
    const book = copy(MUSASHINO);
    const json = path.join(dir, "r.json");
    await run("evaluate", book, "--year", "令和7年度", "--preset", "progress", "--plan-start", "R7", "--ref", "法定雇用率=2.5%", "--json", json);
    const report = ReportSchema.parse(JSON.parse(fs.readFileSync(json, "utf8")));
    expect(report.preset).toBe("progress");
    const employment = report.indicators.find((i) => i.name === "障害者雇用率")!;
    expect(employment.flags).not.toContain("reference-missing");
  });
});

describe("fill", () => {
  function csv(name: string, text: string, encoding: "utf8" | "cp932" = "utf8"): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, encoding === "utf8" ? text : iconv.encode(text, "cp932"));
    return file;
  }

  test("Shift_JIS CSV: new values written, a conflict kept, an unknown name reported (exit 2)", async () => {
    const book = copy(KIYOSE);
    const before = await snapshot(book);
    const actuals = csv("r1.csv", "指標,実績値\n身近な生活環境に満足している人の割合,53.9%\n保育園待機児童数,28 人\n存在しない指標,1\n", "cp932");
    const json = path.join(dir, "fill.json");
    const { code, stdout } = await run("fill", book, "--year", "2019", "--actuals", actuals, "--json", json);
    expect(code).toBe(2);
    expect(stdout).toMatch(/新規 1/);
    expect(stdout).toMatch(/競合（未変更） 1/);
    expect(stdout).toMatch(/該当なし 1/);
    const report = ReportSchema.parse(JSON.parse(fs.readFileSync(json, "utf8")));
    expect(report.fill?.map((f) => f.status)).toEqual(["new", "conflict", "unmatched"]);
    const out = book.replace(/\.xlsx$/, ".filled.xlsx");
    const after = await snapshot(out);
    const changed = changedCells(before, after);
    expect(changed).toHaveLength(1);
    const [sheetName, pos] = changed[0].split("!");
    const [r, c] = pos.split(",").map(Number);
    const sheet = after.sheets.find((s) => s.name === sheetName)!;
    expect(sheet.values[r - sheet.origin.row][c - sheet.origin.col]).toBe(0.539);
    expect(sheet.numberFormats[r - sheet.origin.row][c - sheet.origin.col]).toBe("0.0%");
  });

  test("--overwrite replaces the conflicting value (exit 0)", async () => {
    const book = copy(KIYOSE);
    const actuals = csv("r1.csv", "指標,実績値\n保育園待機児童数,28 人\n");
    const { code } = await run("fill", book, "--year", "R1", "--actuals", actuals, "--overwrite", "--out", path.join(dir, "o.xlsx"));
    expect(code).toBe(0);
    const after = await snapshot(path.join(dir, "o.xlsx"));
    expect(JSON.stringify(after)).toContain('"28 人"');
  });

  test("an ambiguous name is reported, not guessed; a formula-looking value stays text", async () => {
    const book = copy(MUSASHINO);
    const actuals = csv("r7.csv", "事業番号,指標,実績値\n,Instagram フォロワー数,1200 人\n12,返礼品目数,=1+1\n");
    const json = path.join(dir, "f.json");
    const { code } = await run("fill", book, "--year", "R7", "--actuals", actuals, "--overwrite", "--json", json);
    expect(code).toBe(2);
    const report = ReportSchema.parse(JSON.parse(fs.readFileSync(json, "utf8")));
    expect(report.fill?.[0]).toMatchObject({ status: "ambiguous" });
    const out = await snapshot(book.replace(/\.xlsx$/, ".filled.xlsx"));
    const sheet = out.sheets.find((s) => s.name === "事業12")!;
    const r = sheet.values.findIndex((line) => line.includes("返礼品目数"));
    expect(sheet.values[r][6 - sheet.origin.col]).toBe("=1+1");
    expect(sheet.formulas?.[r][6 - sheet.origin.col]).toBeNull();
  });
});

describe("refusals and exit codes", () => {
  test("a workbook with a chart is written, the chart kept byte for byte", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(MUSASHINO));
    zip.file("xl/charts/chart1.xml", "<c:chartSpace/>");
    const file = path.join(dir, "chart.xlsx");
    fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
    const result = await run("evaluate", file, "--year", "R7");
    expect([0, 2]).toContain(result.code);
    const out = await JSZip.loadAsync(fs.readFileSync(path.join(dir, "chart.evaluated.xlsx")));
    expect(await out.file("xl/charts/chart1.xml")!.async("string")).toBe("<c:chartSpace/>");
  });

});

test("the bin runs with node right after npm ci, with no build step", () => {
  const result = spawnSync(process.execPath, [path.join(ROOT, "bin/kpi-sheets.js"), "check", MUSASHINO], { encoding: "utf8" });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/事業シート 46/);
});
