/** Integrity of the 武蔵野市 transcription: the counts a reader of the document finds. */
import { musashinoProjects } from "../../seeds/data/musashino";

test("46 projects numbered 1 to 46, each with a name, a department and a 指標 table", () => {
  expect(musashinoProjects.map((p) => p.no)).toEqual(Array.from({ length: 46 }, (_, i) => String(i + 1)));
  for (const p of musashinoProjects) {
    expect(p.name).not.toBe("");
    expect(p.department).toMatch(/課|部/);
    expect(p.indicators.length).toBeGreaterThan(0);
  }
});

test("64 named indicators; 16 projects set no indicator and say why", () => {
  const named = musashinoProjects.flatMap((p) => p.indicators.filter((i) => i.name !== ""));
  expect(named).toHaveLength(64);
  const none = musashinoProjects.filter((p) => p.indicators.every((i) => i.name === ""));
  expect(none.map((p) => p.no)).toEqual(["4", "6", "7", "9", "13", "17", "20", "22", "26", "30", "34", "35", "37", "38", "41", "45"]);
  for (const p of none) expect(p.other).toMatch(/^【定量的な指標を設定できない理由】/);
});

test("the sample actuals: most indicators have one, some are missing on purpose", () => {
  const named = musashinoProjects.flatMap((p) => p.indicators.filter((i) => i.name !== ""));
  const missing = named.filter((i) => i.r7Actual === undefined);
  expect(missing.length).toBeGreaterThanOrEqual(6);
  expect(missing.length / named.length).toBeLessThan(0.3);
  expect(new Set(musashinoProjects.filter((p) => p.indicators.some((i) => i.name !== "" && i.r7Actual === undefined)).map((p) => p.department)).size).toBeGreaterThanOrEqual(4);
});
