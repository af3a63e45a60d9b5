/**
 * Indicators of the 武蔵野市 action plan (seeds/data/musashino.ts) laid out with one target per
 * plan year, for the samples of the layouts departments use beside the 事業シート. The source
 * document gives only the final target: the yearly targets here are a straight line from the
 * baseline to the final target (whole numbers for counts, one decimal for percentages), a rule a
 * 企画調整課 commonly uses when it asks departments for yearly targets. Actuals are the sample R7
 * actuals of musashino.ts.
 */
import { musashinoProjects } from "./musashino";
import type { SeedActionIndicator } from "./types";

/** The plan's years: R7–R11. */
export const PLAN_YEARS = [2025, 2026, 2027, 2028, 2029];

export interface YearlyIndicator {
  projectNo: string;
  department: string;
  name: string;
  unit: string;
  /** Baseline as printed, and its fiscal year. */
  baseline: string;
  baselineFy: number;
  baselinePeriod: string;
  /** The target for each plan year as a person would type it (`1,516件`, `70.9%`); "—" for a monitoring indicator. */
  targets: string[];
  /** The sample R7 actual, as typed; undefined when missing on purpose. */
  r7Actual?: string;
}

/** The indicators used, by project number and name (value targets with a year, and one monitoring indicator). */
const CHOSEN: [string, string][] = [
  ["10", "市民意識調査で、市の情報について「必要な情報は得られている」と回答した方の割合"],
  ["10", "市民意識調査の回収率"],
  ["12", "寄附件数"],
  ["12", "返礼品目数"],
  ["18", "職員採用試験の受験者数"],
  ["19", "各種研究団体による研究発表会等の参加費補助の申請件数"],
  ["24", "ふるさと納税制度に関する市民への周知回数(年間)"],
  ["27", "標準保険料率到達率(所得割率)"],
  ["32", "一時貸付、暫定利用の件数"],
  ["39", "事業目的を全て満たしている学校数"],
  ["8", "市報発行部数（1回当たり）"],
];

function formatCount(n: number, unit: string): string {
  return `${n.toLocaleString("en-US")}${unit}`;
}

/**
 * The target of year `fy` on the line from the baseline to the final target, in integer steps so
 * the rounding is exact: counts to whole numbers, percentages to tenths.
 */
function lineTarget(indicator: SeedActionIndicator, fy: number): string {
  const { target, targetFy, baseline, baselineFy } = indicator.expected;
  if (target.kind !== "value" || !("value" in baseline) || typeof targetFy !== "number" || typeof baselineFy !== "number") return "—";
  const percent = target.unit === "%";
  const scale = percent ? 1000 : 1; // tenths of a percent
  const b = Math.round(baseline.value * scale);
  const t = Math.round(target.value * scale);
  if (fy >= targetFy) return percent ? `${(t / 10).toFixed(1)}%` : formatCount(t, target.unit);
  const span = targetFy - baselineFy;
  const steps = fy - baselineFy;
  const value = Math.round((b * span + (t - b) * steps) / span);
  return percent ? `${(value / 10).toFixed(1)}%` : formatCount(value, target.unit);
}

function unitOf(indicator: SeedActionIndicator): string {
  const { target, baseline } = indicator.expected;
  if (target.kind === "value") return target.unit;
  return "unit" in baseline ? baseline.unit : "";
}

export const yearlyIndicators: YearlyIndicator[] = CHOSEN.map(([no, name]) => {
  const project = musashinoProjects.find((p) => p.no === no)!;
  const indicator = project.indicators.find((i) => i.name.replace(/\s+/g, " ").trim() === name);
  if (!indicator) throw new Error(`seed indicator not found: 事業${no} ${name}`);
  const baselineFy = indicator.expected.baselineFy;
  return {
    projectNo: no,
    department: project.department,
    name,
    unit: unitOf(indicator),
    baseline: indicator.baseline,
    baselineFy: typeof baselineFy === "number" ? baselineFy : 2024,
    baselinePeriod: indicator.baselinePeriod,
    targets: PLAN_YEARS.map((fy) => lineTarget(indicator, fy)),
    r7Actual: indicator.r7Actual,
  };
});
