/**
 * The browser demo: the real task pane running against the in-memory Excel, loaded with the
 * 武蔵野市 sample workbook (or any .xlsx the user opens), beside a plain grid view of the workbook;
 * the result can be downloaded. demo.html shows a loading state at once; the file layer (.xlsx
 * reading and writing) is its own chunk, fetched together with the sample. `?lang=en`, `?theme=dark`,
 * `?pane=320` (the pane's width), `?view=pane` (the pane alone, as wide as the window).
 * Marks: kpi:demo-ready when the pane shows the workbook.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { MemoryExcel } from "../adapters/memory/memoryExcel";
import type { MemoryWorkbook } from "../adapters/memory/MemoryWorkbook";
import { OfficeWorkbookAdapter } from "../adapters/office/OfficeWorkbookAdapter";
import { Workbench } from "../app/Workbench";
import { App } from "../taskpane/components/App";
import { localeFromLanguage } from "../taskpane/i18n";
import type { ThemeKind } from "../taskpane/theme";
import { Grid } from "./Grid";

interface Loaded {
  name: string;
  book: MemoryWorkbook;
  /** The .xlsx bytes, or why they could not be written. */
  save: () => Promise<Uint8Array | { message: string }>;
  workbench: Workbench<unknown>;
}

/** The file layer, loaded on first use. */
const fileLayer = () => import("../adapters/memory/xlsx");

async function load(name: string, bytes: Uint8Array): Promise<Loaded> {
  const { openInMemory, saveFromMemory } = await fileLayer();
  const opened = await openInMemory(bytes, name);
  if (!opened.ok) throw new Error(opened.message);
  const { book, source } = opened;
  const excel = new MemoryExcel(book);
  const workbench = new Workbench(new OfficeWorkbookAdapter(excel, excel.requirements)) as Workbench<unknown>;
  await workbench.refresh();
  return { name, book, workbench, save: () => saveFromMemory(book, source) };
}

function Demo({ initial, theme, paneOnly }: { initial: Loaded; theme: ThemeKind; paneOnly: boolean }): React.JSX.Element {
  const [loaded, setLoaded] = React.useState(initial);
  const [error, setError] = React.useState<string | null>(null);
  const locale = localeFromLanguage(new URLSearchParams(location.search).get("lang") ?? navigator.language);
  const open = async (file: File): Promise<void> => {
    try {
      setError(null);
      setLoaded(await load(file.name, new Uint8Array(await file.arrayBuffer())));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const download = async (): Promise<void> => {
    const bytes = await loaded.save();
    if (!(bytes instanceof Uint8Array)) {
      setError(bytes.message);
      return;
    }
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    const a = document.createElement("a");
    a.href = url;
    const dot = loaded.name.lastIndexOf(".");
    // .xlsm stays .xlsm (its macros are kept).
    a.download = dot > 0 ? `${loaded.name.slice(0, dot)}.evaluated${loaded.name.slice(dot)}` : `${loaded.name}.evaluated.xlsx`;
    a.click();
    URL.revokeObjectURL(url);
  };
  const dark = theme === "dark";
  // The pane alone, as wide as the window: how it looks in Excel's task pane (320 px and up).
  if (paneOnly) return <App locale={locale} theme={theme} status="excel" workbench={loaded.workbench} />;
  return (
    <div style={{ display: "flex", height: "100vh", fontFamily: "sans-serif", background: dark ? "#1f1f1f" : "#fff", color: dark ? "#fff" : "#000" }}>
      <div style={{ flex: 1, overflow: "auto", borderRight: "1px solid #ccc", padding: 8 }} data-testid="workbook-side">
        <div style={{ display: "flex", gap: 8, alignItems: "center", marginBottom: 8 }}>
          <strong data-testid="book-name">{loaded.name}</strong>
          <label>
            .xlsx <input type="file" accept=".xlsx,.xlsm" onChange={(e) => e.target.files?.[0] && void open(e.target.files[0])} />
          </label>
          <button onClick={() => void download()}>download</button>
        </div>
        {error && <p role="alert">{error}</p>}
        <Grid book={loaded.book} workbench={loaded.workbench} />
      </div>
      <div style={{ width: "var(--pane-width, 380px)", flex: "none", overflow: "auto" }} key={loaded.name} data-testid="pane">
        <App locale={locale} theme={theme} status="excel" workbench={loaded.workbench} />
      </div>
    </div>
  );
}

async function start(): Promise<void> {
  const container = document.getElementById("root")!;
  document.body.style.margin = "0";
  const params = new URLSearchParams(location.search);
  const theme: ThemeKind = params.get("theme") === "dark" ? "dark" : "light";
  const width = Number(params.get("pane"));
  if (width > 0) document.documentElement.style.setProperty("--pane-width", `${width}px`);
  const response = await fetch("demo/musashino-action-plan.xlsx");
  const initial = await load("musashino-action-plan.xlsx", new Uint8Array(await response.arrayBuffer()));
  createRoot(container).render(<Demo initial={initial} theme={theme} paneOnly={params.get("view") === "pane"} />);
  requestAnimationFrame(() => performance.mark("kpi:demo-ready"));
}

void fileLayer(); // start fetching the file layer's chunk while the sample downloads
void start();
