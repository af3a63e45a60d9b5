/**
 * Damaged packages (a part removed, a part truncated, broken XML in a sheet, a relationship to a part
 * that is not there): `evaluate` ends with exit 1 and a Japanese message naming the file, never a
 * crash, a stack trace, a hang or an output file, and the input is never modified.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import JSZip from "jszip";
import { isType, parseRelationships } from "../../../src/adapters/xlsx/package/relationships";
import { main } from "../../../src/cli/main";

jest.setTimeout(180_000);

const SOURCE = fs.readFileSync(path.join(__dirname, "../../fixtures/xlsx/libreoffice-features.xlsm"));
/** The parts the file layer reads to find and write KPI sheets. */
const READ = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"];
const SHEETS = READ.filter((p) => p.startsWith("xl/worksheets/"));

type Damage =
  | { kind: "remove"; part: string }
  | { kind: "truncate"; part: string; at: number }
  | { kind: "broken-xml"; part: string; at: number }
  | { kind: "wrong-relationship"; index: number };

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant("remove" as const), part: fc.constantFrom(...READ) }),
  fc.record({ kind: fc.constant("truncate" as const), part: fc.constantFrom(...READ), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant("broken-xml" as const), part: fc.constantFrom(...SHEETS), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant("wrong-relationship" as const), index: fc.nat() }),
);

async function damaged(d: Damage): Promise<Buffer> {
  const zip = await JSZip.loadAsync(SOURCE);
  if (d.kind === "remove") zip.remove(d.part);
  else if (d.kind === "truncate" || d.kind === "broken-xml") {
    const text = await zip.file(d.part)!.async("string");
    // Somewhere before the root's closing tag, so the damage is always inside the document.
    const at = Math.floor(d.at * text.lastIndexOf("</"));
    zip.file(d.part, d.kind === "truncate" ? text.slice(0, at) : `${text.slice(0, at)}<${text.slice(at)}`);
  } else {
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    const targets = parseRelationships(rels, "rels").filter((r) => ["worksheet", "styles", "sharedStrings"].some((t) => isType(r, t))).map((r) => r.target);
    const target = targets[d.index % targets.length];
    zip.file("xl/_rels/workbook.xml.rels", rels.replace(`Target="${target}"`, `Target="missing/${target}"`));
  }
  return zip.generateAsync({ type: "nodebuffer" });
}

test("every damaged package is refused cleanly: exit 1, a message naming the file, no output, input untouched", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-damage-"));
  try {
    await fc.assert(
      fc.asyncProperty(damage, async (d) => {
        const file = path.join(dir, "壊れた.xlsm");
        const bytes = await damaged(d);
        fs.writeFileSync(file, bytes);
        const stderr: string[] = [];
        const code = await main(["evaluate", file, "--year", "R7"], { line: () => {}, error: (t) => stderr.push(t), progress: () => {} });
        const message = stderr.join("\n");
        expect(code).toBe(1);
        expect(message).toContain("壊れた.xlsm");
        expect(message).not.toMatch(/\n\s+at /);
        expect(fs.readdirSync(dir)).toEqual(["壊れた.xlsm"]);
        expect(fs.readFileSync(file).equals(bytes)).toBe(true);
        fs.rmSync(file);
      }),
      { numRuns: 60 },
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
