/** Every diagnostic the engine can give has English words; the location is shown once, not in the text. */
import fs from "node:fs";
import path from "node:path";
import { ENGLISH_DIAGNOSTICS, diagnosticText } from "../../src/taskpane/diagnosticText";

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
}

test("each code the engine's diagnostics use has an English text", () => {
  const codes = new Set<string>();
  for (const file of sourceFiles(path.join(__dirname, "../../src/core"))) {
    for (const m of fs.readFileSync(file, "utf8").matchAll(/\.add\(\s*"(?:error|warning|info)",\s*"([a-z-]+)"/g)) codes.add(m[1]);
  }
  expect(codes.size).toBeGreaterThan(10);
  expect([...codes].filter((c) => !ENGLISH_DIAGNOSTICS[c])).toEqual([]);
});

test("the location prefix is dropped; quoted names and values fill the English text; an unknown code keeps its Japanese", () => {
  const d = { severity: "error" as const, code: "unreadable-value", sheet: "事業3", cell: "G12", message: "シート「事業3」のG12: 実績値「たくさん」を読み取れません（数値として読めません）。" };
  expect(diagnosticText(d, "ja")).toBe("実績値「たくさん」を読み取れません（数値として読めません）。");
  expect(diagnosticText(d, "en")).toBe("Cannot read the actual “たくさん”.");
  expect(diagnosticText({ ...d, code: "something-new" }, "en")).toBe("実績値「たくさん」を読み取れません（数値として読めません）。");
  // A project's long reason for setting no indicator is not quoted in full (it is in the sheet).
  const none = { severity: "info" as const, code: "no-indicator", sheet: "事業4", cell: "A10", message: "シート「事業4」: 事業4「財政援助」には指標が設定されていません（【定量的な指標を設定できない理由】 見直しの結果を踏まえ（仮）検討するため。）。" };
  expect(diagnosticText(none, "ja")).toBe("事業4「財政援助」には指標が設定されていません。");
});
