/** @jest-environment jsdom */
/** The 評価 view on the in-memory Excel: settings, run, counts by grade, missing by 担当課, copy. */
import * as React from "react";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { Workbench } from "../../src/app/Workbench";
import { App } from "../../src/taskpane/components/App";
import { musashinoWorkbench } from "../helpers/musashinoWorkbench";
import { parseReferences } from "../../src/taskpane/components/EvaluateView";

afterEach(cleanup);

function setup() {
  return musashinoWorkbench();
}

test("evaluates the year, shows counts by grade and the missing actuals by department", async () => {
  const { book, workbench } = setup();
  await workbench.refresh();
  const writeText = jest.fn().mockResolvedValue(undefined);
  Object.assign(navigator, { clipboard: { writeText } });
  render(<App locale="ja" theme="light" status="excel" initialTab="evaluate" workbench={workbench as Workbench<unknown>} />);
  const year = screen.getByRole("combobox", { name: "年度" }) as HTMLSelectElement;
  expect(year.options[year.selectedIndex].text).toBe("R7");
  expect(screen.getByTestId("found").textContent).toBe("シート 47・事業 46・指標 64");
  fireEvent.change(screen.getByLabelText("参照値（例: 法定雇用率=2.5%、1行に1つ）"), { target: { value: "法定雇用率=2.5%" } });
  fireEvent.click(screen.getByRole("button", { name: "評価を実行" }));
  await waitFor(() => expect(screen.getByText(/評価を書き込みました/)).toBeTruthy());
  const grades = screen.getByRole("table", { name: "評価別の件数" });
  expect(grades.textContent).toMatch(/A\d+B\d+C\d+D\d+/);
  expect(screen.getByRole("list", { name: "実績未入力（担当課別）" }).textContent).toContain("企画調整課: 3");
  // The grade of 寄附件数 is in the workbook, and 法定雇用率 was used.
  expect(JSON.stringify(book.toSnapshot())).toContain("R7評価");
  expect(book.settings.get("kpiSheets.settings")).toMatchObject({ references: { 法定雇用率: 0.025 } });
  fireEvent.click(screen.getByRole("button", { name: "依頼文をコピー" }));
  await waitFor(() => expect(writeText).toHaveBeenCalledWith(expect.stringContaining("【企画調整課】R7実績の未入力 3件")));
});

test("a reference or threshold it cannot read is said, and nothing is written", async () => {
  const { book, workbench } = setup();
  await workbench.refresh();
  render(<App locale="en" theme="light" status="excel" initialTab="evaluate" workbench={workbench as Workbench<unknown>} />);
  fireEvent.change(screen.getByLabelText(/Reference values/), { target: { value: "法定雇用率=a lot" } });
  fireEvent.click(screen.getByRole("button", { name: "Evaluate" }));
  expect(await screen.findByText(/Cannot read the reference value: 法定雇用率=a lot/)).toBeTruthy();
  fireEvent.change(screen.getByLabelText(/Reference values/), { target: { value: "" } });
  fireEvent.change(screen.getByLabelText("C"), { target: { value: "90" } });
  fireEvent.click(screen.getByRole("button", { name: "Evaluate" }));
  expect(await screen.findByText(/Grade thresholds \(B, C, %\): 80 \/ 90/)).toBeTruthy();
  expect(JSON.stringify(book.toSnapshot())).not.toContain("R7評価");
  expect(parseReferences("法定雇用率=2.5%\n各年標準財政規模=120億円")).toEqual({ references: { 法定雇用率: 0.025, 各年標準財政規模: 12_000_000_000 } });
  expect(parseReferences("法定雇用率=たくさん").error).toBe("法定雇用率=たくさん");
});

test("元に戻す puts back what the evaluation wrote", async () => {
  const { book, workbench } = setup();
  await workbench.refresh();
  const before = JSON.stringify(book.toSnapshot());
  render(<App locale="ja" theme="light" status="excel" initialTab="evaluate" workbench={workbench as Workbench<unknown>} />);
  const undo = screen.getByRole("button", { name: "元に戻す" }) as HTMLButtonElement;
  expect(undo.disabled).toBe(true);
  fireEvent.click(screen.getByRole("button", { name: "評価を実行" }));
  await waitFor(() => expect(screen.getByText(/評価を書き込みました/)).toBeTruthy());
  expect((screen.getByRole("button", { name: "元に戻す" }) as HTMLButtonElement).disabled).toBe(false);
  fireEvent.click(screen.getByRole("button", { name: "元に戻す" }));
  await waitFor(() => expect(screen.getByText(/元に戻しました/)).toBeTruthy());
  const values = (s: string) => JSON.parse(s).sheets.map((x: { values: unknown[][] }) => x.values.flat().filter((v) => v !== null));
  expect(values(JSON.stringify(book.toSnapshot()))).toEqual(values(before));
});

test("own thresholds make a custom preset saved in the workbook; the year comes from the header", async () => {
  const { book, workbench } = setup();
  await workbench.refresh();
  render(<App locale="ja" theme="light" status="excel" initialTab="evaluate" workbench={workbench as Workbench<unknown>} />);
  fireEvent.change(screen.getByLabelText("B"), { target: { value: "90" } });
  fireEvent.click(screen.getByRole("button", { name: "評価を実行" }));
  await waitFor(() => expect(screen.getByText(/評価を書き込みました/)).toBeTruthy());
  expect(book.settings.get("kpiSheets.settings")).toMatchObject({ presetId: "standard-custom", customPreset: { bands: [{ min: 0.9, label: "B" }, { min: 0.6, label: "C" }] } });
  // 寄附件数 at 83.7 %: B with the standard bands, C with B from 90 %.
  expect(workbench.lastEvaluation!.outcomes.find((o) => o.indicator.name === "寄附件数")!.result.grade).toBe("C");
  fireEvent.change(screen.getByRole("combobox", { name: "年度" }), { target: { value: "2024" } });
  expect(workbench.year).toBe(2024);
});

test("自動再評価: the switch turns live re-evaluation on and off", async () => {
  const { book, excel, workbench } = setup();
  await workbench.evaluate();
  render(<App locale="ja" theme="light" status="excel" initialTab="evaluate" workbench={workbench as Workbench<unknown>} />);
  const toggle = screen.getByRole("switch", { name: "自動再評価" }) as HTMLInputElement;
  expect(toggle.checked).toBe(false);
  fireEvent.click(toggle);
  await waitFor(() => expect((screen.getByRole("switch", { name: "自動再評価" }) as HTMLInputElement).checked).toBe(true));
  book.userEntry("事業12", "G13", [["2,100 件"]]);
  await excel.whenIdle();
  await workbench.live!.settled();
  expect(book.sheet("事業12")!.get(12, 8)?.value).toBe("A");
  fireEvent.click(screen.getByRole("switch", { name: "自動再評価" }));
  await waitFor(() => expect(workbench.live).toBeNull());
});

test("a protected sheet is named, the others are written", async () => {
  const { book, workbench } = setup();
  book.sheet("事業12")!.protected = true;
  await workbench.refresh();
  render(<App locale="ja" theme="light" status="excel" initialTab="evaluate" workbench={workbench as Workbench<unknown>} />);
  fireEvent.click(screen.getByRole("button", { name: "評価を実行" }));
  await waitFor(() => expect(screen.getByText("保護されたシートには書き込みませんでした: 「事業12」（保護を解除してから、もう一度実行してください）")).toBeTruthy());
  expect(JSON.stringify([...book.sheet("事業12")!.cells.values()])).not.toContain("R7評価");
  expect(JSON.stringify([...book.sheet("事業11")!.cells.values()])).toContain("R7評価");
});
