import { unitDisagreement } from "../core/evaluation/units";
import { indicatorUnit } from "../core/plans/unitWarning";
import { parseTarget } from "../core/targets/parseTarget";
import { foldName } from "../core/text/normalize";
import type { Indicator, WorkbookModel } from "../core/workbook/WorkbookModel";

/** A reference value as typed (`法定雇用率=2.5%`): the value in base units and its unit ("" for none). */
export interface TypedReference {
  name: string;
  text: string;
  value: number;
  unit: string;
}

export interface ReferenceUnitMismatch {
  reference: TypedReference;
  indicator: Indicator;
  /** The indicator's unit. */
  unit: string;
}

/**
 * References whose unit disagrees with an indicator that is judged against them: a bare `2.5` for
 * an indicator measured in %, or `2.5%` for one counted in 人. The first per reference.
 */
export function referenceUnitMismatches(model: WorkbookModel, references: TypedReference[]): ReferenceUnitMismatch[] {
  const found: ReferenceUnitMismatch[] = [];
  for (const reference of references) {
    const key = foldName(reference.name);
    for (const indicator of model.indicators) {
      if (!indicator.raw.target) continue;
      const target = parseTarget(indicator.raw.target);
      if (target.kind !== "reference" || foldName(target.name) !== key) continue;
      const unit = indicatorUnit(indicator.raw);
      if (!unit || unitDisagreement(reference.unit, unit) === null) continue;
      found.push({ reference, indicator, unit });
      break;
    }
  }
  return found;
}
