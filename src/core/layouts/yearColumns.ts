import type { FiscalYear } from "../periods/Period";
import type { Grid } from "../workbook/Grid";
import { headerFiscalYear } from "./headerYear";
import type { YearColumn, YearColumnKind } from "../workbook/WorkbookModel";

const RATE = /達成率|進捗率|達成度/;
const GRADE = /評価/;
const NOT_GRADE = /指標|方法|基準/;
const ACTUAL = /実績/;

/**
 * What a header says about a per-year column: `R7実績` (actual, FY2025), `令和7年度達成率` (rate),
 * `評価` (grade, no year). A bare `実績値` is not a year column: in an action-plan table it is the
 * baseline printed at planning time.
 */
export function classifyYearHeader(text: string): { kind: YearColumnKind; fy: FiscalYear | null } | null {
  if (text === "") return null;
  if (RATE.test(text)) return { kind: "rate", fy: headerFiscalYear(text) };
  if (GRADE.test(text) && !NOT_GRADE.test(text)) return { kind: "grade", fy: headerFiscalYear(text) };
  if (ACTUAL.test(text)) {
    const fy = headerFiscalYear(text);
    return fy === null ? null : { kind: "actual", fy };
  }
  return null;
}

/** Year columns in a header row, from `fromCol` to the sheet's right edge. */
export function findYearColumns(grid: Grid, headerRow: number, fromCol: number): YearColumn[] {
  const found: YearColumn[] = [];
  for (let col = fromCol; col < grid.right; col++) {
    const header = grid.text(headerRow, col);
    const kind = classifyYearHeader(header);
    if (kind) found.push({ ...kind, col, header });
  }
  return found;
}

/** The column for `fy` of `kind`; a yearless rate/grade column serves when no column names a year. */
export function yearColumnFor(columns: YearColumn[], kind: YearColumnKind, fy: FiscalYear): YearColumn | undefined {
  const exact = columns.find((c) => c.kind === kind && c.fy === fy);
  if (exact || kind === "actual") return exact;
  const anyYear = columns.some((c) => c.kind === kind && c.fy !== null);
  return anyYear ? undefined : columns.find((c) => c.kind === kind && c.fy === null);
}
