import { extractPeriodFromHeader } from "../periods/parsePeriod";
import type { FiscalYear } from "../periods/Period";

/** The fiscal year a header names (`R7実績`, `数値目標等（H31）`, `現状(平成26年度末)`), or null. */
export function headerFiscalYear(text: string): FiscalYear | null {
  const period = extractPeriodFromHeader(text);
  if (!period) return null;
  return period.kind === "fiscalYear" || period.kind === "pointInTime" ? period.fy : null;
}
