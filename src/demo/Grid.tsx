/**
 * A plain grid view of the in-memory workbook: one sheet at a time, values and fills, redrawn on
 * every change. Click a cell and type into the bar above (Enter), or paste rows of tab-separated
 * values there: the workbook takes it as Excel takes typing, with one change event.
 */
import * as React from "react";
import { columnName } from "../core/cells/address";
import type { MemoryWorkbook } from "../adapters/memory/MemoryWorkbook";
import type { Workbench } from "../app/Workbench";

export function Grid({ book, workbench }: { book: MemoryWorkbook; workbench: Workbench<unknown> }): React.JSX.Element {
  React.useSyncExternalStore((l) => workbench.subscribe(l), () => workbench.version);
  const names = book.sheets.map((s) => s.name);
  const [selected, setSelected] = React.useState(names.find((n) => n.startsWith("事業12")) ?? names[0]);
  const [active, setActive] = React.useState<string | null>(null);
  const [entry, setEntry] = React.useState("");
  const [, redraw] = React.useReducer((n: number) => n + 1, 0);
  const sheet = book.sheet(selected) ?? book.sheets[0];
  const area = sheet?.usedArea(false);
  if (!sheet || !area) return <p>(empty)</p>;
  const rows = [];
  for (let r = 0; r <= area.bottom; r++) {
    const cells = [];
    for (let c = 0; c <= area.right; c++) {
      const cell = sheet.get(r, c);
      const value = cell?.formula ?? cell?.value ?? "";
      const shown = typeof value === "number" && cell?.numberFormat.includes("%") ? `${(value * 100).toFixed(1)}%` : String(value);
      const a1 = `${columnName(c)}${r + 1}`;
      cells.push(
        <td key={c} data-cell={a1} title={cell?.note ?? undefined} onClick={() => { setActive(a1); setEntry(cell?.formula ?? String(cell?.value ?? "")); }} style={{ outline: active === a1 ? "2px solid #217346" : undefined, border: "1px solid #ddd", padding: "2px 4px", background: cell?.fill ?? undefined, fontWeight: cell?.bold ? "bold" : undefined, maxWidth: 240, overflow: "hidden", whiteSpace: "nowrap", textOverflow: "ellipsis" }}>
          {shown}
        </td>,
      );
    }
    rows.push(
      <tr key={r}>
        <th style={{ color: "#888", fontWeight: "normal" }}>{r + 1}</th>
        {cells}
      </tr>,
    );
  }
  return (
    <div>
      <select aria-label="sheet" value={sheet.name} onChange={(e) => setSelected(e.target.value)}>
        {names.map((n) => (
          <option key={n}>{n}</option>
        ))}
      </select>
      <span style={{ marginLeft: 8 }}>{active ?? ""}</span>
      <textarea
        aria-label="cell entry"
        rows={1}
        value={entry}
        disabled={!active}
        style={{ marginLeft: 8, width: 280, verticalAlign: "middle" }}
        onChange={(e) => setEntry(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== "Enter" || e.shiftKey || !active) return;
          e.preventDefault();
          book.userEntry(sheet.name, active, entry.replace(/\r/g, "").replace(/\n$/, "").split("\n").map((line) => line.split("\t")));
          redraw();
        }}
      />
      <table data-testid="grid" data-sheet={sheet.name} style={{ borderCollapse: "collapse", fontSize: 12, marginTop: 8 }}>
        <tbody>{rows}</tbody>
      </table>
    </div>
  );
}
