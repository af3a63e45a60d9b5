/**
 * Every member of the Excel JavaScript API that the adapter, the ribbon commands and the task pane
 * use, with the ExcelApi set the typings tag it with: a member above the manifest's minimum must sit
 * inside an isSetSupported branch (Office 2019 has ExcelApi 1.7 only). Prints the table.
 */
import fs from "node:fs";
import path from "node:path";
import { apiSetUsage, versionNumber, type ApiUse } from "../../helpers/apiSetUsage";

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, "../../..");
const TSCONFIG = path.join(ROOT, "tsconfig.json");
const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const MINIMUM = /<Set Name="ExcelApi" MinVersion="([\d.]+)"\/>/.exec(manifest)![1];

const unguarded = (uses: ApiUse[]) =>
  uses.filter((u) => versionNumber(u.needs) > versionNumber(MINIMUM) && (u.guardedBy === null || versionNumber(u.guardedBy) < versionNumber(u.needs)));

function table(uses: ApiUse[]): string {
  const rows = new Map<string, { needs: string; guards: Set<string>; where: Set<string> }>();
  for (const u of uses) {
    const row = rows.get(u.member) ?? { needs: u.needs, guards: new Set(), where: new Set() };
    row.guards.add(u.guardedBy ?? "—");
    row.where.add(u.where.replace(/:\d+$/, ""));
    rows.set(u.member, row);
  }
  const lines = [...rows].sort(([a, x], [b, y]) => versionNumber(y.needs) - versionNumber(x.needs) || a.localeCompare(b))
    .map(([member, r]) => `${r.needs.padEnd(5)} ${member.padEnd(58)} guard ${[...r.guards].join("/").padEnd(10)} ${[...r.where].join(", ")}`);
  return [`ExcelApi  member (manifest minimum ${MINIMUM})`, ...lines].join("\n");
}

test("every Excel member above the manifest's minimum is used only inside an isSetSupported branch", () => {
  const files = [
    ...fs.readdirSync(path.join(ROOT, "src/adapters/office")).filter((f) => f.endsWith(".ts") && f !== "ExcelLike.ts").map((f) => path.join(ROOT, "src/adapters/office", f)),
    path.join(ROOT, "src/commands/commands.ts"),
    path.join(ROOT, "src/taskpane/index.tsx"),
  ];
  const uses = apiSetUsage(files, TSCONFIG);
  console.log(table(uses));
  // The walk sees what the adapter really uses, old and new sets alike.
  expect(uses.map((u) => u.member)).toEqual(expect.arrayContaining(["Excel.Range.values", "Excel.Worksheet.getUsedRangeOrNullObject", "Excel.Range.getMergedAreasOrNullObject", "Excel.NoteCollection.add", "Excel.RunOptions.mergeUndoGroup"]));
  expect(uses.find((u) => u.member === "Excel.Range.getMergedAreasOrNullObject")!.needs).toBe("1.13");
  expect(unguarded(uses)).toEqual([]);
});

test("an unguarded use is caught, a guarded one is not", () => {
  const uses = apiSetUsage([path.join(__dirname, "fixtures/unguardedNotes.ts")], TSCONFIG);
  expect(unguarded(uses).map((u) => `${u.member} ${u.where}`)).toEqual([
    "Excel.RunOptions.mergeUndoGroup test/adapters/office/fixtures/unguardedNotes.ts:5",
    "Excel.NoteCollection.add test/adapters/office/fixtures/unguardedNotes.ts:7",
    "Excel.Worksheet.notes test/adapters/office/fixtures/unguardedNotes.ts:7",
  ]);
  expect(uses.filter((u) => u.member === "Excel.NoteCollection.add" && u.guardedBy === "1.18")).toHaveLength(1);
});
