/**
 * The engine on 100,000 generated indicators (goal: all of them in under one second), next to a
 * plain loop that only parses the numbers of the same cells.
 */
import { evaluateIndicator } from "../src/core/evaluation/evaluateIndicator";
import type { IndicatorCells } from "../src/core/indicators/Indicator";
import { getPreset } from "../src/core/presets/builtin";
import { seededRandom } from "../seeds/generate";
import { fmt, medianMs } from "./timing";

const COUNT = 100_000;

function generate(): IndicatorCells[] {
  const rand = seededRandom(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const list: IndicatorCells[] = [];
  for (let i = 0; i < COUNT; i++) {
    const base = Math.round(rand() * 5000);
    const kind = rand();
    let target: IndicatorCells["target"];
    let baseline: IndicatorCells["baseline"];
    let actual: IndicatorCells["actual"];
    if (kind < 0.4) {
      target = { value: `${(base + 500).toLocaleString("en-US")} 件` };
      baseline = { value: `${base.toLocaleString("en-US")} 件` };
      actual = rand() < 0.9 ? { value: `${(base + Math.round(rand() * 600)).toLocaleString("en-US")}件` } : { value: null };
    } else if (kind < 0.6) {
      target = { value: pick(["80%", "100% 以上", "50%"]) };
      baseline = { value: `${(rand() * 90).toFixed(1)}%` };
      actual = { value: rand() * 0.9, numberFormat: "0.0%" };
    } else if (kind < 0.7) {
      target = { value: pick(["0件", "2.08㎡以下", "10件未満"]) };
      baseline = { value: pick(["1件", "2.05㎡", "12件"]) };
      actual = { value: pick(["0件", "2.1㎡", "9件", "—"]) };
    } else if (kind < 0.8) {
      target = { value: pick(["増加", "減少", "維持"]) };
      baseline = { value: `${base}人` };
      actual = { value: base + Math.round(rand() * 20 - 10), numberFormat: '#,##0"人"' };
    } else if (kind < 0.9) {
      target = { value: pick(["法定雇用率以上", "—", "6.5 万件"]) };
      baseline = { value: pick(["3.01%", "4万件", "—"]) };
      actual = { value: pick(["2.8%", "5万件", "未集計"]) };
    } else {
      target = { value: 2000, numberFormat: '#,##0"件"' };
      baseline = { value: 1274, numberFormat: '#,##0"件"' };
      actual = { value: 1512 };
    }
    list.push({ name: `指標${i}`, target, targetPeriod: { value: pick(["R12.3", "R11年度", "毎年度", "令和10年度"]) }, baseline, baselinePeriod: { value: "R6.3" }, actual });
  }
  return list;
}

/** The floor: pull the digits out of the same cells and parseFloat them, nothing else. */
function plainParse(list: IndicatorCells[]): number {
  let sum = 0;
  for (const c of list) {
    for (const cell of [c.target, c.baseline, c.actual]) {
      const v = cell?.value;
      const n = typeof v === "number" ? v : typeof v === "string" ? parseFloat(v.replace(/,/g, "")) : NaN;
      if (!Number.isNaN(n)) sum += n;
    }
  }
  return sum;
}

export async function run(): Promise<void> {
  const list = generate();
  const ctx = { year: 2025, planStart: 2025, references: { 法定雇用率: 0.025 } };
  const plain = await medianMs(5, () => plainParse(list));
  console.log(`plain number loop   ${COUNT.toLocaleString()} indicators: ${fmt(plain)}`);
  for (const id of ["standard", "progress"]) {
    const preset = getPreset(id)!;
    const ms = await medianMs(5, () => {
      for (const c of list) evaluateIndicator(c, preset, ctx);
    });
    const perSecond = Math.round((COUNT / ms) * 1000);
    console.log(`evaluate (${id.padEnd(8)}) ${COUNT.toLocaleString()} indicators: ${fmt(ms)} = ${perSecond.toLocaleString()} indicators/s, ${(ms / plain).toFixed(1)}× the plain loop; goal < 1000 ms: ${ms < 1000 ? "met" : "NOT met"}`);
  }
}

if (require.main === module) void run();
