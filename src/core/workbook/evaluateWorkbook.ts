import type { CellPosition } from "../cells/address";
import { evaluateIndicator } from "../evaluation/evaluateIndicator";
import type { Direction, IndicatorCells, IndicatorResult } from "../indicators/Indicator";
import { fiscalYearLabel } from "../periods/parsePeriod";
import type { FiscalYear } from "../periods/Period";
import type { Preset } from "../presets/Preset";
import { parseValue } from "../values/parseValue";
import { Diagnostics, where } from "./Diagnostics";
import { Grid } from "./Grid";
import type { Indicator, IndicatorTable, WorkbookModel } from "./WorkbookModel";
import { yearColumnFor } from "../layouts/yearColumns";

export interface EvaluationSettings {
  year: FiscalYear;
  preset: Preset;
  planStart?: FiscalYear;
  references?: Record<string, number>;
  /** Directions the user confirmed, by indicator key. */
  directionOverrides?: Record<string, Direction>;
}

export interface IndicatorOutcome {
  indicator: Indicator;
  table: IndicatorTable;
  result: IndicatorResult;
  /** The year's actual cell, when the table has the year's actual column. */
  actualCell?: CellPosition;
}

export interface WorkbookEvaluation {
  year: FiscalYear;
  outcomes: IndicatorOutcome[];
  /** Tables without an actual column for the year. */
  tablesWithoutActuals: IndicatorTable[];
  diagnostics: WorkbookModel["diagnostics"];
}

const PLAIN_NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/** Evaluate every indicator for one fiscal year, reading each table's actual column for it. */
export function evaluateWorkbook(model: WorkbookModel, settings: EvaluationSettings): WorkbookEvaluation {
  const diagnostics = new Diagnostics();
  const grids = new Map<string, Grid>();
  const gridOf = (sheet: string) => {
    let grid = grids.get(sheet);
    if (!grid) {
      grid = new Grid(model.snapshots.get(sheet)!);
      grids.set(sheet, grid);
    }
    return grid;
  };
  const tables = new Map(model.tables.map((t) => [t.id, t]));
  const label = fiscalYearLabel(settings.year);
  const tablesWithoutActuals: IndicatorTable[] = [];
  const tablesWithIndicators = new Set(model.indicators.map((i) => i.tableId));
  for (const table of model.tables) {
    if (tablesWithIndicators.has(table.id) && !yearColumnFor(table.yearColumns, "actual", settings.year)) {
      tablesWithoutActuals.push(table);
      diagnostics.add("warning", "actual-column-missing", table.sheet, table.headerRow, table.lastCol + 1,
        `${where(table.sheet, table.headerRow, table.lastCol + 1)}: ${table.project ? `事業${table.project.no}の` : ""}指標表に「${label}実績」の列がありません（実績入力で追加できます）。`);
    }
  }

  const outcomes: IndicatorOutcome[] = [];
  for (const indicator of model.indicators) {
    const table = tables.get(indicator.tableId)!;
    const actualColumn = yearColumnFor(table.yearColumns, "actual", settings.year);
    const grid = gridOf(indicator.sheet);
    const actualCell = actualColumn ? { row: indicator.row, col: actualColumn.col } : undefined;
    const actual = actualCell ? grid.raw(actualCell.row, actualCell.col) : undefined;
    const { raw } = indicator;
    const cells: IndicatorCells = {
      name: raw.name, target: raw.target, targetPeriod: raw.targetPeriod, baseline: raw.baseline, baselinePeriod: raw.baselinePeriod,
      actual, unit: raw.unit, direction: raw.direction,
    };
    const result = evaluateIndicator(cells, settings.preset, {
      year: settings.year,
      planStart: settings.planStart,
      references: settings.references,
      directionOverride: settings.directionOverrides?.[indicator.key],
    });
    outcomes.push({ indicator, table, result, actualCell });

    const { sheet } = indicator;
    const at = actualCell ?? indicator.cells.name;
    const place = where(sheet, at.row, at.col);
    if (actual && actualCell) {
      const reading = parseValue(actual);
      if (reading.kind === "error") {
        diagnostics.add("error", "unreadable-value", sheet, at.row, at.col, `${place}: 実績値「${reading.text}」を読み取れません（${reading.message}）。`);
      } else if (typeof actual.value === "string" && PLAIN_NUMBER.test(actual.value.trim())) {
        diagnostics.add("info", "number-as-text", sheet, at.row, at.col, `${place}: 実績値「${actual.value}」が文字列として入力されています（数値として読みました）。`);
      }
    }
    const flags = result.flags;
    if (flags.includes("unit-mismatch")) {
      diagnostics.add("warning", "unit-mismatch", sheet, at.row, at.col, `${place}: 指標「${indicator.name}」の単位が目標値と実績値で一致しません（${result.explanation}）。`);
    }
    if (flags.includes("direction-inferred")) {
      const cell = indicator.cells.target ?? indicator.cells.name;
      diagnostics.add("info", "direction-inferred", sheet, cell.row, cell.col,
        `${where(sheet, cell.row, cell.col)}: 指標「${indicator.name}」は目標値が基準値より小さいため「${result.direction === "down" ? "減少" : "増加"}を目指す」と推定しました。確認してください。`);
    }
    if (flags.includes("reference-missing")) {
      const cell = indicator.cells.target ?? indicator.cells.name;
      diagnostics.add("warning", "reference-missing", sheet, cell.row, cell.col, `${where(sheet, cell.row, cell.col)}: ${result.explanation}`);
    }
    if (flags.includes("no-baseline") && settings.preset.method === "progress") {
      const cell = indicator.cells.baseline ?? indicator.cells.name;
      diagnostics.add("info", "no-baseline", sheet, cell.row, cell.col, `${where(sheet, cell.row, cell.col)}: 指標「${indicator.name}」は基準値がないため達成率（実績÷目標）で評価しました。`);
    }
  }
  return { year: settings.year, outcomes, tablesWithoutActuals, diagnostics: diagnostics.list };
}
