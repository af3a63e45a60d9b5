/**
 * 評価: grading settings (preset, plan start, reference values), run, then the counts by grade and
 * the actuals still missing by 担当課, which can be copied as a reminder for the departments.
 * The view calls the Workbench only; it never touches Excel.
 */
import * as React from "react";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { gradeBreakdown, missingByDepartment, reminderText } from "../../app/summary";
import type { Workbench } from "../../app/Workbench";
import { fiscalYearLabel, parseFiscalYear } from "../../core/periods/parsePeriod";
import { listPresets } from "../../core/presets/builtin";
import { parseValue } from "../../core/values/parseValue";
import type { WorkbookEvaluation } from "../../core/workbook/evaluateWorkbook";
import type { Strings } from "../i18n";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

function referencesText(references: Record<string, number> | undefined): string {
  return Object.entries(references ?? {}).map(([k, v]) => `${k}=${v}`).join("\n");
}

/** `法定雇用率=2.5%` lines → { 法定雇用率: 0.025 }; the first unreadable line is reported. */
export function parseReferences(text: string): { references: Record<string, number>; error?: string } {
  const references: Record<string, number> = {};
  for (const line of text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    const eq = line.indexOf("=");
    const reading = eq > 0 ? parseValue({ value: line.slice(eq + 1).trim() }) : null;
    if (!reading || reading.kind !== "number") return { references, error: line };
    references[line.slice(0, eq).trim()] = reading.value;
  }
  return { references };
}

/** The 自動再評価 switch's state: the Workbench does the work (Workbench.setLive). */
function useLiveSwitch<U>(workbench: Workbench<U>): { on: boolean; busy: boolean; error: string | null; set: (on: boolean) => void } {
  React.useSyncExternalStore((l) => workbench.subscribe(l), () => workbench.version);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const set = (on: boolean): void => {
    setBusy(true);
    setError(null);
    workbench.setLive(on).catch((e: unknown) => setError((e as Error).message)).finally(() => setBusy(false));
  };
  return { on: workbench.live !== null, busy, error: error ?? workbench.liveError, set };
}

export interface EvaluateViewProps<U> {
  t: Strings;
  workbench: Workbench<U>;
  /** Called after a write, so the other views can refresh. */
  onChanged?: () => void;
}

export function EvaluateView<U>({ t, workbench, onChanged }: EvaluateViewProps<U>): React.JSX.Element {
  const styles = useStyles();
  const presets = React.useMemo(() => listPresets(), []);
  const saved = workbench.preset();
  const [presetId, setPresetId] = React.useState(saved.id.replace(/-custom$/, ""));
  const [thresholdB, setThresholdB] = React.useState(String(Math.round((saved.bands[0]?.min ?? 0.8) * 100)));
  const [thresholdC, setThresholdC] = React.useState(String(Math.round((saved.bands[1]?.min ?? 0.6) * 100)));
  const [planStart, setPlanStart] = React.useState(workbench.settings?.planStart ? fiscalYearLabel(workbench.settings.planStart) : "");
  const [references, setReferences] = React.useState(referencesText(workbench.settings?.references));
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [result, setResult] = React.useState<WorkbookEvaluation | null>(null);
  const [copied, setCopied] = React.useState(false);
  const live = useLiveSwitch(workbench);

  const run = async (): Promise<void> => {
    setError(null);
    setCopied(false);
    const start = planStart.trim() ? parseFiscalYear(planStart) : undefined;
    const refs = parseReferences(references);
    const b = Number(thresholdB) / 100;
    const c = Number(thresholdC) / 100;
    if (start === null) return setError(`${t.planStart}: ${planStart}`);
    if (refs.error) return setError(`${t.badReference}: ${refs.error}`);
    const base = presets.find((p) => p.id === presetId)!;
    const hasBands = base.bands.length === 2;
    if (hasBands && !(b > c && c >= 0 && b <= 1)) return setError(`${t.thresholds}: ${thresholdB} / ${thresholdC}`);
    const custom = hasBands && (b !== base.bands[0].min || c !== base.bands[1].min);
    setBusy(true);
    try {
      if (!workbench.settings) await workbench.refresh();
      const customPreset = custom
        ? { ...base, id: `${base.id}-custom`, name: `${base.name}（B ${thresholdB}%・C ${thresholdC}%）`, bands: [{ min: b, label: base.bands[0].label }, { min: c, label: base.bands[1].label }] }
        : undefined;
      await workbench.saveSettings({ ...workbench.settings!, presetId: customPreset?.id ?? presetId, customPreset, planStart: start, references: refs.references });
      setResult(await workbench.evaluate());
      onChanged?.();
    } catch (e) {
      setError(`${t.failed}: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const preset = workbench.preset();
  const missing = result ? missingByDepartment(result.outcomes) : [];
  const copy = async (): Promise<void> => {
    if (!result) return;
    await navigator.clipboard?.writeText(reminderText(missing, fiscalYearLabel(result.year)));
    setCopied(true);
  };

  return (
    <div className={styles.form}>
      <div className={styles.row}>
        <Field label={t.preset}>
          <Select value={presetId} onChange={(_, d) => setPresetId(d.value)} size="small">
            {presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {presets.find((p) => p.id === presetId)?.bands.length === 2 && (
        <Field label={t.thresholds}>
          <div className={styles.row}>
            <Input aria-label="B" type="number" value={thresholdB} onChange={(_, d) => setThresholdB(d.value)} size="small" style={{ width: "5em" }} />
            <Input aria-label="C" type="number" value={thresholdC} onChange={(_, d) => setThresholdC(d.value)} size="small" style={{ width: "5em" }} />
          </div>
        </Field>
      )}
      <Field label={t.planStart}>
        <Input value={planStart} onChange={(_, d) => setPlanStart(d.value)} size="small" placeholder="R7" />
      </Field>
      <Field label={t.references}>
        <Textarea value={references} onChange={(_, d) => setReferences(d.value)} resize="vertical" />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void run()} disabled={busy}>
          {t.runEvaluate}
        </Button>
        {busy && <Spinner size="tiny" label={t.evaluating} />}
      </div>
      <Switch label={t.liveEvaluate} checked={live.on} disabled={live.busy} onChange={(_, d) => live.set(d.checked)} title={t.liveEvaluateHint} />
      {(error ?? live.error) && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error ?? live.error}</MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              {t.written}（{fiscalYearLabel(result.year)}、{preset.name}）
            </MessageBarBody>
          </MessageBar>
          {workbench.protectedSheets.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{t.protectedSkipped.replace("{sheets}", workbench.protectedSheets.map((s) => `「${s}」`).join("、"))}</MessageBarBody>
            </MessageBar>
          )}
          <Table size="extra-small" aria-label={t.gradeCounts}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t.gradeCounts}</TableHeaderCell>
                <TableHeaderCell />
              </TableRow>
            </TableHeader>
            <TableBody>
              {gradeBreakdown(result.outcomes, preset).grades.map(({ grade, count }) => (
                <TableRow key={grade}>
                  <TableCell>{grade}</TableCell>
                  <TableCell>{count}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Text weight="semibold">{t.missingByDepartment}</Text>
          {missing.length === 0 ? (
            <Text>{t.noneMissing}</Text>
          ) : (
            <ul className={styles.list} aria-label={t.missingByDepartment}>
              {missing.map((g) => (
                <li key={g.department}>
                  {g.department}: {g.indicators.length}
                </li>
              ))}
            </ul>
          )}
          {missing.length > 0 && (
            <Button onClick={() => void copy()} size="small">
              {copied ? t.copied : t.copyReminder}
            </Button>
          )}
        </>
      )}
    </div>
  );
}
