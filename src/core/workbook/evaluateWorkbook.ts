import type { CellPosition } from "../cells/address";
import { evaluateIndicator } from "../evaluation/evaluateIndicator";
import type { Direction, IndicatorCells, IndicatorResult } from "../indicators/Indicator";
import { fiscalYearLabel } from "../periods/parsePeriod";
import type { FiscalYear } from "../periods/Period";
import type { Preset } from "../presets/Preset";
import { parseValue } from "../values/parseValue";
import { Diagnostics, where } from "./Diagnostics";
import { gridsOf, type Grid } from "./Grid";
import { checkUserFormulas } from "./userFormulas";
import type { Indicator, IndicatorTable, WorkbookModel } from "./WorkbookModel";
import { hasYearCells, yearCell } from "./yearCells";
import { clip } from "../text/clip";

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
  /** The year's actual cell, when the table has the year's actual column (or row). */
  actualCell?: CellPosition;
  /** The year's rate and grade cells, when the table has them already. */
  rateCell?: CellPosition;
  gradeCell?: CellPosition;
}

export interface WorkbookEvaluation {
  year: FiscalYear;
  outcomes: IndicatorOutcome[];
  /** Tables without an actual column (or, row-wise, a column) for the year. */
  tablesWithoutActuals: IndicatorTable[];
  diagnostics: WorkbookModel["diagnostics"];
}

const PLAIN_NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

function hasTargetColumn(table: IndicatorTable): boolean {
  return table.columns.target !== undefined || table.yearColumns.some((c) => c.kind === "target") || table.layout === "row-wise";
}

function reportMissingColumn(table: IndicatorTable, year: FiscalYear, diagnostics: Diagnostics): void {
  const label = fiscalYearLabel(year);
  if (table.layout === "row-wise") {
    const col = table.lastCol + 1;
    diagnostics.add("warning", "actual-column-missing", table.sheet, table.headerRow, col,
      `${where(table.sheet, table.headerRow, col)}: 指標表に「${label}」の年度の列がありません（実績入力で追加できます）。`);
    return;
  }
  diagnostics.add("warning", "actual-column-missing", table.sheet, table.headerRow, table.lastCol + 1,
    `${where(table.sheet, table.headerRow, table.lastCol + 1)}: ${table.project ? `事業${table.project.no}の` : ""}指標表に「${label}実績」の列がありません（実績入力で追加できます）。`);
}

/** The engine's cells for one indicator and year: its own cells, the year's actual and, per year, the year's target. */
function cellsFor(indicator: Indicator, table: IndicatorTable, grid: Grid, year: FiscalYear, actualCell: CellPosition | undefined): IndicatorCells {
  const { raw } = indicator;
  const perYear = table.layout === "row-wise" || table.yearColumns.some((c) => c.kind === "target");
  const yearTargetCell = perYear ? yearCell(table, indicator, "target", year) : undefined;
  const actual = actualCell ? grid.raw(actualCell.row, actualCell.col) : undefined;
  // A formula without a value is the user's value not computed yet, not a missing one.
  const actualFormula = actualCell && actual?.value === null ? (grid.formula(actualCell.row, actualCell.col) ?? undefined) : undefined;
  return {
    name: raw.name, target: raw.target, targetPeriod: raw.targetPeriod, baseline: raw.baseline, baselinePeriod: raw.baselinePeriod,
    actual, actualFormula,
    unit: raw.unit, direction: raw.direction,
    yearTarget: yearTargetCell ? grid.raw(yearTargetCell.row, yearTargetCell.col) : undefined,
    perYearTargets: perYear,
    targetColumn: hasTargetColumn(table),
  };
}

/** Evaluate every indicator for one fiscal year, reading each table's actual column (or row) for it. `gridOf`: grids to share with the caller. */
export function evaluateWorkbook(model: WorkbookModel, settings: EvaluationSettings, gridOf = gridsOf(model.snapshots)): WorkbookEvaluation {
  const diagnostics = new Diagnostics();
  const tables = new Map(model.tables.map((t) => [t.id, t]));
  const tablesWithoutActuals: IndicatorTable[] = [];
  const tablesWithIndicators = new Set(model.indicators.map((i) => i.tableId));
  for (const table of model.tables) {
    if (tablesWithIndicators.has(table.id) && !hasYearCells(table, "actual", settings.year)) {
      tablesWithoutActuals.push(table);
      reportMissingColumn(table, settings.year, diagnostics);
    }
  }

  const outcomes: IndicatorOutcome[] = [];
  for (const indicator of model.indicators) {
    const table = tables.get(indicator.tableId)!;
    const grid = gridOf(indicator.sheet);
    const actualCell = yearCell(table, indicator, "actual", settings.year);
    const cells = cellsFor(indicator, table, grid, settings.year, actualCell);
    const result = evaluateIndicator(cells, settings.preset, {
      year: settings.year,
      planStart: settings.planStart,
      references: settings.references,
      directionOverride: settings.directionOverrides?.[indicator.key],
    });
    const outcome: IndicatorOutcome = { indicator, table, result, actualCell };
    const rateCell = yearCell(table, indicator, "rate", settings.year);
    const gradeCell = yearCell(table, indicator, "grade", settings.year);
    if (rateCell) outcome.rateCell = rateCell;
    if (gradeCell) outcome.gradeCell = gradeCell;
    outcomes.push(outcome);
    checkUserFormulas(grid, outcome, diagnostics);

    const { sheet } = indicator;
    const actual = cells.actual;
    const at = actualCell ?? indicator.cells.name;
    const place = where(sheet, at.row, at.col);
    if (actual && actualCell) {
      const reading = parseValue(actual);
      if (reading.kind === "error") {
        diagnostics.add("error", "unreadable-value", sheet, at.row, at.col, `${place}: 実績値「${reading.text}」を読み取れません（${reading.message}）。`);
      } else if (typeof actual.value === "string" && PLAIN_NUMBER.test(actual.value.trim())) {
        diagnostics.add("info", "number-as-text", sheet, at.row, at.col, `${place}: 実績値「${actual.value}」が文字列として入力されています（数値として読みました）。`);
      }
    } else if (table.layout === "row-wise" && !indicator.rows?.actual && !tablesWithoutActuals.includes(table)) {
      diagnostics.add("warning", "actual-row-missing", sheet, indicator.row, table.columns.division ?? indicator.cells.name.col,
        `${where(sheet, indicator.row, table.columns.division ?? indicator.cells.name.col)}: 指標「${indicator.name}」に「実績値」の行がありません。`);
    }
    const flags = result.flags;
    if (flags.includes("formula-not-computed")) {
      diagnostics.add("warning", "formula-not-computed", sheet, at.row, at.col,
        `${place}: 指標「${clip(indicator.name)}」の実績値の式「${cells.actualFormula}」に計算結果がありません（未計算）。未入力ではありません。Excel で開いて計算・保存すると評価できます。`);
    }
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
