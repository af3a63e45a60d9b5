/** Several years' actuals: each indicator's values and grades by year, and the summary sheet's table by year. */
import { actualYears, historyByYear } from "../../src/app/history";
import { summaryRows } from "../../src/app/summarySheet";
import { getPreset } from "../../src/core/presets/builtin";
import { planFill } from "../../src/core/plans/planFill";
import { evaluateWorkbook } from "../../src/core/workbook/evaluateWorkbook";
import { readWorkbook } from "../../src/core/workbook/readWorkbook";
import { buildMusashino } from "../../seeds/workbooks";
import { SnapshotWorkbookBuilder } from "../../seeds/layout/WorkbookBuilder";
import { applyPlan } from "../helpers/snapshots";

const standard = getPreset("standard")!;

/** 事業12 and 事業1 with their R7 actuals, plus an R8 column filled for two indicators. */
function twoYears() {
  const b = new SnapshotWorkbookBuilder();
  buildMusashino(b, { only: ["1", "12"] });
  const snapshot = b.build();
  const fill = planFill(readWorkbook(snapshot), {
    year: 2026,
    rows: [
      { projectNo: "12", indicator: "寄附件数", actual: "2,100 件" },
      { projectNo: "1", indicator: "計画等策定時におけるパブコメの意見数", actual: "2,300件" },
    ],
  });
  return readWorkbook(applyPlan(snapshot, fill.plan).book);
}

test("the years with an actual column, and each indicator's actual and grade in each", () => {
  const model = twoYears();
  expect(actualYears(model)).toEqual([2025, 2026]);
  const history = historyByYear(model, { year: 2026, preset: standard });
  const kifu = history.indicators.find((h) => h.indicator.name === "寄附件数")!;
  expect(kifu.unit).toBe("件");
  expect(kifu.points).toEqual([{ year: 2025, actual: 1673, grade: "B" }, { year: 2026, actual: 2100, grade: "A" }]);
  const pubcome = history.indicators.find((h) => h.indicator.name === "計画等策定時におけるパブコメの意見数")!;
  expect(pubcome.points.map((p) => p.grade)).toEqual(["↘ 減少", "↗ 増加"]);
  const henrei = history.indicators.find((h) => h.indicator.name === "返礼品目数")!;
  expect(henrei.points).toEqual([{ year: 2025, actual: 333, grade: "B" }, { year: 2026, actual: null, grade: "−" }]);
});

test("the summary sheet: counts under the title, monitoring trends in 評価, and a table by year", () => {
  const model = twoYears();
  const settings = { year: 2026, preset: standard };
  const rows = summaryRows(evaluateWorkbook(model, settings), standard, historyByYear(model, settings));
  expect(rows[1][0]).toMatch(/^評価対象 \d+（A 1・B 0・C 0・D 0・未入力 \d+）／目標なし（モニタリング）\d+$/);
  expect(rows[3].slice(0, 4)).toEqual(["シート", "事業番号", "担当課", "指標"]);
  const titleAt = rows.findIndex((r) => r[0] === "年度別の実績と評価（R7〜R8）");
  expect(titleAt).toBeGreaterThan(4);
  expect(rows[titleAt + 1]).toEqual(["シート", "事業番号", "指標", "単位", "R7実績", "R7評価", "R8実績", "R8評価"]);
  expect(rows.slice(titleAt + 2)).toContainEqual(["事業12", "12", "寄附件数", "件", 1673, "B", 2100, "A"]);
  // One year only: no table by year.
  const one = readWorkbook((() => { const b = new SnapshotWorkbookBuilder(); buildMusashino(b, { only: ["12"] }); return b.build(); })());
  const single = summaryRows(evaluateWorkbook(one, { year: 2025, preset: standard }), standard, historyByYear(one, { year: 2025, preset: standard }));
  expect(single.some((r) => String(r[0]).startsWith("年度別"))).toBe(false);
});
