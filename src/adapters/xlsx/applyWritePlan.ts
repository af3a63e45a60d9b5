import { firstWriteOutsidePlan } from "../../core/plans/PlanBuilder";
import type { WritePlan } from "../../core/workbook/WritePlan";
import { applyEdits, type Applied } from "./applyEdits";
import type { SheetEdits } from "./CellEdit";
import { writeProblem, type WriteProblem } from "./refusals";
import type { XlsxBook } from "./XlsxBook";

/** A plan's writes grouped by sheet, in the plan's order. */
export function planEdits(plan: WritePlan): SheetEdits[] {
  const bySheet = new Map<string, SheetEdits>();
  for (const w of plan.writes) {
    let group = bySheet.get(w.sheet);
    if (!group) {
      group = { sheet: w.sheet, edits: [] };
      bySheet.set(w.sheet, group);
    }
    // A write is an edit as it is (its sheet and purpose are not read): no copy of tens of thousands.
    group.edits.push(w);
  }
  return [...bySheet.values()];
}

/**
 * Apply a write plan to an opened book, or refuse the whole plan (a write outside its columns, a
 * missing sheet, a merged cell, a formula others depend on) before changing anything.
 */
export async function applyWritePlan(book: XlsxBook, plan: WritePlan): Promise<Applied | WriteProblem> {
  const outside = firstWriteOutsidePlan(plan);
  if (outside) return writeProblem("outside-plan", outside.sheet, outside);
  return applyEdits(book, planEdits(plan));
}
