/** Monitoring indicators (no target): the trend their 評価 cell shows, and the note that explains it. */
import { evaluateIndicator } from "../../../src/core/evaluation/evaluateIndicator";
import { isMonitoring, monitoringCell } from "../../../src/core/evaluation/monitoring";
import { NOT_GRADED } from "../../../src/core/indicators/Indicator";
import { getPreset } from "../../../src/core/presets/builtin";
import { planEvaluate } from "../../../src/core/plans/planEvaluate";
import { readWorkbook } from "../../../src/core/workbook/readWorkbook";
import { buildMusashino } from "../../../seeds/workbooks";
import { SnapshotWorkbookBuilder } from "../../../seeds/layout/WorkbookBuilder";

const standard = getPreset("standard")!;
const ctx = { year: 2025 };

function cell(target: string, baseline: string | null, actual: string | null, direction?: string) {
  const result = evaluateIndicator(
    { name: "x", target: { value: target }, baseline: { value: baseline }, actual: { value: actual }, ...(direction ? { direction: { value: direction } } : {}) },
    standard,
    ctx,
  );
  return { result, shown: monitoringCell(result, "R7") };
}

test("a known direction gives ↑ 改善 / ↓ 悪化 / → 横ばい, whichever way 'better' points", () => {
  expect(cell("—", "100件", "120件", "増加を目指す").shown?.label).toBe("↑ 改善");
  expect(cell("—", "100件", "80件", "増加を目指す").shown?.label).toBe("↓ 悪化");
  expect(cell("—", "100件", "80件", "減少を目指す").shown?.label).toBe("↑ 改善");
  expect(cell("—", "100件", "120件", "減少を目指す").shown?.label).toBe("↓ 悪化");
  expect(cell("—", "100件", "100件", "減少を目指す").shown?.label).toBe("→ 横ばい");
  const { shown } = cell("－", "2.1%", "1.9%", "減少");
  expect(shown?.note).toBe("目標値のないモニタリング指標です（評価の対象外）。傾向: 基準 2.1% → R7実績 1.9%（↑ 改善）。減少を目指す指標です。");
});

test("without a direction it says 増加 / 減少, never 改善 / 悪化, and the note says why", () => {
  const up = cell("—", "2,267件", "2,399件");
  expect(up.shown?.label).toBe("↗ 増加");
  expect(cell("—", "2,267件", "2,199件").shown).toMatchObject({ label: "↘ 減少", move: "decreased" });
  expect(cell("—", "4", "4").shown?.label).toBe("→ 横ばい");
  expect(up.shown?.note).toContain("基準 2,267件 → R7実績 2,399件（↗ 増加）");
  expect(up.shown?.note).toContain("改善・悪化は判定していません");
});

test("no actual or no baseline: 「−」 with the reason; an indicator with a target is not monitoring", () => {
  expect(cell("—", "100件", null).shown).toEqual({ label: NOT_GRADED, move: null, note: "目標値のないモニタリング指標です（評価の対象外）。R7の実績値がありません。" });
  expect(cell("—", null, "5件").shown?.note).toContain("基準値がないため傾向を示せません（実績 5件）");
  const graded = cell("200件", "100件", "150件");
  expect(isMonitoring(graded.result)).toBe(false);
  expect(graded.shown).toBeNull();
  expect(cell("200件", "100件", null).shown).toBeNull(); // missing actual, but a target: not monitoring
});

test("the evaluate plan writes the trend into a monitoring row's 評価 cell with its note; graded rows keep their grade", () => {
  const b = new SnapshotWorkbookBuilder();
  buildMusashino(b, { only: ["1", "12"] });
  const { plan } = planEvaluate(readWorkbook(b.build()), { year: 2025, preset: standard });
  const grades = plan.writes.filter((w) => w.purpose === "grade");
  const pubcome = grades.find((w) => w.sheet === "事業1" && typeof w.note === "string" && w.note.includes("2,267件"))!;
  expect(pubcome).toMatchObject({ value: "↘ 減少", fill: "#EDEDED" });
  expect(pubcome.note).toContain("基準 2,267件 → R7実績 2,199件");
  const missing = grades.find((w) => w.sheet === "事業1" && w.value === NOT_GRADED)!;
  expect(missing.note).toContain("R7の実績値がありません");
  expect(grades.filter((w) => w.sheet === "事業12").map((w) => [w.value, w.note])).toEqual([["B", null], ["B", null]]);
});

test("an indicator of a table without a target column shows its trend too, and its note says the column is missing", () => {
  const result = evaluateIndicator({ name: "x", baseline: { value: "100件" }, actual: { value: "120件" }, targetColumn: false }, standard, ctx);
  const shown = monitoringCell(result, "R7");
  expect(shown?.label).toBe("↗ 増加");
  expect(shown?.note).toMatch(/^この表には目標値の列がないため評価していません/);
});
