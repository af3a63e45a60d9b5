import type { FiscalYear } from "../periods/Period";
import { labelKey } from "../workbook/Grid";
import type { TableColumn, TableColumns, YearColumn } from "../workbook/WorkbookModel";
import { NAME_PREFERENCE, headerCore } from "./headerWords";

/** A table's columns by role, from the role of each column (detected or set by hand). */
export interface AssembledColumns {
  /** Without `name` when no column is the indicator's name. */
  columns: Partial<TableColumns>;
  yearColumns: YearColumn[];
  /** Row-wise tables: the year axis. */
  years: { fy: FiscalYear; col: number; header: string }[];
  headerTargetFy: FiscalYear | null;
  headerBaselineFy: FiscalYear | null;
  /** Actual columns whose header names no year (`実績値` in a KPI list): which year is unknown. */
  actualsWithoutYear: TableColumn[];
}

const SINGLE_ROLES = ["targetPeriod", "baselinePeriod", "unit", "direction", "projectNo", "department", "division"] as const;

function nameRank(column: TableColumn): number {
  const key = labelKey(column.header.split(" / ").pop() ?? "");
  const rank = NAME_PREFERENCE.indexOf(key);
  if (rank >= 0) return rank;
  const core = NAME_PREFERENCE.indexOf(headerCore(key));
  return core >= 0 ? core : NAME_PREFERENCE.length;
}

/**
 * Roles to columns: the name column (the most specific name header), the target (the final one
 * when there is one per year: the yearless column, else the last year's), the baseline, the
 * per-year columns and the row-wise year axis. The first column of a single role wins.
 */
export function assembleColumns(roles: TableColumn[]): AssembledColumns {
  const out: AssembledColumns = { columns: {}, yearColumns: [], years: [], headerTargetFy: null, headerBaselineFy: null, actualsWithoutYear: [] };
  const names = roles.filter((r) => r.role === "name");
  if (names.length > 0) out.columns.name = names.reduce((best, c) => (nameRank(c) < nameRank(best) ? c : best)).col;

  const targets = roles.filter((r) => r.role === "target");
  const yearly = new Set(targets.filter((t) => t.fy !== null).map((t) => t.fy));
  if (yearly.size >= 2) {
    const seen = new Set<FiscalYear>();
    for (const t of targets) {
      if (t.fy === null || seen.has(t.fy)) continue;
      seen.add(t.fy);
      out.yearColumns.push({ kind: "target", fy: t.fy, col: t.col, header: t.header });
    }
    const final = targets.find((t) => t.fy === null) ?? targets.filter((t) => t.fy !== null).reduce((a, b) => (b.fy! > a.fy! ? b : a));
    out.columns.target = final.col;
    out.headerTargetFy = final.fy;
  } else if (targets.length > 0) {
    out.columns.target = targets[0].col;
    out.headerTargetFy = targets[0].fy;
  }

  const baseline = roles.find((r) => r.role === "baseline");
  if (baseline) {
    out.columns.baseline = baseline.col;
    out.headerBaselineFy = baseline.fy;
  }
  for (const role of SINGLE_ROLES) {
    const first = roles.find((r) => r.role === role);
    if (first) out.columns[role] = first.col;
  }
  for (const r of roles) {
    if (r.role === "actual") {
      if (r.fy === null) out.actualsWithoutYear.push(r);
      else out.yearColumns.push({ kind: "actual", fy: r.fy, col: r.col, header: r.header });
    } else if (r.role === "rate" || r.role === "grade") {
      out.yearColumns.push({ kind: r.role, fy: r.fy, col: r.col, header: r.header });
    } else if (r.role === "year" && r.fy !== null && !out.years.some((y) => y.fy === r.fy)) {
      out.years.push({ fy: r.fy, col: r.col, header: r.header });
    }
  }
  out.yearColumns.sort((a, b) => a.col - b.col);
  return out;
}
