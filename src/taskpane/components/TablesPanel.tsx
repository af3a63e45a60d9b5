/**
 * 表と列 (in the 検証 view): each table found, its header rows and the role of each column. A
 * person changes a role (and its year), or takes the selected rows in Excel as a new table's
 * header; the choice is saved in the workbook, marked as set by hand, used by every operation,
 * and can be shown as the JSON file the CLI takes (`--layout`).
 */
import * as React from "react";
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button, Input, Select, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { columnName } from "../../core/cells/address";
import { ROLES_WITH_YEAR, type MappingProblem } from "../../core/layouts/layoutMapping";
import { fiscalYearLabel, parseFiscalYear } from "../../core/periods/parsePeriod";
import type { ColumnRole, IndicatorTable, TableColumn } from "../../core/workbook/WorkbookModel";
import { fill, type StringKey, type Strings } from "../i18n";
import { usePane } from "./PaneContext";
import { Section } from "./Section";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  table: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, padding: tokens.spacingVerticalS, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  title: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  column: { display: "grid", gridTemplateColumns: "2.5em minmax(0, 1fr)", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  header: { overflowWrap: "anywhere", color: tokens.colorNeutralForeground2 },
  controls: { gridColumn: "2", display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

/** The roles offered, in the order a person thinks of them. */
const ROLE_OPTIONS: { role: ColumnRole; label: StringKey }[] = [
  { role: "projectNo", label: "roleProjectNo" },
  { role: "name", label: "roleName" },
  { role: "unit", label: "roleUnit" },
  { role: "baseline", label: "roleBaseline" },
  { role: "target", label: "roleTarget" },
  { role: "actual", label: "roleActual" },
  { role: "rate", label: "roleRate" },
  { role: "grade", label: "roleGrade" },
  { role: "department", label: "roleDepartment" },
  { role: "targetPeriod", label: "roleTargetPeriod" },
  { role: "baselinePeriod", label: "roleBaselinePeriod" },
  { role: "direction", label: "roleDirection" },
  { role: "division", label: "roleDivision" },
  { role: "year", label: "roleYear" },
  { role: "ignore", label: "roleIgnore" },
];

/** More tables than this start folded. */
const FOLD_ABOVE = 6;

const LAYOUT_LABEL: Record<IndicatorTable["layout"], StringKey> = { "action-plan": "layoutActionPlan", "kpi-list": "layoutKpiList", "row-wise": "layoutRowWise" };

function rowsText(t: Strings, table: IndicatorTable): string {
  const rows = table.headerTop === table.headerRow ? `${table.headerRow + 1}` : `${table.headerTop + 1}–${table.headerRow + 1}`;
  return fill(t.tableRows, { sheet: table.sheet, rows });
}

function ColumnEditor({ t, table, column, onRole }: { t: Strings; table: IndicatorTable; column: TableColumn; onRole: (role: ColumnRole, year: number | null) => void }): React.JSX.Element {
  const styles = useStyles();
  const [yearText, setYearText] = React.useState(column.fy === null ? "" : fiscalYearLabel(column.fy));
  const [yearProblem, setYearProblem] = React.useState(false);
  const id = `${table.id}-${column.col}`;
  const letter = columnName(column.col);
  const commitYear = () => {
    const fy = yearText.trim() === "" ? null : parseFiscalYear(yearText.trim());
    setYearProblem(fy === null && yearText.trim() !== "");
    if ((fy !== null || yearText.trim() === "") && fy !== column.fy) onRole(column.role, fy);
  };
  return (
    <div className={styles.column}>
      <Text weight="semibold">{letter}</Text>
      <Text size={200} className={styles.header}>{column.header || t.noHeader}</Text>
      <div className={styles.controls}>
        <Select size="small" aria-label={fill(t.columnRole, { column: letter })} value={column.role} onChange={(_, d) => onRole(d.value as ColumnRole, column.fy)} id={`role-${id}`}>
          {ROLE_OPTIONS.map((o) => (
            <option key={o.role} value={o.role}>
              {t[o.label]}
            </option>
          ))}
        </Select>
        {ROLES_WITH_YEAR.includes(column.role) && (
          <label style={{ display: "inline-flex", gap: tokens.spacingHorizontalXS, alignItems: "center" }}>
          <Text size={200} aria-hidden>{t.yearShort}</Text>
          <Input
            size="small"
            aria-label={fill(t.columnYear, { column: letter })}
            aria-invalid={yearProblem}
            aria-description={t.yearHint}
            value={yearText}
            style={{ width: "7em" }}
            onChange={(_, d) => setYearText(d.value)}
            onBlur={commitYear}
            onKeyDown={(e) => {
              if (e.key === "Enter") commitYear();
            }}
          />
          </label>
        )}
        {yearProblem && (
          <Text size={200} role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
            {t.yearHint}
          </Text>
        )}
      </div>
    </div>
  );
}

/** A mapping problem in the pane's language. */
export function mappingProblemText(t: Strings, problem: MappingProblem): string {
  switch (problem.code) {
    case "table-gone":
      return t.mappingTableGone;
    case "sheet-gone":
      return fill(t.mappingSheetGone, { sheet: problem.sheet });
    case "too-many-rows":
      return fill(t.mappingTooManyRows, { top: problem.top, bottom: problem.bottom });
    case "no-header":
      return fill(t.mappingNoHeader, { sheet: problem.sheet, row: problem.row });
    case "needs-name":
      return t.mappingNeedsName;
    case "invalid":
      return `${t.failed}: ${problem.detail}`;
  }
}

/** 表と列: the tables found and their columns' roles, editable. A saved mapping re-reads the workbook through the Workbench, which every view follows. */
export function TablesPanel(): React.JSX.Element {
  const { t, workbench } = usePane();
  const styles = useStyles();
  const [problem, setProblem] = React.useState<string | null>(null);
  const [json, setJson] = React.useState<string | null>(null);
  const tables = workbench.model?.tables ?? [];
  const mapped = tables.filter((x) => x.source === "mapped").length;
  // A long list (a 事業シート per project) starts folded: one line says what is there.
  const [open, setOpen] = React.useState<boolean | null>(null);
  const shown = open ?? (tables.length <= FOLD_ABOVE || mapped > 0);

  const act = async (work: () => Promise<MappingProblem | null | void>): Promise<void> => {
    setProblem(null);
    try {
      const found = await work();
      if (found) setProblem(mappingProblemText(t, found));
    } catch (e) {
      setProblem(`${t.failed}: ${(e as Error).message}`);
    }
  };

  return (
    <Section title={t.tablesTitle}>
      {tables.length === 0 ? (
        <Text>{t.noTables}</Text>
      ) : (
        <div className={styles.row}>
          <Text>{fill(t.tablesCount, { count: tables.length, mapped })}</Text>
          <Button size="small" aria-expanded={shown} onClick={() => setOpen(!shown)}>
            {shown ? t.hideTables : t.showTables}
          </Button>
        </div>
      )}
      {shown && (
      <Accordion multiple collapsible>
        {tables.map((table) => (
          <AccordionItem key={table.id} value={table.id}>
            <AccordionHeader size="small">
              <span className={styles.title}>
                <span>{rowsText(t, table)}</span>
                <Text size={200}>{t[LAYOUT_LABEL[table.layout]]}</Text>
                {table.source === "mapped" ? <Badge appearance="tint" color="brand">{t.setByHand}</Badge> : <Badge appearance="outline">{t.detected}</Badge>}
              </span>
            </AccordionHeader>
            <AccordionPanel>
              <div className={styles.table} role="group" aria-label={rowsText(t, table)}>
                {workbench.headerColumns(table).map((column) => (
                  <ColumnEditor
                    key={`${column.col}-${column.role}-${column.fy ?? ""}`}
                    t={t}
                    table={table}
                    column={column}
                    onRole={(role, year) => void act(() => workbench.setColumnRole(table.id, column.col, role, year))}
                  />
                ))}
                {table.source === "mapped" && (
                  <Button size="small" onClick={() => void act(() => workbench.resetTable(table.id))}>
                    {t.resetTable}
                  </Button>
                )}
              </div>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
      )}
      <div className={styles.row}>
        <Button size="small" onClick={() => void act(() => workbench.addTableFromSelection())}>
          {t.addTableFromSelection}
        </Button>
        <Button size="small" onClick={() => setJson(json === null ? workbench.mappingJson() : null)}>
          {t.exportMapping}
        </Button>
      </div>
      {problem && (
        <Text role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
          {problem}
        </Text>
      )}
      {json !== null && <Textarea readOnly aria-label={t.mappingJson} value={json} resize="vertical" rows={8} />}
    </Section>
  );
}
