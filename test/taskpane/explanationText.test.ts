/** Grade explanations and monitoring trends in English: every phrase the engine writes, on the sample workbooks and every preset. */
import { monitoringCell } from "../../src/core/evaluation/monitoring";
import { fiscalYearLabel } from "../../src/core/periods/parsePeriod";
import { getPreset, listPresets } from "../../src/core/presets/builtin";
import { evaluateWorkbook } from "../../src/core/workbook/evaluateWorkbook";
import { readWorkbook } from "../../src/core/workbook/readWorkbook";
import { explanationText, gradeText, monitoringText } from "../../src/taskpane/explanationText";
import { buildKpiList, buildMusashino, KPI_WORKBOOKS, LAYOUT_WORKBOOKS } from "../../seeds/workbooks";
import { SnapshotWorkbookBuilder } from "../../seeds/layout/WorkbookBuilder";

function models() {
  const musashino = new SnapshotWorkbookBuilder();
  buildMusashino(musashino);
  const lists = KPI_WORKBOOKS.map((w) => {
    const b = new SnapshotWorkbookBuilder();
    buildKpiList(b, w);
    return b.build();
  });
  const layouts = LAYOUT_WORKBOOKS.map((w) => {
    const b = new SnapshotWorkbookBuilder();
    w.build(b);
    return b.build();
  });
  return [musashino.build(), ...lists, ...layouts].map((s) => readWorkbook(s));
}

test("known explanations read as English sentences", () => {
  expect(explanationText("達成率 = 実績 1,673件 ÷ 目標 2,000件 = 83.7% → B", "en")).toBe("Rate = actual 1,673件 ÷ target 2,000件 = 83.7% → B");
  expect(explanationText("評価なし: 令和7年度の実績値がありません", "en")).toBe("Not graded: no R7 actual");
  expect(explanationText("評価なし: 法定雇用率の値が未設定です（参照値として「法定雇用率=値」を設定してください）", "en")).toBe("Not graded: no value for 法定雇用率 (set the reference value “法定雇用率=…”)");
  expect(explanationText("評価なし: 目標値「たくさん」を読み取れません", "en")).toBe("Not graded: the target “たくさん” cannot be read");
  expect(explanationText("達成率 = 実績 1,673件 ÷ 目標 2,000件 = 83.7% → B", "ja")).toBe("達成率 = 実績 1,673件 ÷ 目標 2,000件 = 83.7% → B");
});

test("no Japanese word of the engine is left in any English explanation of the samples, whatever the preset and year", () => {
  const words = /実績|目標|基準|達成|評価|年度|進捗|未設定|ありません|できません|設定|計画|対し/;
  const left: string[] = [];
  for (const model of models()) {
    for (const preset of listPresets()) {
      for (const year of [2024, 2025, 2026]) {
        for (const { result } of evaluateWorkbook(model, { year, preset, planStart: 2025 }).outcomes) {
          const english = explanationText(result.explanation, "en").replace(/“[^”]*”/g, "");
          if (words.test(english)) left.push(`${result.explanation} → ${english}`);
          const cell = monitoringCell(result, fiscalYearLabel(year));
          if (cell && words.test(monitoringText(cell, result, fiscalYearLabel(year), "en"))) left.push(cell.note);
        }
      }
    }
  }
  expect([...new Set(left)].slice(0, 5)).toEqual([]);
});

test("a monitoring trend in English", () => {
  const [musashino] = models();
  const outcome = evaluateWorkbook(musashino, { year: 2025, preset: getPreset("standard")! }).outcomes.find((o) => o.indicator.name === "計画等策定時におけるパブコメの意見数")!;
  const cell = monitoringCell(outcome.result, "R7")!;
  expect(gradeText(cell.label, "en")).toBe("↘ decreased");
  expect(gradeText("B", "en")).toBe("B");
  expect(monitoringText(cell, outcome.result, "R7", "en")).toBe(
    "A monitoring indicator (no target, not graded). Trend: baseline 2,267件 → R7 actual 2,199件 (↘ decreased). Whether more or less is better is not set, so it is not judged improved or worsened.",
  );
});
