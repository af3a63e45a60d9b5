/**
 * Generated tables of each layout (random column order, years and their spelling, merges, blank
 * columns, missing cells, the user's formulas in 達成率 cells): every indicator is found at its
 * cells, evaluate writes only the year's actual, rate and grade cells (and new columns beside the
 * table), and never a cell holding a formula.
 */
import fc from "fast-check";
import { toA1, type CellArea } from "../../../src/core/cells/address";
import type { CellValue } from "../../../src/core/cells/RawCell";
import { planEvaluate } from "../../../src/core/plans/planEvaluate";
import { getPreset } from "../../../src/core/presets/builtin";
import { readWorkbook } from "../../../src/core/workbook/readWorkbook";
import type { SheetSnapshot } from "../../../src/core/workbook/SheetSnapshot";

type Style = "R" | "令和" | "西暦" | "全角";
type Pos = [number, number];

interface Expected {
  name: string;
  at: Pos;
  actual: Map<number, Pos>;
  rate: Map<number, Pos>;
  grade: Map<number, Pos>;
}

interface Generated {
  sheet: SheetSnapshot;
  indicators: Expected[];
  formulas: Set<string>;
  years: number[];
  /** First column right of everything the table holds (new columns go there or further right). */
  rightEdge: number;
  headerRows: number[];
}

const full = (s: string) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

function yearText(fy: number, style: Style): string {
  const n = fy - 2018;
  if (style === "R") return `R${n}`;
  if (style === "令和") return `令和${n}年度`;
  if (style === "西暦") return `${fy}年度`;
  return full(`R${n}`);
}

const key = (p: Pos) => `${p[0]},${p[1]}`;

class SheetDraft {
  readonly cells = new Map<string, CellValue>();
  readonly formulas = new Map<string, string>();
  readonly merges: CellArea[] = [];
  set(r: number, c: number, v: CellValue) {
    if (v !== null) this.cells.set(key([r, c]), v);
  }
  build(name: string): SheetSnapshot {
    let rows = 0;
    let cols = 0;
    for (const k of [...this.cells.keys(), ...this.formulas.keys()]) {
      const [r, c] = k.split(",").map(Number);
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    }
    for (const m of this.merges) {
      rows = Math.max(rows, m.bottom + 1);
      cols = Math.max(cols, m.right + 1);
    }
    const grid = <T,>(f: (r: number, c: number) => T) => Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(r, c)));
    return {
      name,
      origin: { row: 0, col: 0 },
      values: grid((r, c) => this.cells.get(key([r, c])) ?? null),
      numberFormats: grid(() => "General"),
      formulas: grid((r, c) => this.formulas.get(key([r, c])) ?? null),
      merges: this.merges,
    };
  }
}

const valueArb = fc.option(fc.integer({ min: 1, max: 5000 }), { nil: null, freq: 4 });

interface ListParams {
  years: number[];
  style: Style;
  mode: "one-row" | "groups" | "year-kinds";
  merged: boolean;
  gap: boolean;
  baseline: boolean;
  rates: boolean;
  order: number[];
  rows: { targets: (number | null)[]; actuals: (number | null)[]; formula: boolean }[];
}

const listArb: fc.Arbitrary<ListParams> = fc
  .record({
    start: fc.integer({ min: 2023, max: 2027 }),
    count: fc.integer({ min: 2, max: 3 }),
    style: fc.constantFrom<Style>("R", "令和", "西暦", "全角"),
    mode: fc.constantFrom<ListParams["mode"]>("one-row", "groups", "year-kinds"),
    merged: fc.boolean(),
    gap: fc.boolean(),
    baseline: fc.boolean(),
    rates: fc.boolean(),
    order: fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 5, maxLength: 5 }),
    rows: fc.array(fc.record({ targets: fc.array(valueArb, { minLength: 3, maxLength: 3 }), actuals: fc.array(valueArb, { minLength: 3, maxLength: 3 }), formula: fc.boolean() }), { minLength: 1, maxLength: 5 }),
  })
  .map((p) => ({ ...p, years: Array.from({ length: p.count }, (_, i) => p.start + i) }));

/** A KPI list: one-row headers, groups over years, or a year over its kinds; blocks in random order. */
function buildList(p: ListParams): Generated {
  const d = new SheetDraft();
  const top = 1;
  const two = p.mode !== "one-row";
  const header = two ? top + 1 : top;
  const first = header + 1;
  const indicators: Expected[] = p.rows.map((_, i) => ({ name: `指標${i + 1}`, at: [first + i, 0], actual: new Map(), rate: new Map(), grade: new Map() }));
  const formulas = new Set<string>();
  d.set(0, 0, "KPI一覧");
  let col = 0;
  const gap = () => {
    if (p.gap) col++;
  };
  const group = (text: string, width: number) => {
    d.set(top, col, text);
    if (p.merged && width > 1) d.merges.push({ top, left: col, bottom: top, right: col + width - 1 });
  };
  const nameBlock = () => {
    d.set(top, col, "指標名");
    if (two && p.merged) d.merges.push({ top, left: col, bottom: header, right: col });
    p.rows.forEach((_, i) => {
      d.set(first + i, col, indicators[i].name);
      indicators[i].at = [first + i, col];
    });
    col++;
  };
  const baselineBlock = () => {
    if (!p.baseline) return;
    d.set(top, col, "基準値");
    p.rows.forEach((_, i) => d.set(first + i, col, 100));
    col++;
  };
  /** One year's cells of one kind in column `col`: targets, actuals, or rates (some holding the user's formula). */
  const column = (kind: "目標" | "実績" | "達成率", fy: number, y: number) => {
    p.rows.forEach((row, i) => {
      const at: Pos = [first + i, col];
      if (kind === "目標") d.set(...at, row.targets[y]);
      else if (kind === "実績") {
        d.set(...at, row.actuals[y]);
        indicators[i].actual.set(fy, at);
      } else {
        indicators[i].rate.set(fy, at);
        if (row.formula) {
          d.formulas.set(key(at), `=B${at[0] + 1}/C${at[0] + 1}`);
          formulas.add(key(at));
        }
      }
    });
  };
  const kindBlock = (kind: "目標" | "実績" | "達成率") => {
    if (kind === "達成率" && !p.rates) return;
    if (p.mode === "groups") group(kind === "目標" ? "目標値" : kind === "実績" ? "実績値" : "達成率", p.years.length);
    p.years.forEach((fy, y) => {
      if (p.mode === "groups") d.set(header, col, yearText(fy, p.style));
      else d.set(header, col, `${yearText(fy, p.style)}${kind}`);
      column(kind, fy, y);
      col++;
    });
    gap();
  };
  const yearKinds = () => {
    p.years.forEach((fy, y) => {
      const kinds: ("目標" | "実績" | "達成率")[] = p.rates ? ["目標", "実績", "達成率"] : ["目標", "実績"];
      group(yearText(fy, p.style), kinds.length);
      for (const kind of kinds) {
        d.set(header, col, kind);
        column(kind, fy, y);
        col++;
      }
      gap();
    });
  };
  const blocks = p.mode === "year-kinds" ? [nameBlock, baselineBlock, yearKinds] : [nameBlock, baselineBlock, () => kindBlock("目標"), () => kindBlock("実績"), () => kindBlock("達成率")];
  const order = p.order.filter((i) => i < blocks.length);
  for (const i of order) blocks[i]();
  const sheet = d.build("KPI");
  return { sheet, indicators, formulas, years: p.years, rightEdge: sheet.values[0].length, headerRows: two ? [top, header] : [header] };
}

interface RowWiseParams {
  years: number[];
  style: Style;
  merged: boolean;
  gap: boolean;
  unit: boolean;
  items: { kinds: ("目標値" | "実績値" | "達成率" | "評価")[]; targets: (number | null)[]; actuals: (number | null)[]; formula: boolean }[];
}

const rowWiseArb: fc.Arbitrary<RowWiseParams> = fc
  .record({
    start: fc.integer({ min: 2022, max: 2026 }),
    count: fc.integer({ min: 2, max: 4 }),
    style: fc.constantFrom<Style>("R", "令和", "西暦", "全角"),
    merged: fc.boolean(),
    gap: fc.boolean(),
    unit: fc.boolean(),
    items: fc.array(
      fc.record({
        kinds: fc.shuffledSubarray(["目標値", "実績値", "達成率", "評価"] as const, { minLength: 2, maxLength: 4 }).filter((k) => k.includes("目標値") && k.includes("実績値")),
        targets: fc.array(valueArb, { minLength: 4, maxLength: 4 }),
        actuals: fc.array(valueArb, { minLength: 4, maxLength: 4 }),
        formula: fc.boolean(),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map((p) => ({ ...p, years: Array.from({ length: p.count }, (_, i) => p.start + i), items: p.items.map((it) => ({ ...it, kinds: [...it.kinds] })) }));

/** A row-wise 事務事業評価シート block: years across, a 区分 column, names merged down or not. */
function buildRowWise(p: RowWiseParams): Generated {
  const d = new SheetDraft();
  const header = 2;
  d.set(0, 0, "事務事業評価シート");
  const cols = { name: 0, unit: p.unit ? 1 : -1, division: p.unit ? 2 : 1 };
  const firstYear = cols.division + 1 + (p.gap ? 1 : 0);
  d.set(header, cols.name, "指標名");
  if (p.unit) d.set(header, cols.unit, "単位");
  d.set(header, cols.division, "区分");
  p.years.forEach((fy, y) => d.set(header, firstYear + y, `${yearText(fy, p.style)}${p.style === "R" || p.style === "全角" ? "年度" : ""}`));
  const indicators: Expected[] = [];
  const formulas = new Set<string>();
  let row = header + 1;
  p.items.forEach((item, i) => {
    const e: Expected = { name: `成果${i + 1}`, at: [row, cols.name], actual: new Map(), rate: new Map(), grade: new Map() };
    indicators.push(e);
    d.set(row, cols.name, e.name);
    if (p.unit) d.set(row, cols.unit, "人");
    if (p.merged) d.merges.push({ top: row, left: cols.name, bottom: row + item.kinds.length - 1, right: cols.name });
    for (const kind of item.kinds) {
      d.set(row, cols.division, kind);
      if (!p.merged && row !== e.at[0]) d.set(row, cols.name, null);
      p.years.forEach((fy, y) => {
        const at: Pos = [row, firstYear + y];
        if (kind === "目標値") d.set(...at, item.targets[y]);
        else if (kind === "実績値") {
          d.set(...at, item.actuals[y]);
          e.actual.set(fy, at);
        } else if (kind === "達成率") {
          e.rate.set(fy, at);
          if (item.formula && y === 0) {
            d.formulas.set(key(at), "=D5/D4");
            formulas.add(key(at));
          }
        } else e.grade.set(fy, at);
      });
      row++;
    }
  });
  const sheet = d.build("評価シート");
  return { sheet, indicators, formulas, years: p.years, rightEdge: sheet.values[0].length, headerRows: [header] };
}

function check(g: Generated, layout: "kpi-list" | "row-wise"): void {
  const model = readWorkbook({ sheets: [g.sheet] });
  expect(model.tables.map((t) => t.layout)).toEqual([layout]);
  expect(model.indicators.map((i) => [i.name, key([i.cells.name.row, i.cells.name.col])])).toEqual(g.indicators.map((e) => [e.name, key(e.at)]));
  for (const fy of g.years) {
    const { plan, evaluation } = planEvaluate(model, { year: fy, preset: getPreset("standard")! });
    evaluation.outcomes.forEach((o, i) => {
      const want = g.indicators[i].actual.get(fy);
      expect(o.actualCell && key([o.actualCell.row, o.actualCell.col])).toBe(want && key(want));
    });
    const writable = new Set<string>();
    for (const e of g.indicators) for (const m of [e.actual, e.rate, e.grade]) if (m.has(fy)) writable.add(key(m.get(fy)!));
    const rows = new Set([...g.headerRows, ...g.indicators.map((e) => e.at[0])]);
    for (const w of plan.writes) {
      const at = key([w.row, w.col]);
      const placed = writable.has(at) || (w.col >= g.rightEdge && rows.has(w.row));
      expect({ write: `${toA1(w.row, w.col)}:${w.purpose}`, placed }).toEqual({ write: `${toA1(w.row, w.col)}:${w.purpose}`, placed: true });
      expect({ write: toA1(w.row, w.col), formula: g.formulas.has(at) }).toEqual({ write: toA1(w.row, w.col), formula: false });
    }
    // Every existing rate cell that holds no formula gets this year's rate.
    const rates = new Set(plan.writes.filter((w) => w.purpose === "rate").map((w) => key([w.row, w.col])));
    for (const e of g.indicators) {
      const cell = e.rate.get(fy);
      if (cell && !g.formulas.has(key(cell))) expect(rates.has(key(cell))).toBe(true);
    }
  }
}

test("KPI lists: one-row, grouped and year-over-kinds headers, any column order", () => {
  fc.assert(fc.property(listArb, (p) => check(buildList(p), "kpi-list")), { numRuns: 300 });
});

test("row-wise blocks: any 区分 order, merged or repeated names, any year spelling", () => {
  fc.assert(fc.property(rowWiseArb, (p) => check(buildRowWise(p), "row-wise")), { numRuns: 300 });
});
