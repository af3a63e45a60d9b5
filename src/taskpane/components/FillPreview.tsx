/**
 * A fill preview where the user is: focused when it appears, every row as current → new with what
 * will happen to it (the wording follows each conflict's choice), and 書き込む saying what it writes.
 * It writes exactly this preview: the Workbench refuses any other.
 */
import * as React from "react";
import { Button, Caption1, Radio, RadioGroup, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { FillPreview as Preview } from "../../app/Workbench";
import { fiscalYearLabel } from "../../core/periods/parsePeriod";
import type { FillOutcome, FillStatus } from "../../core/plans/planFill";
import { fill, type StringKey } from "../i18n";
import { indicatorLabel } from "../wording";
import { BELOW_HEADER } from "./Header";
import { usePane } from "./PaneContext";

const useStyles = makeStyles({
  preview: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
    scrollMarginTop: BELOW_HEADER,
  },
  h3: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  change: { overflowWrap: "anywhere" },
  status: { color: tokens.colorNeutralForeground2 },
  warning: { display: "block", color: tokens.colorPaletteDarkOrangeForeground1 },
});

const STATUS: Record<FillStatus, StringKey> = {
  new: "statusNew",
  unchanged: "statusUnchanged",
  conflict: "statusConflict",
  overwritten: "statusOverwritten",
  unmatched: "statusUnmatched",
  ambiguous: "statusAmbiguous",
  duplicate: "statusDuplicate",
  invalid: "statusInvalid",
  protected: "statusProtected",
};

function indicatorName(o: FillOutcome): string {
  const i = o.input;
  if (o.indicator) return indicatorLabel(o.indicator);
  if (i.sheet && i.cell) return `${i.sheet}!${i.cell}`;
  return indicatorLabel({ projectNo: i.projectNo, name: i.indicator ?? "" });
}

export function FillPreview({ preview, source }: { preview: Preview; source: string }): React.JSX.Element {
  const { t, workbench } = usePane();
  const styles = useStyles();
  const ref = React.useRef<HTMLElement>(null);
  const headingId = React.useId();
  // A new preview (new input) takes the focus; choosing keep/overwrite does not move it.
  React.useEffect(() => {
    ref.current?.focus({ preventScroll: true });
    ref.current?.scrollIntoView?.({ block: "start" });
  }, [preview.rows]);
  const { counts } = preview.fill;
  const writes = counts.new + counts.overwritten;
  const year = fiscalYearLabel(preview.year);
  return (
    <section ref={ref} tabIndex={-1} className={styles.preview} aria-labelledby={headingId} data-testid="fill-preview">
      <h3 className={styles.h3} id={headingId}>
        {fill(t.previewHeading, { year })}
      </h3>
      <Caption1>{fill(t.previewSource, { source })}</Caption1>
      <Text>{fill(t.previewCounts, counts)}</Text>
      <Table size="extra-small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t.colIndicator}</TableHeaderCell>
            <TableHeaderCell>
              {t.colCurrent} → {t.colNew}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {preview.fill.outcomes.map((o, i) => (
            <TableRow key={i}>
              <TableCell>
                <span className={styles.name}>{indicatorName(o)}</span>
              </TableCell>
              <TableCell>
                <div className={styles.change}>
                  {o.existing ?? t.empty} → {o.input.actual || t.empty}
                </div>
                <Caption1 className={styles.status}>{t[STATUS[o.status]]}</Caption1>
                {/* The unit warning of the fill rules (the reader's own words, with the units it compares). */}
                {o.warning && <Caption1 className={styles.warning}>⚠ {o.warning}</Caption1>}
                {(o.status === "conflict" || o.status === "overwritten") && o.indicator && (
                  <RadioGroup
                    layout="horizontal"
                    aria-label={fill(t.conflictChoice, { name: o.indicator.name })}
                    value={o.status === "overwritten" ? "overwrite" : "keep"}
                    onChange={(_, d) => workbench.decide(o.indicator!.key, d.value as "keep" | "overwrite")}
                  >
                    <Radio value="keep" label={t.keep} />
                    <Radio value="overwrite" label={t.overwrite} />
                  </RadioGroup>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div>
        <Button appearance="primary" disabled={writes === 0 || workbench.busy} onClick={() => void workbench.writeFill(preview)}>
          {writes === 0 ? t.writeNothing : fill(t.writeButton, { count: writes, new: counts.new, overwritten: counts.overwritten })}
        </Button>
      </div>
    </section>
  );
}
