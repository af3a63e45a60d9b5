import type { CellValue } from "../core/cells/RawCell";
import { monitoringCell } from "../core/evaluation/monitoring";
import { fiscalYearLabel } from "../core/periods/parsePeriod";
import type { Preset } from "../core/presets/Preset";
import type { WorkbookEvaluation } from "../core/workbook/evaluateWorkbook";
import type { YearHistory } from "./history";
import { breakdownText, gradeBreakdown } from "./summary";

const TREND: Record<string, string> = { improved: "改善", worsened: "悪化", unchanged: "横ばい" };

/**
 * The rows of the add-in's summary sheet: a title, the counts (評価対象 … ／目標なし（モニタリング）…),
 * a header, every indicator (a monitoring indicator's 評価 is its trend, as in its sheet); then, when
 * the tables hold several years' actuals, a table by year.
 */
export function summaryRows(evaluation: WorkbookEvaluation, preset: Preset, history?: YearHistory): CellValue[][] {
  const label = fiscalYearLabel(evaluation.year);
  const rows: CellValue[][] = [
    [`KPI集計 ${label}（${preset.name}）`],
    [breakdownText(gradeBreakdown(evaluation.outcomes, preset))],
    [],
    ["シート", "事業番号", "担当課", "指標", "単位", "基準値", "目標値", "実績値", "達成率(%)", "評価", "傾向", "説明"],
  ];
  for (const { indicator, result } of evaluation.outcomes) {
    const monitoring = monitoringCell(result, label);
    rows.push([
      indicator.sheet, indicator.projectNo ?? "", indicator.department ?? "", indicator.name, result.unit,
      result.baseline, result.target, result.actual,
      result.rate === null ? "" : Math.round(result.rate * 1000) / 10,
      monitoring?.label ?? result.grade, result.trend ? TREND[result.trend] : "", monitoring?.note ?? result.explanation,
    ]);
  }
  if (history && history.years.length >= 2) {
    const years = history.years.map(fiscalYearLabel);
    rows.push([], [`年度別の実績と評価（${years[0]}〜${years[years.length - 1]}）`]);
    rows.push(["シート", "事業番号", "指標", "単位", ...years.flatMap((y) => [`${y}実績`, `${y}評価`])]);
    for (const { indicator, unit, points } of history.indicators) {
      rows.push([indicator.sheet, indicator.projectNo ?? "", indicator.name, unit, ...points.flatMap((p) => [p.actual, p.grade])]);
    }
  }
  return rows;
}
