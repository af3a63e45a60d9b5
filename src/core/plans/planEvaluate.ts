import { NOT_GRADED } from "../indicators/Indicator";
import type { Preset } from "../presets/Preset";
import { evaluateWorkbook, type EvaluationSettings, type WorkbookEvaluation } from "../workbook/evaluateWorkbook";
import { Grid } from "../workbook/Grid";
import { PlanBuilder } from "./PlanBuilder";
import type { WritePlan } from "../workbook/WritePlan";
import type { IndicatorTable, WorkbookModel } from "../workbook/WorkbookModel";
import { planYearColumns } from "./yearColumnPlan";

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
 * Evaluate a year and plan its writes: the rate and grade columns of the year (added beside the
 * table when missing), grade colours, a note on every grade that could not be given, and the
 * missing-actual highlight. Nothing else is written.
 */
export function planEvaluate(model: WorkbookModel, settings: EvaluationSettings): EvaluatePlan {
  const evaluation = evaluateWorkbook(model, settings);
  const builder = new PlanBuilder("evaluate", settings.year);
  const withoutActuals = new Set(evaluation.tablesWithoutActuals.map((t) => t.id));
  const byTable = new Map<string, typeof evaluation.outcomes>();
  for (const outcome of evaluation.outcomes) {
    const list = byTable.get(outcome.table.id) ?? [];
    list.push(outcome);
    byTable.set(outcome.table.id, list);
  }
  for (const [tableId, outcomes] of byTable) {
    const table: IndicatorTable = outcomes[0].table;
    if (withoutActuals.has(tableId)) continue;
    const grid = new Grid(model.snapshots.get(table.sheet)!);
    const columns = planYearColumns(grid, table, settings.year, ["actual", "rate", "grade"]);
    const rateCol = columns.rate!;
    const gradeCol = columns.grade!;
    builder.allowColumn(table, columns.actual!.col, "actual");
    builder.allowColumn(table, rateCol.col, "rate");
    builder.allowColumn(table, gradeCol.col, "grade");
    for (const column of [rateCol, gradeCol]) {
      if (column.isNew) builder.header(table, column.col, column.header);
    }
    for (const { indicator, result, actualCell } of outcomes) {
      const { sheet, row } = indicator;
      builder.write({
        sheet, row, col: rateCol.col, purpose: "rate",
        value: result.rate === null ? null : roundRate(result.rate),
        numberFormat: RATE_FORMAT,
      });
      builder.write({
        sheet, row, col: gradeCol.col, purpose: "grade",
        value: result.grade,
        fill: gradeFill(settings.preset, result.grade),
        note: result.graded ? null : result.explanation,
      });
      if (actualCell) {
        const missing = result.flags.includes("missing-actual");
        builder.write(
          missing
            ? { sheet, row, col: actualCell.col, purpose: "actual", fill: MISSING_FILL }
            : { sheet, row, col: actualCell.col, purpose: "actual", fill: null, fillOnlyIf: MISSING_FILL },
        );
      }
    }
  }
  return { plan: builder.build(), evaluation };
}
