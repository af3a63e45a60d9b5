/**
 * 実績入力: paste a block copied from Excel (or CSV/TSV text), import a CSV file (UTF-8 or
 * Shift_JIS), or type values into the indicators still missing the year's actual (Enter moves to
 * the next); preview new / unchanged / conflicts / unmatched, keep or overwrite each conflict, then
 * one write.
 */
import * as React from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { ActualsInput } from "../../app/actualsInput";
import type { Workbench } from "../../app/Workbench";
import { fiscalYearLabel } from "../../core/periods/parsePeriod";
import type { ActualInput, FillPlan } from "../../core/plans/planFill";
import type { Strings } from "../i18n";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

function fillText(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));
}


export function FillView<U>({ t, workbench }: { t: Strings; workbench: Workbench<U> }): React.JSX.Element {
  const styles = useStyles();
  const [text, setText] = React.useState("");
  const [typed, setTyped] = React.useState<Record<string, string>>({});
  const [rows, setRows] = React.useState<ActualInput[]>([]);
  const [preview, setPreview] = React.useState<FillPlan | null>(null);
  const [decisions, setDecisions] = React.useState<Record<string, "keep" | "overwrite">>({});
  const [message, setMessage] = React.useState<{ intent: "error" | "success"; text: string } | null>(null);
  const [missing, setMissing] = React.useState<{ key: string; name: string; projectNo?: string }[]>([]);
  const [skipped, setSkipped] = React.useState<string[]>([]);
  const inputs = React.useRef<(HTMLInputElement | null)[]>([]);

  React.useEffect(() => {
    let live = true;
    workbench.check().then((evaluation) => {
      if (live) setMissing(evaluation.outcomes.filter((o) => o.result.flags.includes("missing-actual") && o.actualCell).map((o) => ({ key: o.indicator.key, name: o.indicator.name, projectNo: o.indicator.projectNo })));
    }, () => undefined);
    return () => {
      live = false;
    };
  }, [workbench]);

  const runPreview = async (input: ActualInput[], problems: string[] = []): Promise<void> => {
    setMessage(null);
    setSkipped(problems);
    if (input.length === 0) return setMessage({ intent: "error", text: [t.noRows, ...problems].join(" ") });
    setRows(input);
    const plan = await workbench.previewFill(input);
    setPreview(plan);
    setDecisions(Object.fromEntries(plan.outcomes.filter((o) => o.status === "conflict" && o.indicator).map((o) => [o.indicator!.key, "keep" as const])));
  };

  const fromTyped = (): ActualInput[] =>
    missing.filter((m) => (typed[m.key] ?? "").trim() !== "").map((m) => ({ projectNo: m.projectNo, indicator: m.name, actual: typed[m.key] }));

  /** Rows read the same way as the CLI reads them; a refused file or text says why. */
  const previewInput = (input: ActualsInput): Promise<void> => {
    if (!input.ok) {
      setPreview(null);
      setMessage({ intent: "error", text: input.message });
      return Promise.resolve();
    }
    return runPreview(input.rows, input.problems.map((p) => `${p.line}行目: ${p.message}`));
  };

  const onFile = async (file: File): Promise<void> => {
    await previewInput(workbench.readActualsFile(new Uint8Array(await file.arrayBuffer()), file.name));
  };

  const write = async (): Promise<void> => {
    try {
      const done = await workbench.applyFill(rows, decisions);
      setMessage({ intent: "success", text: fillText(t.filled, { count: done.counts.new + done.counts.overwritten }) });
      setPreview(null);
    } catch (e) {
      setMessage({ intent: "error", text: `${t.failed}: ${(e as Error).message}` });
    }
  };

  const year = workbench.year === null ? "" : fiscalYearLabel(workbench.year);
  return (
    <div className={styles.view}>
      <Field label={t.pasteLabel}>
        <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" rows={4} />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void previewInput(workbench.readActualsText(text))}>
          {t.preview}
        </Button>
        <label>
          <Text>{t.importCsv}</Text>{" "}
          <input type="file" accept=".csv,.tsv,.txt" aria-label={t.importCsv} onChange={(e) => e.target.files?.[0] && void onFile(e.target.files[0])} />
        </label>
      </div>
      {missing.length > 0 && (
        <section aria-label={fillText(t.missingList, { year })}>
          <Text weight="semibold">{fillText(t.missingList, { year })}</Text>
          {missing.map((m, i) => (
            <Field key={m.key} label={`${m.projectNo ? `${m.projectNo} ` : ""}${m.name}`} size="small">
              <Input
                size="small"
                value={typed[m.key] ?? ""}
                ref={(el) => {
                  inputs.current[i] = el;
                }}
                onChange={(_, d) => setTyped((v) => ({ ...v, [m.key]: d.value }))}
                onKeyDown={(e) => {
                  if (e.key === "Enter") {
                    e.preventDefault();
                    const next = inputs.current[i + 1];
                    if (next) next.focus();
                    else void runPreview(fromTyped());
                  }
                }}
              />
            </Field>
          ))}
          <Button onClick={() => void runPreview(fromTyped())}>{t.preview}</Button>
        </section>
      )}
      {preview && (
        <section aria-label={t.preview}>
          <Text>{fillText(t.previewCounts, preview.counts)}</Text>
          <ul className={styles.list}>
            {skipped.map((p, i) => (
              <li key={`skipped${i}`}>{p}</li>
            ))}
            {preview.outcomes
              .filter((o) => o.status !== "new" && o.status !== "unchanged")
              .map((o, i) => (
                <li key={i}>
                  {o.message}
                  {o.warning && ` ⚠ ${o.warning}`}
                  {o.status === "conflict" && o.indicator && (
                    <RadioGroup
                      layout="horizontal"
                      aria-label={o.indicator.name}
                      value={decisions[o.indicator.key]}
                      onChange={(_, d) => setDecisions((v) => ({ ...v, [o.indicator!.key]: d.value as "keep" | "overwrite" }))}
                    >
                      <Radio value="keep" label={t.keep} />
                      <Radio value="overwrite" label={t.overwrite} />
                    </RadioGroup>
                  )}
                </li>
              ))}
          </ul>
          <Button appearance="primary" onClick={() => void write()}>
            {t.write}
          </Button>
        </section>
      )}
      {message && (
        <MessageBar intent={message.intent} layout="multiline">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
