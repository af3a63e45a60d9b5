import type { RawCell } from "../cells/RawCell";
import {
  NOT_GRADED,
  type Direction,
  type EvaluationContext,
  type Flag,
  type IndicatorCells,
  type IndicatorResult,
} from "../indicators/Indicator";
import { fiscalYearJapanese, fiscalYearLabel, parsePeriodCell } from "../periods/parsePeriod";
import type { FiscalYear } from "../periods/Period";
import type { Preset } from "../presets/Preset";
import { parseDirectionWord, parseTarget } from "../targets/parseTarget";
import type { Comparator, Target } from "../targets/Target";
import { foldName } from "../text/normalize";
import { formatQuantity, parseValue } from "../values/parseValue";
import type { ValueReading } from "../values/ValueReading";
import { decideDirection } from "./direction";
import { bandLabel } from "./grade";
import { achievementRate, expectedShare, isAchieved, progressRate } from "./rates";
import { nearlyEqual } from "./compare";
import { trendOf } from "./trend";
import { sameUnit, unitDisagreement } from "./units";

/** An indicator's cells, read. */
export interface ParsedIndicator {
  name: string;
  target: Target;
  /** The target's fiscal year; `every` for 毎年度. */
  targetFy: FiscalYear | "every" | null;
  baseline: ValueReading;
  baselineFy: FiscalYear | null;
  actual: ValueReading;
  /** The actual cell's formula when it has no value: the user's value, not computed yet. */
  actualFormula?: string;
  /** 単位 column: the unit of unitless values. */
  unit?: string;
  /** 方向 column. */
  givenDirection?: Direction | null;
  /** The evaluated year's own target (tables with one target per year). */
  yearTarget?: Target;
  perYearTargets: boolean;
  targetColumn: boolean;
}

function periodFy(cell: RawCell | undefined): FiscalYear | "every" | null {
  if (!cell) return null;
  const p = parsePeriodCell(cell);
  if (p.kind === "fiscalYear" || p.kind === "pointInTime") return p.fy;
  return p.kind === "everyYear" ? "every" : null;
}

export function parseIndicator(cells: IndicatorCells): ParsedIndicator {
  const unitText = cells.unit && typeof cells.unit.value === "string" ? cells.unit.value.trim() : "";
  const directionText = cells.direction && cells.direction.value !== null ? String(cells.direction.value) : "";
  const baselineFy = periodFy(cells.baselinePeriod);
  return {
    name: cells.name,
    target: cells.target ? parseTarget(cells.target) : { kind: "none", text: "" },
    targetFy: periodFy(cells.targetPeriod),
    baseline: cells.baseline ? parseValue(cells.baseline) : { kind: "empty", text: "" },
    baselineFy: baselineFy === "every" ? null : baselineFy,
    actual: cells.actual ? parseValue(cells.actual) : { kind: "empty", text: "" },
    actualFormula: cells.actualFormula,
    unit: unitText || undefined,
    givenDirection: directionText ? parseDirectionWord(directionText) : null,
    yearTarget: cells.yearTarget ? parseTarget(cells.yearTarget) : undefined,
    perYearTargets: cells.perYearTargets ?? false,
    targetColumn: cells.targetColumn ?? true,
  };
}

/** A target the engine can grade against (a value, a named reference, 増加 / 減少 / 維持). */
function usable(target: Target | undefined): target is Target {
  return target !== undefined && (target.kind === "value" || target.kind === "reference" || target.kind === "directional");
}

/** Read the raw cells, then evaluate them for the context's fiscal year. */
export function evaluateIndicator(cells: IndicatorCells, preset: Preset, ctx: EvaluationContext): IndicatorResult {
  return evaluateParsed(parseIndicator(cells), preset, ctx);
}

const pct = (rate: number) => `${(rate * 100).toFixed(1)}%`;
const COMPARATOR_WORD: Record<Comparator, string> = { ">=": "以上", "<=": "以下", ">": "超", "<": "未満" };

interface Quantity {
  value: number;
  unit: string;
}

type BaseResult = Omit<IndicatorResult, "rate" | "achieved" | "grade" | "graded" | "explanation">;

/**
 * The result as one object literal in a fixed shape: spreading `base` and adding properties made
 * V8 build each result slowly (about 8 µs an indicator, measured with bench/engine.bench.ts).
 */
function finish(b: BaseResult, rate: number | null, achieved: boolean | null, grade: string, graded: boolean, explanation: string): IndicatorResult {
  return {
    name: b.name, unit: b.unit, direction: b.direction, directionSource: b.directionSource, baseline: b.baseline, target: b.target,
    targetYear: b.targetYear, actual: b.actual, rate, achieved, grade, graded, trend: b.trend, flags: b.flags, explanation,
  };
}

/** (Module level on purpose: a closure per call costs a defineProperty under tsx's keepNames.) */
function show(q: Quantity): string {
  return formatQuantity(q.value, q.unit);
}

function withUnit(reading: ValueReading, fallbackUnit: string | undefined): Quantity | null {
  if (reading.kind !== "number") return null;
  return { value: reading.value, unit: reading.unit || fallbackUnit || "" };
}

function findReference(name: string, references: Record<string, number> | undefined): number | undefined {
  if (!references) return undefined;
  const key = foldName(name);
  for (const [k, v] of Object.entries(references)) if (foldName(k) === key) return v;
  return undefined;
}

/** Evaluate an indicator whose cells are already read. Pure; never throws. */
export function evaluateParsed(parsed: ParsedIndicator, preset: Preset, ctx: EvaluationContext): IndicatorResult {
  const flags: Flag[] = [];
  const yearName = fiscalYearJapanese(ctx.year);
  const yearLabel = fiscalYearLabel(ctx.year);
  const baselineQ = withUnit(parsed.baseline, parsed.unit);
  let actualQ = withUnit(parsed.actual, parsed.unit);
  // With one target per year, the year is graded against its own target (standard, binary); the
  // progress preset keeps the final target and takes the year's as the expected progress.
  const yearTarget = usable(parsed.yearTarget) ? parsed.yearTarget : undefined;
  const useYearTarget = yearTarget !== undefined && (preset.method !== "progress" || !usable(parsed.target));
  const target = useYearTarget ? yearTarget : parsed.target;
  const targetYear = useYearTarget ? ctx.year : parsed.targetFy === "every" ? ctx.year : parsed.targetFy;
  const targetWord = useYearTarget ? `${yearLabel}目標` : "目標";
  const finalNote = parsed.perYearTargets && !yearTarget && usable(target) ? `（${yearLabel}の目標値がないため最終目標で評価）` : "";

  // The target as a number, when it has one.
  let targetQ: Quantity | null = null;
  let comparator: Comparator | undefined;
  let notGraded: string | null = null;
  if (target.kind === "value") {
    targetQ = { value: target.value, unit: target.unit || parsed.unit || "" };
    comparator = target.comparator;
  } else if (target.kind === "reference") {
    const value = findReference(target.name, ctx.references);
    comparator = target.comparator;
    if (value === undefined) {
      flags.push("reference-missing");
      notGraded = `${target.name}の値が未設定です（参照値として「${target.name}=値」を設定してください）`;
    } else {
      // The reference is in the indicator's own unit (the CLI checks that it was typed so): shown as people write it, 2.5%, not 0.025.
      targetQ = { value, unit: baselineQ?.unit || actualQ?.unit || "" };
    }
  } else if (target.kind === "directional" && target.direction === "maintain" && baselineQ) {
    targetQ = { ...baselineQ };
  } else if (target.kind === "none") {
    flags.push("no-target");
    if (!parsed.targetColumn) notGraded = "この表には目標値の列がありません";
    else {
      flags.push("monitoring");
      notGraded = "目標値が設定されていません（モニタリング指標）";
    }
  } else if (target.kind === "error") {
    flags.push("unreadable");
    notGraded = `目標値「${target.text}」を読み取れません`;
  }

  const decision = decideDirection(target, baselineQ?.value ?? null, { override: ctx.directionOverride, sheet: parsed.givenDirection });
  const { direction } = decision;
  if (decision.inferred) flags.push("direction-inferred");
  if (target.kind === "directional" && target.direction === "maintain") comparator = direction === "up" ? ">=" : "<=";

  if (parsed.baseline.kind === "error") flags.push("unreadable");
  if (parsed.actual.kind === "error") {
    if (!flags.includes("unreadable")) flags.push("unreadable");
    notGraded ??= `実績値「${parsed.actual.text}」を読み取れません`;
  } else if (!actualQ && parsed.actualFormula && parsed.actual.kind === "empty") {
    // A formula is the user's value: not missing, only not computed (or computed empty) yet.
    flags.push("formula-not-computed");
    notGraded ??= `${yearName}の実績値の式「${parsed.actualFormula}」に計算結果がありません（未計算）`;
  } else if (!actualQ) {
    flags.push("missing-actual");
    const reason = parsed.actual.kind === "empty" && parsed.actual.reason ? `（${parsed.actual.reason}）` : "";
    notGraded ??= `${yearName}の実績値がありません${reason}`;
  }

  // Units: a unitless actual takes the target's unit, except against a percentage.
  const reference = targetQ ?? (target.kind === "directional" ? baselineQ : null);
  const disagreement = actualQ && reference ? unitDisagreement(actualQ.unit, reference.unit) : null;
  if (actualQ && reference) {
    if (disagreement === "no-percent") {
      flags.push("unit-mismatch");
      notGraded ??= `実績 ${formatQuantity(actualQ.value, "")} に % がありません（${formatQuantity(actualQ.value, "")}% のように入力してください）`;
    } else if (disagreement === "other") {
      flags.push("unit-mismatch");
      notGraded ??= `単位が一致しません（目標 ${reference.unit}、実績 ${actualQ.unit}）`;
    } else if (actualQ.unit === "") {
      actualQ = { value: actualQ.value, unit: reference.unit };
    }
  }
  // A baseline in another unit than the target (件 vs 人) is not compared with it.
  const usableBaseline = baselineQ && (!targetQ || baselineQ.unit === "" || targetQ.unit === "" || sameUnit(baselineQ.unit, targetQ.unit)) ? baselineQ : null;
  if (target.kind === "directional" && !baselineQ && !notGraded) {
    flags.push("no-baseline");
    notGraded = `基準値がないため「${target.text}」を判定できません`;
  }

  const base: BaseResult = {
    name: parsed.name,
    unit: targetQ?.unit || actualQ?.unit || baselineQ?.unit || "",
    direction,
    directionSource: decision.source,
    baseline: baselineQ?.value ?? null,
    target: target.kind === "directional" && target.direction !== "maintain" ? null : (targetQ?.value ?? null),
    targetYear,
    actual: actualQ?.value ?? null,
    trend: trendOf(actualQ?.value ?? null, usableBaseline?.value ?? null, direction),
    flags,
  };

  if (notGraded || !actualQ || (!targetQ && target.kind !== "directional")) {
    return finish(base, null, null, NOT_GRADED, false, `評価なし: ${notGraded ?? "評価できません"}`);
  }

  const A = actualQ;

  // Directional targets (増加 / 減少) are judged against the baseline.
  if (target.kind === "directional" && target.direction !== "maintain") {
    const B = baselineQ!;
    const achieved = direction === "up" ? A.value > B.value : A.value < B.value;
    const rate = achievementRate(A.value, B.value, direction);
    const word = direction === "up" ? "増加" : "減少";
    const grade = preset.method === "binary" ? (achieved ? preset.achievedLabel : (preset.notAchievedLabel ?? bandLabel(preset, null))) : achieved ? preset.achievedLabel : bandLabel(preset, rate);
    const formula = rate === null ? `実績 ${show(A)}、基準 ${show(B)}` : direction === "up" ? `実績 ${show(A)} ÷ 基準 ${show(B)} = ${pct(rate)}` : `基準 ${show(B)} ÷ 実績 ${show(A)} = ${pct(rate)}`;
    return finish(base, rate, achieved, grade, true, `${word}目標: ${formula}（${achieved ? "達成" : "未達成"}） → ${grade}`);
  }

  const T = targetQ!;
  const achieved = isAchieved(A.value, T.value, direction, comparator);
  const targetShown = `${show(T)}${comparator ? COMPARATOR_WORD[comparator] : ""}`;

  if (preset.method === "progress") {
    const B = usableBaseline;
    if (!B) {
      flags.push("no-baseline");
      const rate = achievementRate(A.value, T.value, direction);
      const grade = achieved ? preset.achievedLabel : bandLabel(preset, rate);
      const formula = rate === null ? `${targetWord} ${targetShown}、実績 ${show(A)}` : direction === "up" ? `実績 ${show(A)} ÷ ${targetWord} ${show(T)} = ${pct(rate)}` : `${targetWord} ${show(T)} ÷ 実績 ${show(A)} = ${pct(rate)}`;
      return finish(base, rate, achieved, grade, true, `基準値なしのため達成率で評価: ${formula}${finalNote} → ${grade}`);
    }
    const hasComparator = comparator !== undefined;
    const rate = progressRate(A.value, B.value, T.value, direction, hasComparator);
    const plain = !hasComparator && target.kind === "value";
    // The expected progress: the year's own target where the sheet gives one, else the share of the plan period passed.
    const yearQ = !useYearTarget && yearTarget?.kind === "value" ? yearTarget.value : null;
    let share = 1;
    let shareBasis = "";
    if (plain && yearQ !== null && !nearlyEqual(T.value, B.value)) {
      share = (yearQ - B.value) / (T.value - B.value);
      shareBasis = `${yearLabel}目標 ${formatQuantity(yearQ, T.unit)}`;
    } else if (plain && ctx.planStart !== undefined && targetYear !== null) {
      share = expectedShare(ctx.year, ctx.planStart, targetYear);
      shareBasis = "計画期間の経過";
    }
    const q = rate === null ? null : share > 0 ? rate / share : rate;
    const grade = q === null ? (achieved ? preset.achievedLabel : bandLabel(preset, null)) : q >= 1 - 1e-9 ? preset.achievedLabel : bandLabel(preset, q);
    let formula: string;
    if (rate === null) formula = `${targetWord} ${targetShown}、実績 ${show(A)}`;
    else if (!hasComparator && !(B.value === T.value)) formula = `進捗率 = (実績 ${show(A)} − 基準 ${show(B)}) ÷ (${targetWord} ${show(T)} − 基準 ${show(B)}) = ${pct(rate)}`;
    else if (direction === "up") formula = `進捗率 = 実績 ${show(A)} ÷ ${targetWord} ${show(T)} = ${pct(rate)}`;
    else formula = `進捗率 = (2 × ${targetWord} ${show(T)} − 実績 ${show(A)}) ÷ ${targetWord} ${show(T)} = ${pct(rate)}`;
    const shareText = shareBasis && (share < 1 || yearQ !== null) ? `、期待進捗 ${pct(share)}（${shareBasis}）` : "";
    return finish(base, rate, achieved, grade, true, `${formula}${shareText} → ${grade}`);
  }

  const rate = achievementRate(A.value, T.value, direction);
  const grade = preset.method === "binary"
    ? (achieved ? preset.achievedLabel : (preset.notAchievedLabel ?? bandLabel(preset, null)))
    : achieved ? preset.achievedLabel : bandLabel(preset, rate);
  let explanation: string;
  if (rate === null) {
    explanation = `${targetWord} ${targetShown} に対し実績 ${show(A)}（${achieved ? "達成" : "未達成"}）${finalNote} → ${grade}`;
  } else if (direction === "up") {
    explanation = `達成率 = 実績 ${show(A)} ÷ ${targetWord} ${targetShown} = ${pct(rate)}${finalNote} → ${grade}`;
  } else {
    explanation = `達成率 = ${targetWord} ${targetShown} ÷ 実績 ${show(A)} = ${pct(rate)}${finalNote} → ${grade}`;
  }
  return finish(base, rate, achieved, grade, true, explanation);
}
