/** @jest-environment jsdom */
/** 表と列 in the 検証 view: a sheet no rule reads is made usable by pointing at its header and its columns. */
import * as React from "react";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { MemoryExcel } from "../../src/adapters/memory/memoryExcel";
import { MemoryWorkbook } from "../../src/adapters/memory/MemoryWorkbook";
import { OfficeWorkbookAdapter } from "../../src/adapters/office/OfficeWorkbookAdapter";
import { Workbench } from "../../src/app/Workbench";
import { App } from "../../src/taskpane/components/App";

afterEach(cleanup);

const rows = [
  ["施策の指標", "当初", "最終年度の数値", "令和7年度の結果"],
  ["市民活動団体数", "120団体", "150団体", "138団体"],
];

function setup() {
  const book = MemoryWorkbook.fromSnapshot({ sheets: [{ name: "独自様式", origin: { row: 0, col: 0 }, values: rows, numberFormats: rows.map((r) => r.map(() => "General")), merges: [] }] });
  const excel = new MemoryExcel(book);
  const workbench = new Workbench(new OfficeWorkbookAdapter(excel, excel.requirements), () => new Date(2026, 10, 25)) as Workbench<unknown>;
  return { book, workbench };
}

test("no table found: the selected row becomes the header, each column gets its role and year, saved in the workbook", async () => {
  const { book, workbench } = setup();
  await workbench.refresh();
  render(<App locale="ja" theme="light" status="excel" workbench={workbench} />);
  const panel = await screen.findByRole("region", { name: "表と列" });
  expect(panel.textContent).toContain("表が見つかりません");

  book.selection = { sheet: "独自様式", area: { top: 0, left: 0, bottom: 0, right: 3 } };
  fireEvent.click(within(panel).getByRole("button", { name: "選択した行を見出しにする" }));
  await waitFor(() => expect(within(screen.getByRole("region", { name: "表と列" })).getByText("手動で指定")).toBeTruthy());

  fireEvent.click(screen.getByRole("button", { name: /独自様式 の 1 行目/ }));
  const table = await screen.findByRole("group", { name: "独自様式 の 1 行目" });
  fireEvent.change(within(table).getByRole("combobox", { name: "B 列の役割" }), { target: { value: "baseline" } });
  await waitFor(() => expect(book.settings.get("kpiSheets.settings")).toMatchObject({ layout: { tables: [{ columns: expect.arrayContaining([{ column: "B", role: "baseline", year: null }]) }] } }));

  fireEvent.change(within(screen.getByRole("group", { name: "独自様式 の 1 行目" })).getByRole("combobox", { name: "C 列の役割" }), { target: { value: "target" } });
  await waitFor(() => expect(within(screen.getByRole("group", { name: "独自様式 の 1 行目" })).getByRole("textbox", { name: "C 列の年度" })).toBeTruthy());
  const year = within(screen.getByRole("group", { name: "独自様式 の 1 行目" })).getByRole("textbox", { name: "C 列の年度" });
  fireEvent.change(year, { target: { value: "R11" } });
  fireEvent.blur(year);
  await waitFor(() => expect(book.settings.get("kpiSheets.settings")).toMatchObject({ layout: { tables: [{ columns: expect.arrayContaining([{ column: "C", role: "target", year: 2029 }]) }] } }));

  fireEvent.click(within(screen.getByRole("region", { name: "表と列" })).getByRole("button", { name: "JSON で書き出す" }));
  const json = screen.getByRole("textbox", { name: /列の対応/ }) as HTMLTextAreaElement;
  expect(JSON.parse(json.value)).toMatchObject({ version: 1, tables: [{ sheet: "独自様式", headerTop: 1, headerBottom: 1, layout: "kpi-list" }] });
});

test("what cannot be done is said in the pane's language", async () => {
  const { book, workbench } = setup();
  await workbench.refresh();
  render(<App locale="en" theme="light" status="excel" workbench={workbench} />);
  const panel = await screen.findByRole("region", { name: "Tables and columns" });
  book.selection = { sheet: "独自様式", area: { top: 0, left: 0, bottom: 2, right: 3 } };
  fireEvent.click(within(panel).getByRole("button", { name: "Use the selected rows as a header" }));
  await waitFor(() => expect(within(screen.getByRole("region", { name: "Tables and columns" })).getByText("A header is one row or two (rows 1–3 are selected).")).toBeTruthy());
});
