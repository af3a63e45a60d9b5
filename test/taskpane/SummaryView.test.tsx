/** @jest-environment jsdom */
/** The 集計 view: counts with monitoring apart, departments as cards, values by year, and the add-in's own summary sheet. */
import * as React from "react";
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { musashinoWorkbench } from "../helpers/musashinoWorkbench";

afterEach(cleanup);
// The views read and write the whole sample workbook: allow for a busy machine.
configure({ asyncUtilTimeout: 5000 });

async function setup() {
  const bench = musashinoWorkbench();
  await bench.workbench.refresh();
  render(<App locale="ja" theme="light" status="excel" initialTab="summary" workbench={bench.workbench} />);
  await screen.findByRole("figure", { name: "評価の分布" });
  return bench;
}

test("a chart of the counts, departments as cards, and the summary sheet written twice over", async () => {
  const { book } = await setup();
  const chart = screen.getByRole("figure", { name: "評価の分布" });
  expect(within(chart).getAllByRole("img").map((b) => b.getAttribute("aria-label"))).toEqual(["A: 10", "B: 12", "C: 1", "D: 1", "未入力: 3", "参照値なし: 2"]);
  const departments = screen.getByRole("region", { name: "担当課別" });
  const card = within(departments).getByRole("heading", { name: "産業振興課" }).parentElement!;
  expect(card.textContent).toMatch(/A \d|B \d/);
  expect(screen.getByRole("region", { name: "年度別の推移" }).textContent).toContain("実績の列が 1 年度分だけ");
  for (let i = 0; i < 2; i++) {
    fireEvent.click(screen.getByRole("button", { name: "集計シートを書き出す" }));
    await waitFor(() => expect(screen.getByTestId("message").textContent).toContain("シート「KPI集計」に書き出しました。"));
  }
  const sheet = book.sheet("KPI集計")!;
  expect(sheet.get(3, 3)?.value).toBe("指標");
  expect(sheet.get(1, 0)?.value).toBe("評価対象 29（A 10・B 12・C 1・D 1・未入力 3・参照値なし 2）／目標なし（モニタリング）35");
  expect([...sheet.cells.values()].filter((c) => c.value === "寄附件数")).toHaveLength(1);
  expect(book.sheets.filter((s) => s.name === "KPI集計")).toHaveLength(1);
});

test("several years' actuals: each indicator's values and grades by year with a small chart", async () => {
  const { workbench } = await setup();
  await act(async () => {
    workbench.chooseYear(2026);
    await workbench.previewFill("typed", [{ projectNo: "12", indicator: "寄附件数", actual: "2,100 件" }]);
    await workbench.writeFill(workbench.fillPreview!);
  });
  const years = await screen.findByRole("region", { name: "年度別の推移" });
  await waitFor(() => expect(within(years).getAllByRole("img").length).toBeGreaterThan(0));
  const chart = within(years).getByRole("img", { name: "R7: 1,673件（B）・R8: 2,100件（A）" });
  expect(chart.tagName.toLowerCase()).toBe("svg");
});

test("a user's own sheet of that name is never touched", async () => {
  const { book } = await setup();
  book.addSheet("KPI集計").at(0, 0).value = "私のメモ";
  fireEvent.click(screen.getByRole("button", { name: "集計シートを書き出す" }));
  await waitFor(() => expect(screen.getByTestId("message").textContent).toMatch(/アドインが作ったものではありません/));
  expect(book.sheet("KPI集計")!.get(0, 0)?.value).toBe("私のメモ");
});
