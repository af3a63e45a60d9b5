import { evaluateWorkbook, type EvaluationSettings } from "../workbook/evaluateWorkbook";
import { PlanBuilder } from "./PlanBuilder";
import { protectedSheets } from "./protectedSheets";
import { MISSING_FILL } from "./planEvaluate";
import type { WritePlan } from "../workbook/WritePlan";
import type { WorkbookModel } from "../workbook/WorkbookModel";

/** Highlight the year's empty actual cells (and clear the highlight where a value has arrived). */
export function planFlagMissing(model: WorkbookModel, settings: EvaluationSettings): WritePlan {
  const evaluation = evaluateWorkbook(model, settings);
  const builder = new PlanBuilder("flag", settings.year, protectedSheets(model));
  const allowed = new Set<string>();
  for (const { indicator, table, actualCell, result } of evaluation.outcomes) {
    if (!actualCell || builder.skips(indicator.sheet)) continue;
    if (!allowed.has(table.id)) {
      builder.allowColumn(table, actualCell.col, "actual");
      allowed.add(table.id);
    }
    const missing = result.flags.includes("missing-actual");
    builder.write({
      sheet: indicator.sheet, row: indicator.row, col: actualCell.col, purpose: "actual",
      ...(missing ? { fill: MISSING_FILL } : { fill: null, fillOnlyIf: MISSING_FILL }),
    });
  }
  return builder.build();
}
