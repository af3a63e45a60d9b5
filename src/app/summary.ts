import { isMonitoring } from "../core/evaluation/monitoring";
import type { IndicatorResult } from "../core/indicators/Indicator";
import type { Preset } from "../core/presets/Preset";
import type { IndicatorOutcome } from "../core/workbook/evaluateWorkbook";

export interface GradeCount {
  grade: string;
  count: number;
}

export interface MissingByDepartment {
  department: string;
  indicators: { name: string; projectNo?: string; sheet: string; row: number }[];
}

/** Why an indicator that should be graded is not, in the order counts show them. */
export const NOT_GRADED_KINDS = ["missing-actual", "formula-not-computed", "reference-missing", "unreadable", "unit-mismatch", "no-baseline"] as const;
export type NotGradedKind = (typeof NOT_GRADED_KINDS)[number];
/** The reason an outcome is counted under: the first that applies (as its explanation says). */
const REASON_PRIORITY: NotGradedKind[] = ["reference-missing", "unreadable", "unit-mismatch", "no-baseline", "formula-not-computed", "missing-actual"];

/** What an outcome counts as: a grade, a reason it has none, or a monitoring indicator (no target). */
export type OutcomeKind = "graded" | "monitoring" | NotGradedKind;

export function outcomeKind(result: IndicatorResult): OutcomeKind {
  if (result.graded) return "graded";
  if (isMonitoring(result)) return "monitoring";
  return REASON_PRIORITY.find((k) => result.flags.includes(k)) ?? "unreadable";
}

/** The preset's grade labels, best first. */
export function gradeLabels(preset: Preset): string[] {
  const labels = [preset.achievedLabel, ...preset.bands.map((b) => b.label), ...(preset.below ? [preset.below] : []), ...(preset.notAchievedLabel ? [preset.notAchievedLabel] : [])];
  return [...new Set(labels)];
}

export interface GradeBreakdown {
  /** Indicators with a target: graded, or not graded for a reason. */
  assessed: number;
  /** Every grade of the preset, best first, with its count (zeros included). */
  grades: GradeCount[];
  /** Reasons for no grade among the assessed, in NOT_GRADED_KINDS order, only those that occur. */
  notGraded: { kind: NotGradedKind; count: number }[];
  /** Indicators without a target (目標なし), watched for their trend. */
  monitoring: number;
}

/** 評価対象 29（A 10・B 12・C 1・D 1・未入力 3・参照値なし 2）／目標なし（モニタリング）35, as numbers. */
export function gradeBreakdown(outcomes: IndicatorOutcome[], preset: Preset): GradeBreakdown {
  const grades = new Map(gradeLabels(preset).map((g) => [g, 0]));
  const reasons = new Map<NotGradedKind, number>();
  let monitoring = 0;
  for (const { result } of outcomes) {
    const kind = outcomeKind(result);
    if (kind === "graded") grades.set(result.grade, (grades.get(result.grade) ?? 0) + 1);
    else if (kind === "monitoring") monitoring++;
    else reasons.set(kind, (reasons.get(kind) ?? 0) + 1);
  }
  return {
    assessed: outcomes.length - monitoring,
    grades: [...grades].map(([grade, count]) => ({ grade, count })),
    notGraded: NOT_GRADED_KINDS.filter((k) => reasons.has(k)).map((kind) => ({ kind, count: reasons.get(kind)! })),
    monitoring,
  };
}

/** The Japanese words of the breakdown (the CLI and the summary sheet; the pane has its own in i18n). */
export const NOT_GRADED_WORDS: Record<NotGradedKind, string> = {
  "missing-actual": "未入力",
  "formula-not-computed": "未計算の式",
  "reference-missing": "参照値なし",
  unreadable: "読み取れない値",
  "unit-mismatch": "単位の不一致",
  "no-baseline": "基準値なし",
};

export function breakdownText(b: GradeBreakdown): string {
  const parts = [...b.grades.map((g) => `${g.grade} ${g.count}`), ...b.notGraded.map((n) => `${NOT_GRADED_WORDS[n.kind]} ${n.count}`)];
  return `評価対象 ${b.assessed}（${parts.join("・")}）／目標なし（モニタリング）${b.monitoring}`;
}

/**
 * Indicators still missing the year's actual, by 担当課 (a project may name several departments:
 * `企画調整課、各課` is listed under its first).
 */
export function missingByDepartment(outcomes: IndicatorOutcome[]): MissingByDepartment[] {
  const groups = new Map<string, MissingByDepartment>();
  for (const { indicator, result } of outcomes) {
    if (!result.flags.includes("missing-actual")) continue;
    const department = (indicator.department ?? "").split(/[、,，]/)[0].trim() || "（担当課なし）";
    const group = groups.get(department) ?? { department, indicators: [] };
    group.indicators.push({ name: indicator.name, projectNo: indicator.projectNo, sheet: indicator.sheet, row: indicator.row });
    groups.set(department, group);
  }
  return [...groups.values()].sort((a, b) => b.indicators.length - a.indicators.length || a.department.localeCompare(b.department, "ja"));
}

/** A reminder list to paste into a mail to the departments. */
export function reminderText(groups: MissingByDepartment[], yearLabel: string): string {
  const lines: string[] = [];
  for (const g of groups) {
    lines.push(`【${g.department}】${yearLabel}実績の未入力 ${g.indicators.length}件`);
    for (const i of g.indicators) lines.push(`・${i.projectNo ? `事業${i.projectNo} ` : ""}${i.name}（${i.sheet}）`);
    lines.push("");
  }
  return lines.join("\n").trimEnd();
}
