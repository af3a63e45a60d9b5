import { NOT_GRADED, type IndicatorResult } from "../indicators/Indicator";
import { formatQuantity } from "../values/parseValue";
import { trendOf } from "./trend";

/** How a monitoring indicator moved: against the baseline, in its direction when that is known. */
export type MonitoringMove = "improved" | "worsened" | "unchanged" | "increased" | "decreased";

/**
 * What an indicator without a target (目標なし: watched, not graded) shows in its 評価 cell. Arrows:
 * ↑ 改善 and ↓ 悪化 when the indicator's direction is known (方向 column, confirmed, comparator);
 * ↗ 増加 and ↘ 減少 when it is not, because "more" is not always "better" (入札不調割合).
 */
export const MONITORING_LABELS: Record<MonitoringMove, string> = {
  improved: "↑ 改善",
  worsened: "↓ 悪化",
  unchanged: "→ 横ばい",
  increased: "↗ 増加",
  decreased: "↘ 減少",
};

export interface MonitoringCell {
  /** What the 評価 cell shows: a trend label, or "−" when the actual or the baseline is missing. */
  label: string;
  move: MonitoringMove | null;
  /** The note on the cell: what a monitoring indicator is and the numbers behind the trend. */
  note: string;
}

/** A monitoring indicator is one whose target is not set (flag no-target). */
export function isMonitoring(result: IndicatorResult): boolean {
  return !result.graded && result.flags.includes("no-target");
}

/** The trend of a monitoring indicator for its 評価 cell and note, or null when it has a target. */
export function monitoringCell(result: IndicatorResult, yearLabel: string): MonitoringCell | null {
  if (!isMonitoring(result)) return null;
  // A target left empty (—) is a monitoring indicator; a table without a target column is said as such.
  const intro = result.flags.includes("monitoring") ? "目標値のないモニタリング指標です（評価の対象外）。" : "この表には目標値の列がないため評価していません（検証の「表と列」で目標値の列を指定できます）。";
  const { actual, baseline, unit } = result;
  if (actual === null) return { label: NOT_GRADED, move: null, note: `${intro}${yearLabel}の実績値がありません。` };
  if (baseline === null) return { label: NOT_GRADED, move: null, note: `${intro}基準値がないため傾向を示せません（実績 ${formatQuantity(actual, unit)}）。` };
  const known = result.directionSource !== "default";
  const trend = trendOf(actual, baseline, known ? result.direction : "up")!;
  const move: MonitoringMove = known || trend === "unchanged" ? trend : trend === "improved" ? "increased" : "decreased";
  const numbers = `基準 ${formatQuantity(baseline, unit)} → ${yearLabel}実績 ${formatQuantity(actual, unit)}`;
  const why = known
    ? `${result.direction === "up" ? "増加" : "減少"}を目指す指標です。`
    : move === "unchanged"
      ? ""
      : "増加・減少のどちらを目指すかが決まっていないため、改善・悪化は判定していません（方向を設定すると示します）。";
  return { label: MONITORING_LABELS[move], move, note: `${intro}傾向: ${numbers}（${MONITORING_LABELS[move]}）。${why}` };
}
