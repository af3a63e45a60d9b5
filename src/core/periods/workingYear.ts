import { nfkc } from "../text/normalize";
import { fiscalYearJapanese, parseFiscalYear } from "./parsePeriod";
import type { FiscalYear } from "./Period";

/** The fiscal years a person may ask to work on: 平成元年度 (FY1989) to FY2100 (令和82年度). */
export const WORKING_YEARS = { first: 1989, last: 2100 } as const;

/** Each era's years as people write them: 平成 ended with 31 (FY2019 is also 令和元年度). */
const ERAS: { names: string[]; last: number }[] = [
  { names: ["令和", "R"], last: WORKING_YEARS.last - 2018 },
  { names: ["平成", "H"], last: 31 },
  { names: ["昭和", "S"], last: 64 },
];

const ERA_YEAR = /^(令和|平成|昭和|[RHS])(元|\d+)/i;

/**
 * A fiscal year typed by a person (`R7`, `令和7年度`, `2025`), or why it is refused:
 * - `unreadable`: not a fiscal year at all;
 * - `outside-era`: an era year the era never had (`平成32年度`, `令和99年度`);
 * - `out-of-range`: outside WORKING_YEARS (`2200`, `昭和60年度`).
 */
export type WorkingYear =
  | { ok: true; fy: FiscalYear }
  | { ok: false; code: "unreadable"; text: string }
  | { ok: false; code: "outside-era"; text: string; era: string; last: number; fy: FiscalYear | null }
  | { ok: false; code: "out-of-range"; text: string; fy: FiscalYear };

export function parseWorkingYear(text: string): WorkingYear {
  const typed = text.trim();
  const fy = parseFiscalYear(typed);
  const era = ERA_YEAR.exec(nfkc(typed).replace(/\s+/g, ""));
  if (era) {
    const spec = ERAS.find((e) => e.names.includes(era[1].toUpperCase()) || e.names.includes(era[1]))!;
    const n = era[2] === "元" ? 1 : Number(era[2]);
    if (n > spec.last) return { ok: false, code: "outside-era", text: typed, era: spec.names[0], last: spec.last, fy };
  }
  if (fy === null) return { ok: false, code: "unreadable", text: typed };
  if (fy < WORKING_YEARS.first || fy > WORKING_YEARS.last) return { ok: false, code: "out-of-range", text: typed, fy };
  return { ok: true, fy };
}

/** `平成元年度〜令和82年度（1989〜2100年度）`: the range in words. */
export function workingYearsText(): string {
  return `${fiscalYearJapanese(WORKING_YEARS.first)}〜${fiscalYearJapanese(WORKING_YEARS.last)}（${WORKING_YEARS.first}〜${WORKING_YEARS.last}年度）`;
}

export function isWorkingYear(fy: FiscalYear): boolean {
  return Number.isInteger(fy) && fy >= WORKING_YEARS.first && fy <= WORKING_YEARS.last;
}
