#!/usr/bin/env node
// kpi-sheets: check, fill and evaluate KPI workbooks (.xlsx) without Excel.
// Runs the TypeScript sources through tsx, so it works right after `npm ci` with no build step.
"use strict";
require("tsx/cjs/api").register();
const { main } = require("../src/cli/main.ts");

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 1;
  },
);
