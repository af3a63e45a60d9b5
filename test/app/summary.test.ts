/** Counts for people: graded indicators by grade and by reason for no grade, monitoring indicators apart. */
import { breakdownText, gradeBreakdown, missingByDepartment, outcomeKind } from "../../src/app/summary";
import { getPreset } from "../../src/core/presets/builtin";
import { evaluateWorkbook } from "../../src/core/workbook/evaluateWorkbook";
import { readWorkbook } from "../../src/core/workbook/readWorkbook";
import { buildMusashino } from "../../seeds/workbooks";
import { SnapshotWorkbookBuilder } from "../../seeds/layout/WorkbookBuilder";

function musashino(preset = "standard") {
  const b = new SnapshotWorkbookBuilder();
  buildMusashino(b);
  return evaluateWorkbook(readWorkbook(b.build()), { year: 2025, preset: getPreset(preset)! });
}

test("the 武蔵野市 sample: 評価対象 29 with the reasons for no grade, 目標なし（モニタリング）35", () => {
  const evaluation = musashino();
  const breakdown = gradeBreakdown(evaluation.outcomes, getPreset("standard")!);
  expect(breakdownText(breakdown)).toBe("評価対象 29（A 10・B 12・C 1・D 1・未入力 3・参照値なし 2）／目標なし（モニタリング）35");
  // The sample holds 64 indicators: the 29 and 35 above are all of them.
  expect(evaluation.outcomes).toHaveLength(64);
  // The missing list still names monitoring indicators: their actual is still to be reported.
  expect(missingByDepartment(evaluation.outcomes).reduce((n, g) => n + g.indicators.length, 0)).toBe(12);
});

test("every grade of the preset is listed, zeros too; a reference-less indicator with no actual counts as 参照値なし", () => {
  const binary = getPreset("binary")!;
  const breakdown = gradeBreakdown(musashino("binary").outcomes, binary);
  expect(breakdown.grades.map((g) => g.grade)).toEqual([binary.achievedLabel, binary.notAchievedLabel]);
  expect(gradeBreakdown([], binary)).toEqual({ assessed: 0, grades: [{ grade: "達成", count: 0 }, { grade: "未達成", count: 0 }], notGraded: [], monitoring: 0 });
  const result = { graded: false, grade: "−", flags: ["reference-missing", "missing-actual"] } as never;
  expect(outcomeKind(result)).toBe("reference-missing");
  expect(outcomeKind({ graded: false, grade: "−", flags: ["no-target", "missing-actual"] } as never)).toBe("monitoring");
});
