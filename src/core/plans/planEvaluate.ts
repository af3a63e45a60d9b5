import { monitoringCell } from "../evaluation/monitoring";
import { NOT_GRADED } from "../indicators/Indicator";
import { fiscalYearLabel } from "../periods/parsePeriod";
import type { Preset } from "../presets/Preset";
import { evaluateWorkbook, type EvaluationSettings, type WorkbookEvaluation } from "../workbook/evaluateWorkbook";
import { gridsOf } from "../workbook/Grid";
import { PlanBuilder } from "./PlanBuilder";
import type { WritePlan } from "../workbook/WritePlan";
import type { WorkbookModel } from "../workbook/WorkbookModel";
import { holdsFormula } from "../workbook/userFormulas";
import { YearCells } from "./yearColumnPlan";
import { protectedSheets } from "./protectedSheets";

/** Fill of an empty actual cell: the add-in's "still missing" highlight. */
export const MISSING_FILL = "#FCE4D6";
export const RATE_FORMAT = "0.0%";

const DEFAULT_GRADE_FILLS: Record<string, string> = {
  A: "#C6EFCE",
  B: "#DDEBF7",
  C: "#FFEB9C",
  D: "#FFC7CE",
  達成: "#C6EFCE",
  未達成: "#FFC7CE",
  [NOT_GRADED]: "#EDEDED",
};

export function gradeFill(preset: Preset, grade: string): string | null {
  return preset.colors[grade] ?? DEFAULT_GRADE_FILLS[grade] ?? null;
}

/** Rates are written as fractions rounded to 1e-6 (0.0001 %), shown as percentages. */
function roundRate(rate: number): number {
  return Math.round(rate * 1e6) / 1e6;
}

export interface EvaluatePlan {
  plan: WritePlan;
  evaluation: WorkbookEvaluation;
}

/**
 * Evaluate a year and plan its writes: the rate and grade cells of the year (columns added beside
 * the table when missing), grade colours, a note on every grade that could not be given, and the
 * missing-actual highlight. A rate or grade cell holding a formula is the user's: never written.
 * Nothing else is written, and nothing on a protected sheet.
 */
export function planEvaluate(model: WorkbookModel, settings: EvaluationSettings): EvaluatePlan {
  const gridOf = gridsOf(model.snapshots);
  const evaluation = evaluateWorkbook(model, settings, gridOf);
  const builder = new PlanBuilder("evaluate", settings.year, protectedSheets(model));
  const withoutActuals = new Set(evaluation.tablesWithoutActuals.map((t) => t.id));
  const cells = new YearCells(builder, gridOf, settings.year, ["actual", "rate", "grade"]);
  const yearLabel = fiscalYearLabel(settings.year);
  for (const { indicator, table, result, actualCell } of evaluation.outcomes) {
    if (withoutActuals.has(table.id) || builder.skips(table.sheet)) continue;
    const grid = gridOf(table.sheet);
    const { sheet } = indicator;
    const rateCell = cells.locate(table, indicator, "rate");
    const gradeCell = cells.locate(table, indicator, "grade");
    cells.allow(table, indicator, "rate");
    cells.allow(table, indicator, "grade");
    if (rateCell && !holdsFormula(grid, rateCell)) {
      builder.write({
        sheet, row: rateCell.row, col: rateCell.col, purpose: "rate",
        value: result.rate === null ? null : roundRate(result.rate),
        numberFormat: RATE_FORMAT,
      });
    }
    if (gradeCell && !holdsFormula(grid, gradeCell)) {
      // A monitoring indicator (no target) shows its trend instead of "−", explained in the note.
      const monitoring = monitoringCell(result, yearLabel);
      builder.write({
        sheet, row: gradeCell.row, col: gradeCell.col, purpose: "grade",
        value: monitoring?.label ?? result.grade,
        fill: gradeFill(settings.preset, result.grade),
        note: result.graded ? null : (monitoring?.note ?? result.explanation),
      });
    }
    if (actualCell) {
      cells.allow(table, indicator, "actual");
      const missing = result.flags.includes("missing-actual");
      builder.write(
        missing
          ? { sheet, row: actualCell.row, col: actualCell.col, purpose: "actual", fill: MISSING_FILL }
          : { sheet, row: actualCell.row, col: actualCell.col, purpose: "actual", fill: null, fillOnlyIf: MISSING_FILL },
      );
    }
  }
  return { plan: builder.build(), evaluation };
}
