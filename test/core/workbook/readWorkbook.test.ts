import { toA1 } from "../../../src/core/cells/address";
import { getPreset } from "../../../src/core/presets/builtin";
import { evaluateWorkbook } from "../../../src/core/workbook/evaluateWorkbook";
import { readWorkbook } from "../../../src/core/workbook/readWorkbook";
import type { WorkbookSnapshot } from "../../../src/core/workbook/SheetSnapshot";
import type { Indicator, WorkbookModel } from "../../../src/core/workbook/WorkbookModel";
import { writeActionSheet } from "../../../seeds/layout/actionPlan";
import { writeKpiListSheet } from "../../../seeds/layout/kpiList";
import type { LayoutVariation } from "../../../seeds/layout/variation";
import { SnapshotWorkbookBuilder } from "../../../seeds/layout/WorkbookBuilder";
import { sheetFromRows } from "../../helpers/snapshots";
import { kpiList, projects } from "./fixtures";

function actionBook(variation: LayoutVariation = {}, stacked = false, actualFy: number | null = 2025): WorkbookSnapshot {
  const book = new SnapshotWorkbookBuilder();
  if (stacked) writeActionSheet(book.sheet("事業"), projects, variation, actualFy);
  else for (const p of projects) writeActionSheet(book.sheet(`事業${p.no}`), [p], variation, actualFy);
  return book.build();
}

function cellText(book: WorkbookSnapshot, sheet: string, row: number, col: number): unknown {
  const s = book.sheets.find((x) => x.name === sheet)!;
  return s.values[row - s.origin.row]?.[col - s.origin.col] ?? null;
}

function describeIndicator(book: WorkbookSnapshot, i: Indicator) {
  return {
    project: i.projectNo,
    department: i.department,
    name: i.name,
    nameCell: toA1(i.cells.name.row, i.cells.name.col),
    target: cellText(book, i.sheet, i.cells.target!.row, i.cells.target!.col),
    targetYear: i.cells.targetPeriod && cellText(book, i.sheet, i.cells.targetPeriod.row, i.cells.targetPeriod.col),
    baseline: cellText(book, i.sheet, i.cells.baseline!.row, i.cells.baseline!.col),
    baselinePeriod: i.cells.baselinePeriod && cellText(book, i.sheet, i.cells.baselinePeriod.row, i.cells.baselinePeriod.col),
  };
}

function expectProjects(book: WorkbookSnapshot, model: WorkbookModel, fullWidth = false) {
  const digits = (s: string) => (fullWidth ? s.replace(/[0-9.,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : s);
  expect(model.indicators.map((i) => describeIndicator(book, i))).toEqual([
    expect.objectContaining({ project: "12", department: "産業振興課", name: "寄附件数", target: digits("2,000 件"), targetYear: digits("R12.3"), baseline: digits("1,274 件"), baselinePeriod: digits("R6.3") }),
    expect.objectContaining({ project: "12", name: "返礼品目数", target: digits("350 品目"), baseline: digits("266 品目") }),
    expect.objectContaining({ project: "5", department: "企画調整課", name: "モニタリングによる評価 C 以下の施設数", target: digits("0施設") }),
  ]);
  expect(model.noIndicator).toEqual([
    expect.objectContaining({ projectNo: "4", reason: expect.stringContaining("定量的な指標を設定できない理由") }),
  ]);
}

describe("action-plan sheets (事業シート)", () => {
  test("one project per sheet: every indicator with its cells, project and department", () => {
    const book = actionBook();
    const model = readWorkbook(book);
    expectProjects(book, model);
    const first = model.indicators[0];
    expect(first.sheet).toBe("事業12");
    // Title row, blank row, then the block: 事業番号 at row 3, schedule of two rows, 指標 header at row 10.
    expect(toA1(first.row, first.cells.name.col)).toBe("B11");
    expect(model.sheets.map((s) => [s.name, s.kind, s.indicators])).toEqual([
      ["事業12", "action-plan", 2],
      ["事業5", "action-plan", 1],
      ["事業4", "action-plan", 0],
    ]);
    const table = model.tables.find((t) => t.sheet === "事業12")!;
    expect(table.yearColumns).toEqual([{ kind: "actual", fy: 2025, col: 6, header: "R7実績" }]);
  });

  test("blocks stacked on one sheet", () => {
    const book = actionBook({}, true);
    const model = readWorkbook(book);
    expectProjects(book, model);
    expect(new Set(model.indicators.map((i) => i.sheet))).toEqual(new Set(["事業"]));
    expect(model.tables).toHaveLength(3);
  });

  test("tables starting in column B, lower down", () => {
    const book = actionBook({ startCol: 1, startRow: 4 });
    const model = readWorkbook(book);
    expectProjects(book, model);
    expect(model.indicators[0].cells.name.col).toBe(2);
  });

  test("unmerged cells", () => {
    const book = actionBook({ merged: false });
    expect(book.sheets[0].merges).toEqual([]);
    expectProjects(book, readWorkbook(book));
  });

  test("full-width digits", () => {
    const book = actionBook({ fullWidth: true });
    expectProjects(book, readWorkbook(book), true);
  });

  test("令和7年度実績 instead of R7実績", () => {
    const book = actionBook({ actualHeader: () => "令和7年度実績" });
    const model = readWorkbook(book);
    expectProjects(book, model);
    expect(model.tables[0].yearColumns).toEqual([{ kind: "actual", fy: 2025, col: 6, header: "令和7年度実績" }]);
  });

  test("a 指標 label without a header is reported with its sheet and cell, not guessed", () => {
    const book = { sheets: [sheetFromRows("事業9", [["事業番号", "9"], ["事業名", "テスト"], ["指標", "寄附件数", "2,000 件"]])] };
    const model = readWorkbook(book);
    expect(model.indicators).toEqual([]);
    expect(model.diagnostics).toContainEqual(expect.objectContaining({ severity: "error", code: "table-without-header", sheet: "事業9", cell: "A3" }));
  });

  test("duplicate names in one project are reported", () => {
    const book = {
      sheets: [
        sheetFromRows("事業1", [
          ["事業番号", "1"],
          ["事業名", "市民参加"],
          ["指標", "項目", "目標値", null, "実績値", null],
          [null, "参加人数", "100人", "R11年度", "50人", "R6年度"],
          [null, "参加人数", "120人", "R11年度", "60人", "R6年度"],
          ["その他"],
        ]),
      ],
    };
    const model = readWorkbook(book);
    expect(model.indicators).toHaveLength(2);
    expect(model.diagnostics).toContainEqual(expect.objectContaining({ code: "duplicate-indicator", sheet: "事業1", cell: "B5" }));
    expect(new Set(model.indicators.map((i) => i.key)).size).toBe(2);
  });

  test("a target without a year is flagged at its cell", () => {
    const book = actionBook();
    const model = readWorkbook(book);
    // 事業5: 0施設 with "—" as its year.
    expect(model.diagnostics).toContainEqual(expect.objectContaining({ code: "target-without-year", sheet: "事業5", severity: "warning" }));
  });
});

describe("KPI lists (一覧)", () => {
  function listBook(variation: LayoutVariation = {}): WorkbookSnapshot {
    const book = new SnapshotWorkbookBuilder();
    writeKpiListSheet(book.sheet("KPI"), kpiList, variation, () => "令和元年度実績");
    return book.build();
  }

  test("several tables with titles and notes; header periods read", () => {
    const model = readWorkbook(listBook());
    expect(model.sheets).toEqual([{ name: "KPI", kind: "kpi-list", tables: 2, projects: 0, indicators: 3 }]);
    expect(model.indicators.map((i) => i.name)).toEqual(["保育園待機児童数", "社会増減数", "市内事業所数"]);
    expect(model.tables[0].headerTargetFy).toBe(2019);
    expect(model.tables[0].yearColumns).toEqual([{ kind: "actual", fy: 2019, col: 3, header: "令和元年度実績" }]);
    expect(model.indicators[0].raw.baseline).toEqual({ value: "45人", numberFormat: "General" });
    expect(model.indicators[0].raw.targetPeriod).toEqual({ value: "2019年度" });
  });

  test("starting in column B with full-width digits", () => {
    const model = readWorkbook(listBook({ startCol: 1, fullWidth: true }));
    expect(model.indicators.map((i) => [i.name, i.raw.baseline?.value])).toEqual([
      ["保育園待機児童数", "４５人"],
      ["社会増減数", "－１３ 人"],
      ["市内事業所数", "２，１２０事業所"],
    ]);
  });

  test("unit and direction columns; unknown columns ignored", () => {
    const book = {
      sheets: [
        sheetFromRows("一覧", [
          ["総合戦略 KPI"],
          [],
          ["施策", "指標名", "単位", "方向", "現状値（令和元年度）", "目標値（2027年度）", "出典", "R7実績"],
          ["子育て", "保育園待機児童数", "人", "減少を目指す", 45, 20, "保育課", 30],
        ]),
      ],
    };
    const model = readWorkbook(book);
    expect(model.indicators).toHaveLength(1);
    const [i] = model.indicators;
    expect(i.raw.unit?.value).toBe("人");
    expect(i.raw.direction?.value).toBe("減少を目指す");
    expect(i.raw.targetPeriod).toEqual({ value: "2027年度" });
    expect(i.raw.baselinePeriod).toEqual({ value: "2019年度" });
    expect(model.tables[0].yearColumns).toEqual([{ kind: "actual", fy: 2025, col: 7, header: "R7実績" }]);
  });

  test("a sheet with neither layout is left alone and listed as such", () => {
    const model = readWorkbook({ sheets: [sheetFromRows("メモ", [["会議メモ"], ["来週までに各課へ依頼"]])] });
    expect(model.sheets).toEqual([{ name: "メモ", kind: "none", tables: 0, projects: 0, indicators: 0 }]);
    expect(model.diagnostics).toEqual([]);
  });

  test("the project list sheet (事業番号 | 事業名 | 担当課) holds no indicators", () => {
    const model = readWorkbook({ sheets: [sheetFromRows("一覧", [["事業番号", "事業名", "担当課"], [1, "市民参加のあり方の追求", "企画調整課"]])] });
    expect(model.sheets[0].kind).toBe("none");
  });
});

describe("saying why a table or an indicator cannot be graded", () => {
  const standardR7 = { year: 2025, preset: getPreset("standard")! };

  test("a table without a target column: one warning naming its header row; its indicators say so", () => {
    const model = readWorkbook({ sheets: [sheetFromRows("一覧", [["指標名", "基準値", "R7実績"], ["来館者数", "1,000人", "1,100人"], ["相談件数", "50件", "55件"]])] });
    const warnings = model.diagnostics.filter((d) => d.code === "table-without-target");
    expect(warnings).toEqual([expect.objectContaining({ severity: "warning", sheet: "一覧", cell: "A1", message: expect.stringContaining("1行目") })]);
    const evaluation = evaluateWorkbook(model, standardR7);
    expect(evaluation.outcomes.map((o) => [o.result.flags, o.result.explanation])).toEqual([
      [["no-target"], "評価なし: この表には目標値の列がありません"],
      [["no-target"], "評価なし: この表には目標値の列がありません"],
    ]);
  });

  test("an empty or dashed target cell is a monitoring indicator; unreadable text is an error at its cell", () => {
    const model = readWorkbook({ sheets: [sheetFromRows("一覧", [["指標名", "基準値", "目標値", "R7実績"], ["来館者数", "1,000人", "—", "1,100人"], ["相談件数", "50件", null, "55件"], ["満足度", "70%", "おおむね増加", "72%"]])] });
    const evaluation = evaluateWorkbook(model, standardR7);
    expect(evaluation.outcomes.map((o) => o.result.flags)).toEqual([["no-target", "monitoring"], ["no-target", "monitoring"], ["unreadable"]]);
    expect(model.diagnostics).toContainEqual(expect.objectContaining({ severity: "error", code: "unreadable-value", cell: "C4", message: expect.stringContaining("おおむね増加") }));
    expect(model.diagnostics.some((d) => d.code === "table-without-target")).toBe(false);
  });

  test("a header cell with 目標 / 実績 / 達成 / 評価 / 基準 that no rule reads is a warning with its text and cell", () => {
    const model = readWorkbook({ sheets: [sheetFromRows("一覧", [["指標名", "目標値", "目標達成に向けた取組", "R7実績"], ["来館者数", "1,200人", "広報の強化", "1,100人"]])] });
    expect(model.diagnostics).toContainEqual(expect.objectContaining({ severity: "warning", code: "header-not-understood", cell: "C1", message: expect.stringContaining("目標達成に向けた取組") }));
  });

  test("an actual column without a year is not read, and the user hears which", () => {
    const model = readWorkbook({ sheets: [sheetFromRows("一覧", [["指標名", "目標値", "実績値"], ["来館者数", "1,200人", "1,100人"]])] });
    expect(model.diagnostics).toContainEqual(expect.objectContaining({ severity: "warning", code: "actual-without-year", cell: "C1" }));
    expect(model.tables[0].yearColumns).toEqual([]);
  });

  test("a table found with no indicator is a warning", () => {
    const model = readWorkbook({ sheets: [sheetFromRows("一覧", [["指標名", "目標値", "R7実績"], [], ["※ 指標は来年度に設定します"]])] });
    expect(model.diagnostics).toContainEqual(expect.objectContaining({ severity: "warning", code: "table-without-indicators", cell: "A1" }));
  });
});

describe("row-wise blocks are told apart from tables that only look like them", () => {
  test("a schedule with a 区分 column and years, but no 目標値 / 実績値 rows, is no indicator table", () => {
    const model = readWorkbook({ sheets: [sheetFromRows("計画", [["取組", "区分", "R7", "R8", "R9"], ["広報の強化", "継続", "実施", "実施", "見直し"], ["相談窓口", "新規", "検討", "実施", "実施"]])] });
    expect(model.tables).toEqual([]);
    expect(model.sheets[0].kind).toBe("none");
  });
});
