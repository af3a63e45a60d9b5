/**
 * Readers we did not write, to judge our files: openpyxl (Debian's python3-openpyxl, through
 * /usr/bin/python3) and LibreOffice (soffice --headless --convert-to csv). A test may skip them
 * only on a machine without them and never on CI (CI=true), where .ci/run installs both.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Papa from "papaparse";

export const PYTHON = "/usr/bin/python3";

function has(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: "ignore" }).status === 0;
}

/** Whether a reader is here; on CI a missing reader is an error, not a skip. */
export function readerAvailable(name: "openpyxl" | "soffice"): boolean {
  const present = name === "openpyxl" ? has(PYTHON, ["-c", "import openpyxl"]) : has("soffice", ["--version"]);
  if (!present && process.env.CI === "true") throw new Error(`${name} is missing on CI: .ci/run installs python3-openpyxl and libreoffice-calc-nogui.`);
  return present;
}

const OPENPYXL_DUMP = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None or c.comment:
                cells[c.coordinate] = {"value": c.value if isinstance(c.value, (int, float, str, bool)) else str(c.value), "format": c.number_format, "comment": c.comment.text if c.comment else None}
    out[ws.title] = cells
print(json.dumps(out, ensure_ascii=False))
`;

export interface OpenpyxlCell {
  value: string | number | boolean | null;
  format: string;
  comment: string | null;
}

/** Every non-empty cell of every worksheet as openpyxl reads it, by sheet and A1. */
export function readWithOpenpyxl(file: string): Record<string, Record<string, OpenpyxlCell>> {
  return JSON.parse(execFileSync(PYTHON, ["-c", OPENPYXL_DUMP, file], { encoding: "utf8" }));
}

/** The first worksheet as LibreOffice converts it to CSV (UTF-8), as rows of fields. */
export function readWithLibreOffice(file: string): string[][] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-soffice-"));
  try {
    execFileSync("soffice", ["--headless", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir, file], { stdio: "ignore", timeout: 120_000 });
    const csv = fs.readFileSync(path.join(dir, `${path.basename(file, path.extname(file))}.csv`), "utf8");
    return Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
