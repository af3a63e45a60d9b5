import { where } from "../workbook/Diagnostics";
import type { Grid } from "../workbook/Grid";
import type { Indicator, TableColumn } from "../workbook/WorkbookModel";
import { readBestBand, type HeaderBand } from "./headerBand";
import { isBlankOrDash } from "./headerWords";
import { makeTable, reportHeader } from "./makeTable";
import { readIndicatorRow } from "./readIndicatorRow";
import { isTaken, mappedAt, projectAt, type DetectContext, type LayoutFindings } from "./LayoutDetector";

/**
 * A KPI list header: a name column and a target, a baseline or per-year actuals. Lists that print
 * no header over the names (小平市's 施策 tables) take the column left of the values.
 */
export function kpiHeaderAt(grid: Grid, row: number): { band: HeaderBand; roles: TableColumn[] } | null {
  const band = readBestBand(grid, row, grid.left, grid.right - 1, null);
  const roles = band.columns;
  const has = (role: string) => roles.some((c) => c.role === role);
  const valued = has("target") || has("baseline");
  if (!valued && !roles.some((c) => c.role === "actual" && c.fy !== null)) return null;
  if (has("name")) return { band, roles };
  if (!valued) return null;
  const firstValue = Math.min(...roles.filter((c) => c.role === "target" || c.role === "baseline").map((c) => c.col));
  const nameCol = firstValue - 1;
  if (nameCol < grid.left || !grid.isEmpty(band.top, nameCol) || !grid.isEmpty(band.bottom, nameCol) || grid.text(band.bottom + 1, nameCol) === "") return null;
  const name: TableColumn = { col: nameCol, role: "name", fy: null, header: "" };
  return { band, roles: [name, ...roles].sort((a, b) => a.col - b.col) };
}

/** Layout B: KPI lists, one row per indicator under a header (one row or two); several tables per sheet. */
export function detectKpiLists(grid: Grid, context: DetectContext): LayoutFindings {
  const { diagnostics, taken, mapped } = context;
  const findings: LayoutFindings = { tables: [], indicators: [], projects: [], noIndicator: [], rows: [] };
  const sheet = grid.name;
  const seenKeys = new Set<string>();
  const skipped = (row: number) => isTaken(taken, row);
  const headerAt = (row: number): { band: HeaderBand; roles: TableColumn[]; source: "detected" | "mapped" } | null => {
    if (row >= grid.bottom || skipped(row)) return null;
    const hand = mappedAt(mapped, row);
    if (hand === "blocked") return null;
    if (hand) return { band: { top: hand.top, bottom: hand.bottom, columns: hand.roles, unread: [] }, roles: hand.roles, source: "mapped" };
    const found = kpiHeaderAt(grid, row);
    return found && { ...found, source: "detected" };
  };

  let row = grid.top;
  while (row < grid.bottom) {
    const header = headerAt(row);
    const made = header && makeTable(grid, { sheet, layout: "kpi-list", source: header.source, headerTop: header.band.top, headerRow: header.band.bottom, roles: header.roles, project: projectAt(context.blocks, header.band.top) });
    if (!header || !made) {
      row++;
      continue;
    }
    const { table } = made;
    const { columns } = table;
    const valueCols = table.roles.filter((c) => c.col !== columns.name && c.role !== "ignore").map((c) => c.col);
    const found: Indicator[] = [];
    let r = table.headerRow + 1;
    for (; r < grid.bottom; r++) {
      if (skipped(r) || headerAt(r)) break;
      const name = grid.display(r, columns.name);
      const valuesBlank = valueCols.every((col) => grid.isEmpty(r, col));
      if (name === "" && valuesBlank) break;
      if (name.startsWith("※")) break;
      // A title line just before the next table: text in the name column only.
      if (valuesBlank && (headerAt(r + 1) || headerAt(r + 2))) break;
      table.lastRow = r;
      if (name === "" || isBlankOrDash(name)) {
        if (!valueCols.every((col) => isBlankOrDash(grid.text(r, col)))) {
          diagnostics.add("warning", "indicator-without-name", sheet, r, columns.name,
            `${where(sheet, r, columns.name)}: 指標名がない行に値があります。指標名を入力してください。`);
        }
        continue;
      }
      found.push(readIndicatorRow(grid, table, r, name, seenKeys, diagnostics));
    }
    findings.tables.push(table);
    findings.rows.push({ from: table.headerTop, to: table.lastRow });
    reportHeader(table, made.assembled, header.band.unread, found.length, diagnostics);
    for (const i of found) findings.indicators.push(i);
    row = Math.max(r, table.headerRow + 1);
  }
  return findings;
}
