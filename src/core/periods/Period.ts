/**
 * A fiscal year (年度) is named by the Western year in which it starts (April–March):
 * FY2025 = 令和7年度 = R7, runs 2025-04-01 .. 2026-03-31.
 */
export type FiscalYear = number;

/**
 * - `fiscalYear`: a whole fiscal year (`R7`, `令和7年度`, `2025年度`, `令和7(2025)年度`).
 * - `pointInTime`: a month (`R6.3` = March 2024 → FY2023; `平成31年度末` = end of FY2019):
 *   `fy` is the fiscal year the point falls in; `month` is 1–12 (3 for 年度末).
 * - `everyYear`: `毎年度`.
 * - `empty`: blank or a dash.
 * - `error`: text that is not a period.
 */
export type Period =
  | { kind: "fiscalYear"; fy: FiscalYear; text: string }
  | { kind: "pointInTime"; fy: FiscalYear; year: number; month: number; text: string }
  | { kind: "everyYear"; text: string }
  | { kind: "empty"; text: string }
  | { kind: "error"; text: string; message: string };
