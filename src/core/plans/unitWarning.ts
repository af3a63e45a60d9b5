import { unitDisagreement } from "../evaluation/units";
import type { IndicatorCells } from "../indicators/Indicator";
import { parseTarget } from "../targets/parseTarget";
import { formatQuantity, parseValue } from "../values/parseValue";
import { PERCENT_UNIT } from "../values/ValueReading";
import { nfkc } from "../text/normalize";

/** The unit an indicator is measured in: its target's, else its 単位 column's, else its baseline's ("" when none says). */
export function indicatorUnit(raw: IndicatorCells): string {
  const target = raw.target ? parseTarget(raw.target) : null;
  if (target?.kind === "value" && target.unit) return target.unit;
  const column = raw.unit && typeof raw.unit.value === "string" ? raw.unit.value.trim() : "";
  if (column) return nfkc(column);
  const baseline = raw.baseline ? parseValue(raw.baseline) : null;
  return baseline?.kind === "number" ? baseline.unit : "";
}

/**
 * Why a typed actual's unit disagrees with the indicator's, or null: `50%` for an indicator
 * counted in 回, `45.5` for a percentage, `12件` for one counted in 人. Written anyway; the person
 * should look (the evaluation cannot grade a value in another unit).
 */
export function unitWarning(raw: IndicatorCells, typed: string): string | null {
  const unit = indicatorUnit(raw);
  const reading = parseValue({ value: typed });
  if (!unit || reading.kind !== "number") return null;
  const disagreement = unitDisagreement(reading.unit, unit);
  if (disagreement === "no-percent") {
    return `指標の単位は % ですが、実績値「${typed}」に % がありません（${formatQuantity(reading.value / 100, PERCENT_UNIT)} のつもりなら「${typed.trim()}%」と入力してください）。`;
  }
  if (disagreement === "other") {
    return `指標の単位は「${unit}」ですが、実績値「${typed}」の単位は「${reading.unit}」です。`;
  }
  return null;
}
