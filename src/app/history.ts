import { monitoringCell } from "../core/evaluation/monitoring";
import { fiscalYearLabel } from "../core/periods/parsePeriod";
import type { FiscalYear } from "../core/periods/Period";
import { evaluateWorkbook, type EvaluationSettings } from "../core/workbook/evaluateWorkbook";
import type { Indicator, WorkbookModel } from "../core/workbook/WorkbookModel";

/** One indicator in one fiscal year: its actual (null when missing) and what its 評価 cell shows. */
export interface YearPoint {
  year: FiscalYear;
  actual: number | null;
  /** The grade, a monitoring indicator's trend (↑ 改善 …) or "−". */
  grade: string;
}

export interface IndicatorHistory {
  indicator: Indicator;
  unit: string;
  /** One point per year of the history, oldest first (the table may lack a year's column: actual null). */
  points: YearPoint[];
}

export interface YearHistory {
  years: FiscalYear[];
  indicators: IndicatorHistory[];
}

/** The fiscal years that some indicator table has an actual column for, oldest first. */
export function actualYears(model: WorkbookModel): FiscalYear[] {
  const years = new Set<FiscalYear>();
  for (const t of model.tables) for (const c of t.yearColumns) if (c.kind === "actual" && c.fy !== null) years.add(c.fy);
  return [...years].sort((a, b) => a - b);
}

/**
 * Every indicator's actuals and grades in each year that has an actual column, evaluated with the
 * same settings as the chosen year. Only indicators with an actual in at least one year are listed.
 */
export function historyByYear(model: WorkbookModel, settings: EvaluationSettings): YearHistory {
  const years = actualYears(model);
  const rows = new Map<string, IndicatorHistory>();
  for (const year of years) {
    const evaluation = evaluateWorkbook(model, { ...settings, year });
    const yearLabel = fiscalYearLabel(year);
    for (const { indicator, result } of evaluation.outcomes) {
      const row = rows.get(indicator.key) ?? { indicator, unit: result.unit, points: [] };
      row.unit ||= result.unit;
      row.points.push({ year, actual: result.actual, grade: monitoringCell(result, yearLabel)?.label ?? result.grade });
      rows.set(indicator.key, row);
    }
  }
  return { years, indicators: [...rows.values()].filter((r) => r.points.some((p) => p.actual !== null)) };
}
