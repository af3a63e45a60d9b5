/** @jest-environment jsdom */
/** The 検証 view: diagnostics grouped by sheet (each location once), notes collapsed, cell selection, direction confirmation. */
import * as React from "react";
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { musashinoWorkbench } from "../helpers/musashinoWorkbench";

afterEach(cleanup);
// The views read and write the whole sample workbook: allow for a busy machine.
configure({ asyncUtilTimeout: 5000 });

test("diagnostics by sheet, each location once; notes collapsed; a click selects the cell; a guessed direction is confirmed", async () => {
  const { book, excel, workbench } = musashinoWorkbench();
  await workbench.refresh();
  render(<App locale="ja" theme="light" status="excel" workbench={workbench} />);
  const diagnostics = screen.getByRole("region", { name: "診断" });
  expect(diagnostics.textContent).toContain("エラー 0 件・警告 5 件・情報 17 件");
  const sheet5 = within(diagnostics).getByRole("heading", { name: "事業5", level: 4 }).parentElement!;
  expect(sheet5.textContent).toContain("目標年度がありません");
  expect(sheet5.textContent).not.toContain("シート「事業5」"); // the location is the heading and the link, once
  // 情報 are collapsed until asked for.
  expect(diagnostics.textContent).not.toContain("文字列として入力");
  const toggle = within(diagnostics).getByRole("button", { name: "情報 17 件を表示" });
  expect(toggle.getAttribute("aria-expanded")).toBe("false");
  fireEvent.click(toggle);
  expect(toggle.getAttribute("aria-expanded")).toBe("true");
  expect(diagnostics.textContent).toContain("推定しました");
  fireEvent.click(within(sheet5).getByRole("button", { name: "事業5 の D13 を選択" }));
  await waitFor(() => expect(excel.activity).toContain("select 事業5!D13"));
  const guessed = screen.getByRole("region", { name: "方向を推定した指標（確認してください）" });
  expect(guessed.textContent).toContain("オンライン対応手続数");
  fireEvent.click(within(guessed).getByRole("button", { name: "増加を目指す" }));
  await waitFor(() => expect(within(guessed).getByText(/保存しました/)).toBeTruthy());
  expect(book.settings.get("kpiSheets.settings")).toMatchObject({ directionOverrides: { "事業43|43|オンライン対応手続数": "up" } });
});

test("in English, diagnostics are English too; the names and values they quote stay as written", async () => {
  const { workbench } = musashinoWorkbench();
  await workbench.refresh();
  render(<App locale="en" theme="light" status="excel" workbench={workbench} />);
  const diagnostics = screen.getByRole("region", { name: "Diagnostics" });
  fireEvent.click(within(diagnostics).getByRole("button", { name: "Show 17 notes" }));
  expect(diagnostics.textContent).toContain("The target of “モニタリングによる評価 C 以下の施設数” has no fiscal year");
  expect(diagnostics.textContent).toContain("No value for 法定雇用率: set it under Reference values on the Evaluate tab.");
  // Apart from quoted names and values and the sheet names, no Japanese is left.
  const words = (diagnostics.textContent ?? "").replace(/“[^”]*”/g, "").replace(/事業\d+/g, "").replace(/法定雇用率|各年標準財政規模/g, "");
  expect(words).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
});
