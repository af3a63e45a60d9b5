/**
 * Every value, period and target of the seed documents, as transcribed in seeds/data, read by the
 * engine's parsers exactly as a careful reader of the document reads it.
 */
import { kiyoseList } from "../../seeds/data/kiyose";
import { kodairaList } from "../../seeds/data/kodaira";
import { koganeiList } from "../../seeds/data/koganei";
import { musashinoProjects } from "../../seeds/data/musashino";
import type { ExpectedPeriod } from "../../seeds/data/types";
import { parsePeriod } from "../../src/core/periods/parsePeriod";
import { parseTarget } from "../../src/core/targets/parseTarget";
import { parseValue } from "../../src/core/values/parseValue";
import { asExpectedTarget, asExpectedValue, withoutNote } from "./expectations";

function period(text: string): ExpectedPeriod | { error: string } {
  const p = parsePeriod(text);
  if (p.kind === "fiscalYear" || p.kind === "pointInTime") return p.fy;
  if (p.kind === "everyYear") return "every";
  if (p.kind === "empty") return null;
  return { error: text };
}

const actionRows = musashinoProjects.flatMap((p) => p.indicators.map((i) => ({ project: p.no, ...i })));

describe("武蔵野市 行財政改革アクションプラン (every 指標 row)", () => {
  test.each(actionRows.map((r) => [`事業${r.project} ${r.name || "(指標なし)"}`, r] as const))("%s", (_label, row) => {
    const baseline = asExpectedValue(parseValue({ value: row.baseline }));
    const expectedBaseline = row.expected.baseline;
    expect("note" in expectedBaseline ? baseline : withoutNote(baseline)).toEqual(expectedBaseline);
    expect(asExpectedTarget(parseTarget({ value: row.target }))).toEqual(row.expected.target);
    expect(period(row.targetYear)).toEqual(row.expected.targetFy);
    expect(period(row.baselinePeriod)).toEqual(row.expected.baselineFy);
  });
});

const listRows = [kiyoseList, kodairaList, koganeiList].flatMap((list) =>
  list.tables.flatMap((t) => t.rows.map((r) => ({ city: list.municipality, ...r }))),
);

describe("KPI lists of 清瀬市, 小平市 and 小金井市 (every row)", () => {
  test.each(listRows.map((r) => [`${r.city} ${r.name}`, r] as const))("%s", (_label, row) => {
    const baseline = asExpectedValue(parseValue({ value: row.baseline }));
    expect("note" in row.expected.baseline ? baseline : withoutNote(baseline)).toEqual(row.expected.baseline);
    expect(asExpectedTarget(parseTarget({ value: row.target }))).toEqual(row.expected.target);
  });
});
