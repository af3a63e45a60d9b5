/**
 * 評価: grading settings (preset, B/C thresholds, plan start, reference values), each with a label
 * and an error that says what is allowed; the button writes the chosen year. Below, always the
 * evaluation of the workbook as it now is: the counts (monitoring indicators apart), every grade
 * and 「−」 openable to its reason, and the actuals still missing by 担当課 with a reminder to copy.
 */
import * as React from "react";
import { Button, Field, Input, Select, Switch, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { gradeBreakdown, missingByDepartment, reminderText } from "../../app/summary";
import { fiscalYearLabel, parseFiscalYear } from "../../core/periods/parsePeriod";
import { listPresets } from "../../core/presets/builtin";
import { parseValue } from "../../core/values/parseValue";
import { fill } from "../i18n";
import { breakdownWords, presetName } from "../wording";
import { OutcomeDetails } from "./OutcomeDetails";
import { usePane } from "./PaneContext";
import { Section } from "./Section";
import { useWorkbench } from "./useWorkbench";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  narrow: { width: "8em" },
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

type Errors = Partial<Record<"thresholds" | "planStart" | "references", string>>;

function Settings(): React.JSX.Element {
  const { t, locale, workbench } = usePane();
  const styles = useStyles();
  const presets = React.useMemo(() => listPresets(), []);
  const saved = workbench.preset();
  const [presetId, setPresetId] = React.useState(saved.id.replace(/-custom$/, ""));
  const [thresholdB, setThresholdB] = React.useState(String(Math.round((saved.bands[0]?.min ?? 0.8) * 100)));
  const [thresholdC, setThresholdC] = React.useState(String(Math.round((saved.bands[1]?.min ?? 0.6) * 100)));
  const [planStart, setPlanStart] = React.useState(workbench.settings?.planStart ? fiscalYearLabel(workbench.settings.planStart) : "");
  const [references, setReferences] = React.useState(referencesText(workbench.settings?.references));
  const [errors, setErrors] = React.useState<Errors>({});
  const base = presets.find((p) => p.id === presetId)!;
  const hasBands = base.bands.length === 2;
  const year = workbench.year === null ? "" : fiscalYearLabel(workbench.year);

  const run = async (): Promise<void> => {
    const start = planStart.trim() ? parseFiscalYear(planStart) : undefined;
    const refs = parseReferences(references);
    const b = Number(thresholdB) / 100;
    const c = Number(thresholdC) / 100;
    const found: Errors = {};
    if (start === null) found.planStart = fill(t.errPlanStart, { value: planStart });
    if (refs.error) found.references = fill(t.errReference, { line: refs.error });
    if (hasBands && !(thresholdB.trim() && thresholdC.trim() && b > c && c >= 0 && b <= 1)) found.thresholds = fill(t.errThresholds, { b: thresholdB, c: thresholdC });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const custom = hasBands && (b !== base.bands[0].min || c !== base.bands[1].min);
    const customPreset = custom
      ? { ...base, id: `${base.id}-custom`, name: `${base.name}（B ${thresholdB}%・C ${thresholdC}%）`, bands: [{ min: b, label: base.bands[0].label }, { min: c, label: base.bands[1].label }] }
      : undefined;
    const current = workbench.settings ?? { version: 1 as const, references: {}, directionOverrides: {} };
    if (await workbench.saveSettings({ ...current, presetId: customPreset?.id ?? presetId, customPreset, planStart: start ?? undefined, references: refs.references })) await workbench.evaluate();
  };

  return (
    <Section title={t.settingsHeading}>
      <Field label={t.preset}>
        <Select value={presetId} onChange={(_, d) => setPresetId(d.value)} size="small">
          {presets.map((p) => (
            <option key={p.id} value={p.id}>
              {presetName(locale, p)}
            </option>
          ))}
        </Select>
      </Field>
      {hasBands && (
        <>
          <div className={styles.row}>
            <Field label={t.thresholdB} validationState={errors.thresholds ? "error" : "none"}>
              <Input className={styles.narrow} type="number" min={0} max={100} value={thresholdB} onChange={(_, d) => setThresholdB(d.value)} size="small" />
            </Field>
            <Field label={t.thresholdC} validationState={errors.thresholds ? "error" : "none"}>
              <Input className={styles.narrow} type="number" min={0} max={100} value={thresholdC} onChange={(_, d) => setThresholdC(d.value)} size="small" />
            </Field>
          </div>
          <Text size={200} role={errors.thresholds ? "alert" : undefined}>
            {errors.thresholds ?? t.thresholdsHint}
          </Text>
        </>
      )}
      <Field label={t.planStart} hint={t.planStartHint} validationMessage={errors.planStart}>
        <Input value={planStart} onChange={(_, d) => setPlanStart(d.value)} size="small" />
      </Field>
      <Field label={t.references} hint={t.referencesHint} validationMessage={errors.references}>
        <Textarea value={references} onChange={(_, d) => setReferences(d.value)} resize="vertical" />
      </Field>
      <div>
        <Button appearance="primary" onClick={() => void run()} disabled={workbench.busy}>
          {fill(t.runEvaluate, { year })}
        </Button>
      </div>
      <LiveSwitch />
    </Section>
  );
}

/** 自動再評価: the Workbench does the work (Workbench.setLive); a failure is said under the switch. */
function LiveSwitch(): React.JSX.Element {
  const { t, workbench } = usePane();
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const hintId = React.useId();
  const set = (on: boolean): void => {
    setBusy(true);
    setError(null);
    workbench
      .setLive(on)
      .catch((e: unknown) => setError((e as Error).message))
      .finally(() => setBusy(false));
  };
  const problem = error ?? workbench.liveError;
  return (
    <div>
      <Switch label={t.liveEvaluate} checked={workbench.live !== null} disabled={busy} onChange={(_, d) => set(d.checked)} aria-describedby={hintId} />
      <Text as="p" size={200} id={hintId} role={problem ? "alert" : undefined} style={{ margin: 0 }}>
        {problem ?? t.liveEvaluateHint}
      </Text>
    </div>
  );
}

function Result(): React.JSX.Element | null {
  const { t, locale, workbench } = usePane();
  const styles = useStyles();
  const [copied, setCopied] = React.useState(false);
  const evaluation = workbench.evaluation;
  if (!evaluation) return null;
  const preset = workbench.preset();
  const breakdown = gradeBreakdown(evaluation.outcomes, preset);
  const year = fiscalYearLabel(evaluation.year);
  const missing = missingByDepartment(evaluation.outcomes);
  const missingCount = missing.reduce((n, g) => n + g.indicators.length, 0);
  const assessedMissing = breakdown.notGraded.find((n) => n.kind === "missing-actual")?.count ?? 0;
  const copy = async (): Promise<void> => {
    await navigator.clipboard?.writeText(reminderText(missing, year));
    setCopied(true);
  };
  return (
    <>
      <Section title={fill(t.resultHeading, { year })}>
        <Text data-testid="breakdown">{breakdownWords(t, locale, breakdown)}</Text>
        <OutcomeDetails outcomes={evaluation.outcomes} breakdown={breakdown} year={evaluation.year} />
      </Section>
      <Section title={t.missingByDepartment}>
        {missing.length === 0 ? (
          <Text>{t.noneMissing}</Text>
        ) : (
          <>
            <Text>{fill(t.missingSplit, { count: missingCount, assessed: assessedMissing, monitoring: missingCount - assessedMissing })}</Text>
            <ul className={styles.list} aria-label={t.missingByDepartment}>
              {missing.map((g) => (
                <li key={g.department}>
                  {g.department}: {g.indicators.length}
                </li>
              ))}
            </ul>
            <div>
              <Button onClick={() => void copy()} size="small">
                {copied ? t.copied : t.copyReminder}
              </Button>
            </div>
          </>
        )}
      </Section>
    </>
  );
}

export function EvaluateView(): React.JSX.Element {
  const { workbench } = usePane();
  useWorkbench(workbench);
  const styles = useStyles();
  return (
    <div className={styles.view}>
      <Settings />
      <Result />
    </div>
  );
}
