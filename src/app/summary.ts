import { NOT_GRADED } from "../core/indicators/Indicator";
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

/** Counts by grade in the preset's order, then "−" (not graded). */
export function countByGrade(outcomes: IndicatorOutcome[], preset: Preset): GradeCount[] {
  const labels = [preset.achievedLabel, ...preset.bands.map((b) => b.label), ...(preset.below ? [preset.below] : []), ...(preset.notAchievedLabel ? [preset.notAchievedLabel] : [])];
  const order = [...new Set([...labels, NOT_GRADED])];
  const counts = new Map(order.map((g) => [g, 0]));
  for (const { result } of outcomes) counts.set(result.grade, (counts.get(result.grade) ?? 0) + 1);
  return [...counts].map(([grade, count]) => ({ grade, count }));
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
