import type { RawCell } from "../cells/RawCell";
import { Diagnostics, where } from "../workbook/Diagnostics";
import type { Grid } from "../workbook/Grid";
import { indicatorKey } from "../workbook/indicatorKey";
import type { Indicator, IndicatorTable, TableColumn, YearKind } from "../workbook/WorkbookModel";
import { isTaken, mappedAt, projectAt, type DetectContext, type LayoutFindings } from "./LayoutDetector";
import { readBestBand, type HeaderBand } from "./headerBand";
import { isBlankOrDash, readHeader } from "./headerWords";
import { makeTable, reportHeader } from "./makeTable";
import { fyCell } from "./readIndicatorRow";

/** What a 区分 cell says its row holds: 目標値, 実績値, 達成率 (達成度), 評価. */
export function divisionKind(grid: Grid, row: number, col: number): YearKind | null {
  const reading = readHeader(grid.key(row, col));
  if (reading.kind !== "role") return null;
  const { role } = reading;
  return role === "target" || role === "actual" || role === "rate" || role === "grade" ? role : null;
}

/** How many of the first rows under the header name a kind (目標値, 実績値, …) in `col`. */
function kindsBelow(grid: Grid, band: HeaderBand, col: number): number {
  let kinds = 0;
  for (let row = band.bottom + 1; row < Math.min(grid.bottom, band.bottom + 13); row++) if (divisionKind(grid, row, col)) kinds++;
  return kinds;
}

/**
 * The 区分 column: headed 区分 (with a 目標値 or 実績値 row below it), or the column left of the
 * years whose cells below say 目標値 / 実績値.
 */
function divisionColumn(grid: Grid, band: HeaderBand, firstYearCol: number): number | null {
  const headed = band.columns.find((c) => c.role === "division");
  if (headed) return kindsBelow(grid, band, headed.col) >= 1 ? headed.col : null;
  const col = firstYearCol - 1;
  if (col < grid.left) return null;
  return kindsBelow(grid, band, col) >= 2 ? col : null;
}

/**
 * A row-wise header: at least two year columns (`R5年度 | R6年度 | R7年度`) and a 区分 column;
 * the name column is headed 指標名 (or is the one left of 区分).
 */
export function rowWiseHeaderAt(grid: Grid, row: number): { band: HeaderBand; roles: TableColumn[] } | null {
  const band = readBestBand(grid, row, grid.left, grid.right - 1, null);
  const years = band.columns.filter((c) => c.role === "year");
  if (new Set(years.map((c) => c.fy)).size < 2) return null;
  const division = divisionColumn(grid, band, Math.min(...years.map((c) => c.col)));
  if (division === null) return null;
  const roles = band.columns.filter((c) => c.col !== division && (c.role === "year" || c.role === "name" || c.role === "unit" || c.role === "baseline" || c.role === "baselinePeriod" || c.role === "department" || c.role === "projectNo"));
  roles.push({ col: division, role: "division", fy: null, header: band.columns.find((c) => c.col === division)?.header ?? "" });
  if (!roles.some((c) => c.role === "name")) {
    if (division - 1 < grid.left) return null;
    roles.push({ col: division - 1, role: "name", fy: null, header: grid.display(band.top, division - 1) });
  }
  return { band, roles: roles.sort((a, b) => a.col - b.col) };
}

/** The first non-empty cell of a column among the indicator's rows (a unit or a baseline written once). */
function firstInRows(grid: Grid, col: number | undefined, from: number, to: number): { row: number; raw: RawCell } | undefined {
  if (col === undefined) return undefined;
  for (let row = from; row <= to; row++) if (!grid.isEmpty(row, col)) return { row, raw: grid.raw(row, col) };
  return { row: from, raw: grid.raw(from, col) };
}

interface Draft {
  name: string;
  row: number;
  lastRow: number;
  rows: Partial<Record<YearKind, number>>;
}

function toIndicator(grid: Grid, table: IndicatorTable, draft: Draft, seenKeys: Set<string>, diagnostics: Diagnostics): Indicator {
  const { sheet, columns, project } = table;
  const projectNo = project?.no ?? (columns.projectNo === undefined ? undefined : grid.text(draft.row, columns.projectNo) || undefined);
  const key = indicatorKey(sheet, projectNo, draft.name, seenKeys);
  if (key.duplicate) {
    diagnostics.add("warning", "duplicate-indicator", sheet, draft.row, columns.name,
      `${where(sheet, draft.row, columns.name)}: ${projectNo ? `事業${projectNo}に` : ""}同じ名前の指標「${draft.name}」が複数あります。`);
  }
  // The final target: the last year whose 目標値 cell holds a value.
  const targetRow = draft.rows.target;
  const byYear = [...table.years].sort((a, b) => b.fy - a.fy);
  const final = targetRow === undefined ? undefined : (byYear.find((y) => !isBlankOrDash(grid.text(targetRow, y.col))) ?? byYear[0]);
  const baseline = firstInRows(grid, columns.baseline, draft.row, draft.lastRow);
  const unit = firstInRows(grid, columns.unit, draft.row, draft.lastRow);
  return {
    key: key.key,
    sheet,
    row: draft.row,
    tableId: table.id,
    layout: "row-wise",
    projectNo,
    projectName: project?.name,
    department: project?.department ?? (columns.department === undefined ? undefined : grid.display(draft.row, columns.department) || undefined),
    name: draft.name,
    cells: {
      name: { row: draft.row, col: columns.name },
      target: final && targetRow !== undefined ? { row: targetRow, col: final.col } : undefined,
      baseline: baseline && { row: baseline.row, col: columns.baseline! },
      unit: unit && { row: unit.row, col: columns.unit! },
    },
    rows: draft.rows,
    raw: {
      name: draft.name,
      target: final && targetRow !== undefined ? grid.raw(targetRow, final.col) : undefined,
      targetPeriod: final ? fyCell(final.fy) : undefined,
      baseline: baseline?.raw,
      baselinePeriod: fyCell(table.headerBaselineFy),
      unit: unit?.raw,
    },
  };
}

/** Layout C: row-wise blocks (事務事業評価シート, 施策評価シート): years across, 目標値 / 実績値 / 達成率 rows per indicator. */
export function detectRowWise(grid: Grid, context: DetectContext): LayoutFindings {
  const { diagnostics, taken, mapped } = context;
  const findings: LayoutFindings = { tables: [], indicators: [], projects: [], noIndicator: [], rows: [] };
  const sheet = grid.name;
  const seenKeys = new Set<string>();
  const skipped = (row: number) => isTaken(taken, row);

  for (let row = grid.top; row < grid.bottom; row++) {
    if (skipped(row)) continue;
    const hand = mappedAt(mapped, row);
    if (hand === "blocked" || (hand && hand.layout !== "row-wise")) continue;
    const detected = hand ? null : rowWiseHeaderAt(grid, row);
    const header = hand
      ? { band: { top: hand.top, bottom: hand.bottom, columns: hand.roles, unread: [] }, roles: hand.roles, source: "mapped" as const }
      : detected && { ...detected, source: "detected" as const };
    if (!header) continue;
    const made = makeTable(grid, { sheet, layout: "row-wise", source: header.source, headerTop: header.band.top, headerRow: header.band.bottom, roles: header.roles, project: projectAt(context.blocks, header.band.top) });
    if (!made || made.table.columns.division === undefined) continue;
    const { table } = made;
    const found = readRowWiseRows(grid, table, seenKeys, diagnostics, skipped);
    findings.tables.push(table);
    reportHeader(table, made.assembled, header.band.unread, found.length, diagnostics);
    for (const i of found) findings.indicators.push(i);
    findings.rows.push({ from: table.headerTop, to: table.lastRow });
    row = table.lastRow;
  }
  return findings;
}

/** The indicators of a row-wise table: a name starts one (merged down or not), its 区分 cells name its rows. */
export function readRowWiseRows(grid: Grid, table: IndicatorTable, seenKeys: Set<string>, diagnostics: Diagnostics, skipped: (row: number) => boolean = () => false): Indicator[] {
  const { sheet, columns } = table;
  const division = columns.division!;
  const found: Indicator[] = [];
  let draft: Draft | null = null;
  const close = () => {
    if (draft) found.push(toIndicator(grid, table, draft, seenKeys, diagnostics));
    draft = null;
  };
  for (let r = table.headerRow + 1; r < grid.bottom && !skipped(r); r++) {
    const nameHere = !grid.isMergeSlave(r, columns.name) ? grid.display(r, columns.name) : "";
    const kind = divisionKind(grid, r, division);
    const divisionText = grid.text(r, division);
    if (nameHere === "" && divisionText === "" && table.years.every((y) => grid.isEmpty(r, y.col))) break;
    if (nameHere.startsWith("※")) break;
    const sameName = draft !== null && nameHere === (draft as Draft).name && kind !== null && (draft as Draft).rows[kind] === undefined;
    if (nameHere !== "" && !isBlankOrDash(nameHere) && !sameName) {
      close();
      draft = { name: nameHere, row: r, lastRow: r, rows: {} };
    } else if (!draft && kind) {
      diagnostics.add("warning", "indicator-without-name", sheet, r, columns.name,
        `${where(sheet, r, columns.name)}: 「${divisionText}」の行に指標名がありません。指標名を入力してください。`);
    }
    if (!draft) continue;
    const current: Draft = draft;
    if (kind && current.rows[kind] === undefined) current.rows[kind] = r;
    current.lastRow = r;
    table.lastRow = r;
  }
  close();
  return found;
}
