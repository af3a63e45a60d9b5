/** Texts parsed once per workbook: the same reading for the same text, unchangeable, forgotten for the next workbook. */
import { forgetTexts, memoByText } from "../../../src/core/text/memoByText";
import { parseValue } from "../../../src/core/values/parseValue";

test("a text is read once until the next workbook; the shared reading cannot be changed by a caller", () => {
  const reads: string[] = [];
  const parse = memoByText((text: string) => {
    reads.push(text);
    return { length: text.length };
  });
  const first = parse("2,000 件");
  expect(parse("2,000 件")).toBe(first);
  expect(Object.isFrozen(first)).toBe(true);
  expect(() => {
    (first as { length: number }).length = 0;
  }).toThrow(TypeError);
  forgetTexts();
  expect(parse("2,000 件")).not.toBe(first);
  expect(reads).toEqual(["2,000 件", "2,000 件"]);
});

test("at its limit the memory starts again instead of growing", () => {
  const reads: string[] = [];
  const parse = memoByText((text: string) => {
    reads.push(text);
    return { text };
  }, 2);
  for (const t of ["a", "b", "a", "c", "a"]) parse(t);
  expect(reads).toEqual(["a", "b", "c", "a"]);
});

test("parseValue gives equal readings for a text whether remembered or not", () => {
  forgetTexts();
  const fresh = parseValue({ value: "2,267件 (12計画)" });
  const remembered = parseValue({ value: "2,267件 (12計画)" });
  expect(remembered).toBe(fresh);
  expect(remembered).toEqual({ kind: "number", value: 2267, unit: "件", text: "2,267件 (12計画)", note: "12計画" });
});
