// One job in a fresh process, for its peak memory (max resident set size): `node bench/peakMemory.js
// exceljs|evaluate <book.xlsx> <out.xlsx>` prints {"ms":…,"maxRssMB":…}. Used by cli.bench.ts.
"use strict";
require("tsx/cjs/api").register();
const fs = require("node:fs");

async function job(kind, file, out) {
  if (kind === "exceljs") {
    const ExcelJS = require("exceljs");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file));
    fs.writeFileSync(out, new Uint8Array(await wb.xlsx.writeBuffer()));
    return 0;
  }
  const { main } = require("../src/cli/main.ts");
  return main(["evaluate", file, "--year", "R7", "--out", out], { line: () => {}, error: (t) => process.stderr.write(`${t}\n`), progress: () => {} });
}

const [kind, file, out] = process.argv.slice(2);
const started = process.hrtime.bigint();
job(kind, file, out).then((code) => {
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(`${JSON.stringify({ code, ms, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
});
