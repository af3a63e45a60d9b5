/** Units: the same unit under other names, and how a typed unit disagrees with the one expected. */
import { sameUnit, unitDisagreement } from "../../../src/core/evaluation/units";

test.each([
  ["人", "名", true],
  ["か所", "箇所", true],
  ["ヶ所", "カ所", true],
  ["件", "回", false],
])("%s and %s are the same unit: %s", (a, b, same) => {
  expect(sameUnit(a, b)).toBe(same);
});

test.each<[string, string, "no-percent" | "other" | null]>([
  ["", "%", "no-percent"],
  ["", "件", null],
  ["", "", null],
  ["%", "%", null],
  ["名", "人", null],
  ["件", "人", "other"],
  ["%", "回", "other"],
  ["件", "", null],
])("typed %j where %j is expected: %s", (typed, expected, disagreement) => {
  expect(unitDisagreement(typed, expected)).toBe(disagreement);
});
