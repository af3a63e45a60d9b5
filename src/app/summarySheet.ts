import type { CellValue } from "../core/cells/RawCell";
import { fiscalYearLabel } from "../core/periods/parsePeriod";
import type { Preset } from "../core/presets/Preset";
import type { WorkbookEvaluation } from "../core/workbook/evaluateWorkbook";

const TREND: Record<string, string> = { improved: "改善", worsened: "悪化", unchanged: "横ばい" };

/** The rows of the add-in's summary sheet: a title, a header, then every indicator. */
export function summaryRows(evaluation: WorkbookEvaluation, preset: Preset): CellValue[][] {
  const rows: CellValue[][] = [
    [`KPI集計 ${fiscalYearLabel(evaluation.year)}（${preset.name}）`],
    ["シート", "事業番号", "担当課", "指標", "単位", "基準値", "目標値", "実績値", "達成率(%)", "評価", "傾向", "説明"],
  ];
  for (const { indicator, result } of evaluation.outcomes) {
    rows.push([
      indicator.sheet, indicator.projectNo ?? "", indicator.department ?? "", indicator.name, result.unit,
      result.baseline, result.target, result.actual,
      result.rate === null ? "" : Math.round(result.rate * 1000) / 10,
      result.grade, result.trend ? TREND[result.trend] : "", result.explanation,
    ]);
  }
  return rows;
}
