import { formatQuantity, parseValue } from "../../src/core/values/parseValue";

const read = (value: string | number | boolean | null, numberFormat?: string) => parseValue({ value, numberFormat });

const VALUES: [string, number, string, string?][] = [
    ["2,267件 (12計画)", 2267, "件", "12計画"],
    ["365人 (延べ26回)", 365, "人", "延べ26回"],
    ["24名", 24, "名"],
    ["2.05㎡", 2.05, "㎡"],
    ["99.8億円", 9_980_000_000, "円"],
    ["23,470千円", 23_470_000, "円"],
    ["6.5 万件", 65_000, "件"],
    ["4万件", 40_000, "件"],
    ["91,750部", 91_750, "部"],
    ["350 品目", 350, "品目"],
    ["944 人", 944, "人"],
    ["74.9%", 0.749, "%"],
    ["８４.９％", 0.849, "%"],
    ["103%", 1.03, "%"],
    ["+460人", 460, "人"],
    ["-13 人", -13, "人"],
    ["－１３ 人", -13, "人"],
    ["△13", -13, ""],
    ["▲2.5%", -0.025, "%"],
    ["80.9%※", 0.809, "%"],
    ["58.1%※1", 0.581, "%"],
    ["+460人※1", 460, "人"],
    ["1.16", 1.16, ""],
    ["１２３", 123, ""],
  ];

describe("parseValue", () => {
  test.each((VALUES as [string, number, string, string?][]).map(([text, value, unit, note]) => [text, value, unit, note ?? null] as const))("%s → %d %s", (text, value, unit, note) => {
    const reading = read(text);
    expect(reading).toMatchObject({ kind: "number", value, unit, text });
    if (reading.kind === "number") expect(reading.note ?? null).toBe(note);
  });

  test("percentages are exact decimals: 74.9% is the double nearest 0.749", () => {
    expect(read("74.9%")).toMatchObject({ value: 0.749 });
    expect(read("0.06%")).toMatchObject({ value: 0.0006 });
    expect(0.749).not.toBe(74.9 / 100);
  });

  test("numbers with their Excel number format", () => {
    expect(read(0.749, "0.0%")).toMatchObject({ kind: "number", value: 0.749, unit: "%", text: "74.9%" });
    expect(read(2000, '#,##0"件"')).toMatchObject({ kind: "number", value: 2000, unit: "件", text: "2,000件" });
    expect(read(2.05, '0.00"㎡"')).toMatchObject({ unit: "㎡" });
    expect(read(1512, "General")).toMatchObject({ value: 1512, unit: "" });
    expect(read(Number.NaN)).toMatchObject({ kind: "error" });
    expect(read(true)).toMatchObject({ kind: "error" });
  });

  test.each(["—", "－", "-", "―", "‐", "—%", "-%", "", "  ", "※2"])("%j is empty", (text) => {
    expect(read(text)).toMatchObject({ kind: "empty" });
    expect(read(text)).not.toHaveProperty("reason");
  });

  test.each(["未集計", "調査中", "未把握", "集計中", "評価不能"])("%s is empty with the word as the reason", (word) => {
    expect(read(word)).toEqual({ kind: "empty", reason: word, text: word });
  });

  test("cumulative and approximate marks", () => {
    expect(read("延べ8")).toMatchObject({ value: 8, cumulative: true });
    expect(read("［累計］12,000人")).toMatchObject({ value: 12000, unit: "人", cumulative: true });
    expect(read("累計 120件")).toMatchObject({ value: 120, cumulative: true });
    expect(read("約1,000人")).toMatchObject({ value: 1000, note: "約" });
  });

  test.each(["増加", "10～20件", "1,000人と2,000人", "abc", "法定雇用率以上", "100% 以上", "R7", "1,2345件", "12%件"])("%s is an error carrying the text, never a guess", (text) => {
    expect(read(text)).toEqual({ kind: "error", text, message: expect.stringContaining(text) });
  });
});

describe("formatQuantity", () => {
  test.each<[number, string, string]>([
    [1512, "件", "1,512件"],
    [0.756, "%", "75.6%"],
    [0, "%", "0%"],
    [9_980_000_000, "円", "9,980,000,000円"],
    [2.05, "㎡", "2.05㎡"],
    [1 / 3, "", "0.3333"],
  ])("%d %s → %s", (value, unit, text) => expect(formatQuantity(value, unit)).toBe(text));
});
