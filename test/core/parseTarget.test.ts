import { parseDirectionWord, parseTarget } from "../../src/core/targets/parseTarget";

const target = (value: string | number | null) => parseTarget({ value });

const TARGETS: [string, number, string, string?][] = [
  ["2,000 件", 2000, "件"],
  ["100% 以上", 1, "%", ">="],
  ["2.08㎡以下", 2.08, "㎡", "<="],
  ["10件未満", 10, "件", "<"],
  ["5人超", 5, "人", ">"],
  ["3件以内", 3, "件", "<="],
  ["≧80%", 0.8, "%", ">="],
  ["≦20人", 20, "人", "<="],
  ["６.５ 万件", 65000, "件"],
  ["0件", 0, "件"],
  ["0%", 0, "%"],
  ["0施設", 0, "施設"],
];

test.each((TARGETS as [string, number, string, string?][]).map(([text, value, unit, comparator]) => [text, value, unit, comparator ?? null] as const))("%s is a value target", (text, value, unit, comparator) => {
  const t = target(text);
  expect(t).toMatchObject({ kind: "value", value, unit, text });
  if (t.kind === "value") expect(t.comparator ?? null).toBe(comparator);
});

test.each<[string, string]>([
  ["増加", "up"], ["向上", "up"], ["上昇", "up"], ["拡大", "up"], ["増加を目指す", "up"],
  ["減少", "down"], ["低下", "down"], ["縮小", "down"], ["削減", "down"], ["減少を目指す", "down"],
  ["維持", "maintain"], ["現状維持", "maintain"],
])("%s is a directional target (%s)", (text, direction) => {
  expect(target(text)).toEqual({ kind: "directional", direction, text });
});

test("named references, also wrapped by the PDF extraction", () => {
  expect(target("法定雇用率以上")).toMatchObject({ kind: "reference", name: "法定雇用率", comparator: ">=" });
  expect(target("法定雇 用率以 上")).toMatchObject({ kind: "reference", name: "法定雇用率", comparator: ">=" });
  expect(target("各年標準財政規模以下")).toMatchObject({ kind: "reference", name: "各年標準財政規模", comparator: "<=" });
});

test("none, numbers and errors", () => {
  for (const t of ["—", "－", "-", "", null]) expect(target(t)).toMatchObject({ kind: "none" });
  expect(parseTarget({ value: 0.8, numberFormat: "0%" })).toMatchObject({ kind: "value", value: 0.8, unit: "%" });
  for (const bad of ["検討中の目標", "10～20件", "以上"]) expect(target(bad)).toMatchObject({ kind: "error", text: bad });
});

test("方向 column words", () => {
  expect(["増加", "↑", "増加を目指す", "高い方が良い", "上昇"].map(parseDirectionWord)).toEqual(Array(5).fill("up"));
  expect(["減少", "↓", "減少を目指す", "低い方が良い"].map(parseDirectionWord)).toEqual(Array(4).fill("down"));
  expect(["維持", "", "その他"].map(parseDirectionWord)).toEqual([null, null, null]);
});
