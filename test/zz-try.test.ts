import { readWorkbook } from "../src/core/workbook/readWorkbook";
import { planEvaluate } from "../src/core/plans/planEvaluate";
import { getPreset } from "../src/core/presets/builtin";
import { sheetFromRows } from "../test/helpers/snapshots";
import { toA1 } from "../src/core/cells/address";

function show(book: any, year = 2025) {
  const model = readWorkbook(book);
  const ev = planEvaluate(model, { year, preset: getPreset("standard")! });
  return {
    tables: model.tables.map((t) => ({ id: t.id, layout: t.layout, top: t.headerTop, row: t.headerRow, last: t.lastRow, roles: t.roles.map((r) => `${toA1(0, r.col).replace(/\d+/, "")}:${r.role}${r.fy ?? ""}:${r.header}`) })),
    ind: ev.evaluation.outcomes.map((o) => `${o.indicator.name} T=${o.result.target} A=${o.result.actual} ${o.result.grade} ${o.result.explanation}`),
    diag: [...model.diagnostics, ...ev.evaluation.diagnostics].map((d) => `${d.severity} ${d.code} ${d.cell} ${d.message}`),
    writes: ev.plan.writes.map((w) => `${toA1(w.row, w.col)}=${w.value}`),
  };
}
test("per-year", () => {
  console.log(JSON.stringify(show({ sheets: [sheetFromRows("KPI", [
    ["指標名", "基準値", "R7目標", "R8目標", "R9目標", "R7実績", "R8実績"],
    ["来館者数", "1000人", "1100人", "1200人", "1300人", 1150, null],
    ["相談件数", "50件", "60件", "70件", "80件", "55件", "72件"],
  ])] }), null, 1));
});
test("two-row group over years", () => {
  console.log(JSON.stringify(show({ sheets: [sheetFromRows("KPI", [
    ["指標名", "基準値", "目標値", null, "実績値", null],
    [null, null, "R7", "R11", "R6", "R7"],
    ["来館者数", "1000人", "1100人", "1500人", "1050人", "1200人"],
  ], { merges: [{ top: 0, left: 0, bottom: 1, right: 0 }, { top: 0, left: 2, bottom: 0, right: 3 }] })] }), null, 1));
});
test("year over triplet", () => {
  console.log(JSON.stringify(show({ sheets: [sheetFromRows("KPI", [
    ["指標", "令和7年度", null, null, "令和8年度", null, null, null],
    [null, "目標", "実績", "達成率", "目標", "実績", "達成率", "評価"],
    ["来館者数", "1100人", "1200人", null, "1200人", null, null, null],
  ])] }), null, 1));
});
test("row-wise", () => {
  console.log(JSON.stringify(show({ sheets: [sheetFromRows("評価シート", [
    ["事務事業評価シート"],
    [],
    ["指標名", "単位", "区分", "R5年度", "R6年度", "R7年度", "R8年度"],
    ["来館者数", "人", "目標値", 1000, 1100, 1200, 1300],
    [null, null, "実績値", 950, 1120, 1250, null],
    [null, null, "達成率", null, null, null, null],
    ["相談件数", "件", "目標値", 50, 60, 70, 80],
    [null, null, "実績値", 40, 61, null, null],
    [null, null, "達成度", null, null, null, null],
  ], { merges: [{ top: 3, left: 0, bottom: 5, right: 0 }, { top: 6, left: 0, bottom: 8, right: 0 }] })] }), null, 1));
});
test("action plan per-year + formulas", () => {
  const s = sheetFromRows("事業1", [
    ["事業番号", "1"],
    ["事業名", "市民参加"],
    ["担当課", "企画調整課"],
    ["指標", "項目", "R7目標", "R8目標", "R11目標", "実績値", null, "R7実績", "R7達成率"],
    [null, "参加人数", "60人", "70人", "100人", "50人", "R6.3", "66人", 0.9],
    ["その他"],
  ]);
  s.formulas = s.values.map((r) => r.map(() => null));
  s.formulas[4][8] = "=H5/C5";
  console.log(JSON.stringify(show({ sheets: [s] }), null, 1));
});
test("action plan two-row", () => {
  console.log(JSON.stringify(show({ sheets: [sheetFromRows("事業1", [
    ["事業番号", "1"],
    ["事業名", "市民参加"],
    ["指標", "項目", "目標値", null, null, "実績値", null, "R7実績"],
    [null, null, "R7", "R8", "R11", null, null, null],
    [null, "参加人数", "60人", "70人", "100人", "50人", "R6.3", "66人"],
    ["その他"],
  ])] }), null, 1));
});
