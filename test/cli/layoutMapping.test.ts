/**
 * `--layout mapping.json`: tables a person set by hand (exported from the task pane) make a sheet
 * the reader cannot understand usable from the command line; `check --json` lists every table
 * with the role read for each column.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ReportSchema } from "../../src/app/report";
import type { LayoutMapping } from "../../src/core/layouts/layoutMapping";
import { cli, readXlsx, xlsxFile } from "../helpers/hosts";

const ROWS = [
  ["施策の指標", "当初", "最終年度の数値", "令和7年度の結果"],
  ["市民活動団体数", "120団体", "150団体", "138団体"],
  ["ボランティア登録者数", "800人", "1,000人", "760人"],
];

const MAPPING: LayoutMapping = {
  version: 1,
  tables: [
    {
      sheet: "独自様式",
      headerTop: 1,
      headerBottom: 1,
      layout: "kpi-list",
      columns: [
        { column: "A", role: "name", year: null },
        { column: "B", role: "baseline", year: null },
        { column: "C", role: "target", year: 2029 },
        { column: "D", role: "actual", year: 2025 },
      ],
    },
  ],
};

async function book() {
  return xlsxFile((b) => {
    const sheet = b.sheet("独自様式");
    ROWS.forEach((row, r) => row.forEach((v, c) => sheet.set(r, c, v, r === 0 ? "header" : "value")));
  });
}

test("a sheet no rule reads is refused; with the mapping it is evaluated, and the tables are reported as set by hand", async () => {
  const { dir, file } = await book();
  try {
    const refused = await cli("evaluate", file, "--year", "R7");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("KPIシートが見つかりません");

    const mappingFile = path.join(dir, "mapping.json");
    fs.writeFileSync(mappingFile, JSON.stringify(MAPPING));
    const out = path.join(dir, "out.xlsx");
    const json = path.join(dir, "report.json");
    const done = await cli("evaluate", file, "--year", "R7", "--layout", mappingFile, "--out", out, "--json", json);
    expect(done.stderr).toBe("");
    expect(done.stdout).toContain("表: 独自様式 1行目（KPI一覧、手動で指定）");
    const report = ReportSchema.parse(JSON.parse(fs.readFileSync(json, "utf8")));
    // 138 ÷ 150 = 92 %: B; 760 ÷ 1,000 = 76 %: C.
    expect(report.indicators.map((i) => [i.name, i.grade])).toEqual([["市民活動団体数", "B"], ["ボランティア登録者数", "C"]]);
    expect(report.tables).toEqual([expect.objectContaining({ sheet: "独自様式", source: "mapped", headerRows: [1], indicators: 2 })]);
    const written = await readXlsx(out);
    expect(written.sheets[0].values[0].slice(4)).toEqual(["R7達成率", "R7評価"]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("check --json lists each table's roles, read from a two-row header", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-check-"));
  try {
    const json = path.join(dir, "report.json");
    const done = await cli("check", path.join(__dirname, "../../seeds/musashino-two-row-headers.xlsx"), "--json", json);
    expect(done.code).toBe(0);
    const report = ReportSchema.parse(JSON.parse(fs.readFileSync(json, "utf8")));
    expect(report.tables.map((t) => [t.sheet, t.headerRows, t.source])).toEqual([["目標値・実績値", [3, 4], "detected"], ["年度別評価", [3, 4], "detected"]]);
    expect(report.tables[1].columns.slice(0, 5)).toEqual([
      { column: "A", header: "指標", role: "name", year: null },
      { column: "B", header: "令和7年度 / 目標", role: "target", year: 2025 },
      { column: "C", header: "令和7年度 / 実績", role: "actual", year: 2025 },
      { column: "D", header: "令和7年度 / 達成率", role: "rate", year: 2025 },
      { column: "E", header: "令和7年度 / 評価", role: "grade", year: 2025 },
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a mapping file that is not valid is refused with the faulty field named, nothing written", async () => {
  const { dir, file } = await book();
  try {
    const bad = path.join(dir, "bad.json");
    fs.writeFileSync(bad, JSON.stringify({ version: 1, tables: [{ ...MAPPING.tables[0], columns: [{ column: "B", role: "baseline", year: null }] }] }));
    const out = path.join(dir, "out.xlsx");
    const result = await cli("evaluate", file, "--year", "R7", "--layout", bad, "--out", out);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("指標名の列が必要です");
    expect(fs.existsSync(out)).toBe(false);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
