/**
 * 実績入力: paste a block copied from Excel (or CSV/TSV text), read a CSV file (UTF-8 or Shift_JIS),
 * or type values into the indicators still missing the chosen year's actual (Enter moves to the
 * next). Each source previews right below itself; any change of input drops the preview, and only
 * the preview on screen can be written.
 */
import * as React from "react";
import type { CsvRowCode } from "../../adapters/csv/csvMessages";
import { Button, Caption1, Field, Input, Label, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { ActualsInput } from "../../app/actualsInput";
import { fiscalYearLabel } from "../../core/periods/parsePeriod";
import { fill } from "../i18n";
import { indicatorLabel, inputRefusalText } from "../wording";
import { FillPreview } from "./FillPreview";
import { usePane } from "./PaneContext";
import { Section } from "./Section";
import { useWorkbench } from "./useWorkbench";

/** Why a line of pasted text or a CSV was not read, by its code. */
const LINE_REASONS: Record<CsvRowCode, "lineColumnCount" | "lineLineBreak" | "lineEmptyActual" | "lineInvalid"> = {
  "column-count": "lineColumnCount",
  "line-break": "lineLineBreak",
  "empty-actual": "lineEmptyActual",
  "invalid-row": "lineInvalid",
};

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  file: { maxWidth: "100%" },
  fileField: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  error: { color: tokens.colorPaletteRedForeground1 },
});

type Source = "paste" | "file" | "typed";

export function FillView(): React.JSX.Element {
  const { t, locale, workbench } = usePane();
  useWorkbench(workbench);
  const styles = useStyles();
  const [text, setText] = React.useState("");
  const [typed, setTyped] = React.useState<Record<string, string>>({});
  const [error, setError] = React.useState<{ source: Source; text: string } | null>(null);
  /** The lines of the last input not read, each with its reason (shown with or without a preview). */
  const [skipped, setSkipped] = React.useState<{ kind: Source; lines: string[] }>({ kind: "paste", lines: [] });
  const [source, setSource] = React.useState<{ kind: Source; label: string } | null>(null);
  const inputs = React.useRef<(HTMLInputElement | null)[]>([]);
  const fileId = React.useId();
  const year = workbench.year === null ? "" : fiscalYearLabel(workbench.year);
  const missing = (workbench.evaluation?.outcomes ?? [])
    .filter((o) => o.result.flags.includes("missing-actual"))
    .map((o) => ({ key: o.indicator.key, name: o.indicator.name, projectNo: o.indicator.projectNo }));

  /** Any change of input: the preview no longer shows it. */
  const changed = (): void => {
    setError(null);
    setSkipped((s) => ({ ...s, lines: [] }));
    workbench.clearPreview();
  };

  /** Rows read as the CLI reads them; a refused file or text says why, a line not read is listed. */
  const preview = async (kind: Source, identity: string, label: string, input: ActualsInput): Promise<void> => {
    workbench.clearPreview();
    if (!input.ok) {
      setSkipped({ kind, lines: [] });
      setError({ source: kind, text: inputRefusalText(t, locale, input) });
      return;
    }
    // Japanese shows each line's full reason; other languages a short one by its code.
    const reason = (p: (typeof input.problems)[number]) => (locale === "ja" ? p.message : t[LINE_REASONS[p.code]]);
    setSkipped({ kind, lines: input.problems.map((p) => fill(t.lineProblem, { line: p.line, message: reason(p) })) });
    if (input.rows.length === 0) {
      setError({ source: kind, text: t.noRows });
      return;
    }
    setError(null);
    setSource({ kind, label });
    await workbench.previewFill(`${kind}:${identity}`, input.rows);
  };

  const fromPaste = (): Promise<void> => {
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "").length;
    return preview("paste", text, fill(t.sourcePasted, { lines }), workbench.readActualsText(text));
  };
  const fromTyped = (): Promise<void> => {
    const rows = missing.filter((m) => (typed[m.key] ?? "").trim() !== "").map((m) => ({ projectNo: m.projectNo, indicator: m.name, actual: typed[m.key] }));
    return preview("typed", JSON.stringify(rows), fill(t.sourceTyped, { count: rows.length }), { ok: true, rows, problems: [] });
  };
  const fromFile = async (file: File): Promise<void> => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    await preview("file", `${file.name}\n${file.size}\n${file.lastModified}`, fill(t.sourceFile, { name: file.name }), workbench.readActualsFile(bytes, file.name));
  };

  const current = workbench.fillPreview;
  const shownAt = (kind: Source) => (current && source?.kind === kind && current.source.startsWith(`${kind}:`) ? <FillPreview preview={current} source={source.label} /> : null);
  const skippedNote = (kind: Source) =>
    skipped.kind === kind && skipped.lines.length > 0 ? (
      <Caption1>
        {fill(t.skippedLines, { count: skipped.lines.length })}
        {locale === "ja" ? `（${skipped.lines.join("、")}）` : ` (${skipped.lines.join("; ")})`}
      </Caption1>
    ) : null;

  return (
    <div className={styles.view}>
      <div className={styles.section}>
        <Field label={t.pasteLabel} hint={t.pasteHint} validationMessage={error?.source === "paste" ? error.text : undefined}>
          <Textarea value={text} onChange={(_, d) => (setText(d.value), changed())} resize="vertical" rows={4} />
        </Field>
        <div>
          <Button appearance="primary" disabled={workbench.busy} onClick={() => void fromPaste()}>
            {t.previewPasted}
          </Button>
        </div>
        <div className={styles.fileField}>
          <Label htmlFor={`${fileId}-input`}>{t.importCsv}</Label>
          <input
            id={`${fileId}-input`}
            type="file"
            className={styles.file}
            accept=".csv,.tsv,.txt"
            aria-describedby={`${fileId}-hint`}
            onChange={(e) => {
              changed();
              const file = e.target.files?.[0];
              if (file) void fromFile(file);
            }}
          />
          <Caption1 id={`${fileId}-hint`}>{error?.source === "file" ? error.text : t.importHint}</Caption1>
        </div>
        {skippedNote("paste") ?? skippedNote("file")}
        {shownAt("paste") ?? shownAt("file")}
      </div>
      <Section title={fill(t.typedHeading, { year })}>
        {missing.length === 0 ? (
          <Text>{fill(t.noneMissingYear, { year })}</Text>
        ) : (
          <>
            <Caption1>{t.typedHint}</Caption1>
            {missing.map((m, i) => (
              <Field key={m.key} label={indicatorLabel(m)} size="small">
                <Input
                  size="small"
                  value={typed[m.key] ?? ""}
                  ref={(el) => {
                    inputs.current[i] = el;
                  }}
                  onChange={(_, d) => {
                    setTyped((v) => ({ ...v, [m.key]: d.value }));
                    changed();
                  }}
                  onKeyDown={(e) => {
                    if (e.key !== "Enter") return;
                    e.preventDefault();
                    const next = inputs.current[i + 1];
                    if (next) next.focus();
                    else void fromTyped();
                  }}
                />
              </Field>
            ))}
            <div>
              <Button disabled={workbench.busy} onClick={() => void fromTyped()}>
                {t.previewTyped}
              </Button>
            </div>
            {error?.source === "typed" && <Text className={styles.error}>{error.text}</Text>}
            {shownAt("typed")}
          </>
        )}
      </Section>
    </div>
  );
}
