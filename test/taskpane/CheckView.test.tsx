/** @jest-environment jsdom */
/** The 検証 view: found counts, diagnostics by severity and sheet, cell selection, direction confirmation. */
import * as React from "react";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { Workbench } from "../../src/app/Workbench";
import { App } from "../../src/taskpane/components/App";
import { musashinoWorkbench } from "../helpers/musashinoWorkbench";

afterEach(cleanup);

test("lists what it found and the diagnostics; a click selects the cell; a guessed direction is confirmed and saved", async () => {
  const { book, excel, workbench } = musashinoWorkbench();
  await workbench.refresh();
  render(<App locale="ja" theme="light" status="excel" workbench={workbench as Workbench<unknown>} />);
  fireEvent.click(screen.getByRole("button", { name: "検証する" }));
  await waitFor(() => expect(screen.getByText("シート 47、事業 46、指標 64")).toBeTruthy());
  const warnings = screen.getByRole("region", { name: "警告" });
  const sheet5 = within(warnings).getByRole("list", { name: "事業5" });
  expect(sheet5.textContent).toContain("目標年度がありません");
  fireEvent.click(within(sheet5).getByRole("button", { name: /事業5!D\d+/ }));
  await waitFor(() => expect(excel.activity).toContain("select 事業5!D13"));
  const guessed = screen.getByRole("region", { name: "方向を推定した指標（確認してください）" });
  expect(guessed.textContent).toContain("オンライン対応手続数");
  fireEvent.click(within(guessed).getByRole("button", { name: "増加を目指す" }));
  await waitFor(() => expect(within(guessed).getByText(/保存しました/)).toBeTruthy());
  expect(book.settings.get("kpiSheets.settings")).toMatchObject({ directionOverrides: { "事業43|43|オンライン対応手続数": "up" } });
});
