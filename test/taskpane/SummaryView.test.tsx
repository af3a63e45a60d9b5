/** @jest-environment jsdom */
/** The 集計 view: chart of grades, table by 担当課, and the add-in's own summary sheet (rewritten, never a user's). */
import * as React from "react";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { Workbench } from "../../src/app/Workbench";
import { App } from "../../src/taskpane/components/App";
import { musashinoWorkbench } from "../helpers/musashinoWorkbench";

afterEach(cleanup);

async function setup() {
  const { book, workbench } = musashinoWorkbench();
  await workbench.refresh();
  render(<App locale="ja" theme="light" status="excel" initialTab="summary" workbench={workbench as Workbench<unknown>} />);
  return { book };
}

test("a chart of the grades, a table by department, and the summary sheet written twice over", async () => {
  const { book } = await setup();
  fireEvent.click(screen.getByRole("button", { name: "集計する" }));
  const chart = await screen.findByRole("figure", { name: "評価の分布" });
  const bars = within(chart).getAllByRole("img");
  expect(bars.map((b) => b.getAttribute("aria-label"))).toEqual(["A: 10", "B: 12", "C: 1", "D: 1"]);
  const table = screen.getByRole("table", { name: "担当課別" });
  expect(within(table).getByText("産業振興課")).toBeTruthy();
  for (let i = 0; i < 2; i++) {
    fireEvent.click(screen.getByRole("button", { name: "集計シートを書き出す" }));
    await waitFor(() => expect(screen.getByText("シート「KPI集計」に書き出しました")).toBeTruthy());
  }
  const sheet = book.sheet("KPI集計")!;
  expect(sheet.get(3, 3)?.value).toBe("指標");
  expect(sheet.get(1, 0)?.value).toBe("評価対象 29（A 10・B 12・C 1・D 1・未入力 3・参照値なし 2）／目標なし（モニタリング）35");
  expect([...sheet.cells.values()].filter((c) => c.value === "寄附件数")).toHaveLength(1);
  expect(book.sheets.filter((s) => s.name === "KPI集計")).toHaveLength(1);
});

test("a user's own sheet of that name is never touched", async () => {
  const { book } = await setup();
  book.addSheet("KPI集計").at(0, 0).value = "私のメモ";
  fireEvent.click(screen.getByRole("button", { name: "集計シートを書き出す" }));
  await waitFor(() => expect(screen.getByText(/アドインが作ったものではありません/)).toBeTruthy());
  expect(book.sheet("KPI集計")!.get(0, 0)?.value).toBe("私のメモ");
});
