/** @jest-environment jsdom */
/** The 評価 view on the in-memory Excel: labelled settings, errors that say what is allowed, counts, reasons behind each grade. */
import * as React from "react";
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { musashinoWorkbench } from "../helpers/musashinoWorkbench";
import { parseReferences } from "../../src/taskpane/components/EvaluateView";

afterEach(cleanup);
// The views read and write the whole sample workbook: allow for a busy machine.
configure({ asyncUtilTimeout: 5000 });

async function setup(locale: "ja" | "en" = "ja") {
  const bench = musashinoWorkbench();
  await bench.workbench.refresh();
  render(<App locale={locale} theme="light" status="excel" initialTab="evaluate" workbench={bench.workbench} />);
  await screen.findByTestId("breakdown");
  return bench;
}

test("writes the year, says which columns, shows the counts with monitoring apart and the missing actuals by department", async () => {
  const { book } = await setup();
  const writeText = jest.fn().mockResolvedValue(undefined);
  Object.assign(navigator, { clipboard: { writeText } });
  const year = screen.getByRole("combobox", { name: "年度" }) as HTMLSelectElement;
  expect(year.options[year.selectedIndex].text).toBe("R7");
  expect(screen.getByTestId("found").textContent).toBe("シート 47・事業 46・指標 64");
  expect(screen.getByTestId("breakdown").textContent).toBe("評価対象 29（A 10・B 12・C 1・D 1・未入力 3・参照値なし 2）／目標なし（モニタリング）35");
  fireEvent.change(screen.getByRole("textbox", { name: /参照値/ }), { target: { value: "法定雇用率=2.5%" } });
  fireEvent.click(screen.getByRole("button", { name: "R7の評価を書き込む" }));
  await waitFor(() => expect(screen.getByTestId("message").textContent).toContain("R7の達成率と評価を 64 指標に書き込みました（列: R7達成率・R7評価）"));
  expect(screen.getByTestId("breakdown").textContent).toContain("参照値なし 1");
  expect(screen.getByRole("list", { name: "実績未入力（担当課別）" }).textContent).toContain("企画調整課: 3");
  expect(JSON.stringify(book.toSnapshot())).toContain("R7評価");
  expect(book.settings.get("kpiSheets.settings")).toMatchObject({ references: { 法定雇用率: 0.025 } });
  fireEvent.click(screen.getByRole("button", { name: "依頼文をコピー" }));
  await waitFor(() => expect(writeText).toHaveBeenCalledWith(expect.stringContaining("【企画調整課】R7実績の未入力 3件")));
});

test("every grade and 「−」 opens to its reason, formula and numbers", async () => {
  await setup();
  const details = screen.getByTestId("outcome-details");
  const groups = [...details.querySelectorAll(":scope > details > summary")].map((s) => s.textContent);
  expect(groups).toEqual(["A（10）", "B（12）", "C（1）", "D（1）", "未入力（3）", "参照値なし（2）", "目標なし（モニタリング）（35）"]);
  const b = within(details).getByText("B（12）").closest("details")!;
  const kifu = within(b).getByText(/寄附件数/).closest("details")!;
  expect(kifu.textContent).toContain("達成率 = 実績 1,673件 ÷ 目標 2,000件 = 83.7% → B");
  expect(kifu.textContent).toContain("83.7%");
  const monitoring = within(details).getByText("目標なし（モニタリング）（35）").closest("details")!;
  expect(monitoring.textContent).toContain("計画等策定時におけるパブコメの意見数（↘ 減少）");
  expect(monitoring.textContent).toContain("基準 2,267件 → R7実績 2,199件");
});

test("each input has a label; an error says what is allowed, and nothing is written", async () => {
  const { book } = await setup("en");
  fireEvent.change(screen.getByRole("textbox", { name: /Reference values/ }), { target: { value: "法定雇用率=a lot" } });
  fireEvent.change(screen.getByRole("textbox", { name: /First year of the plan/ }), { target: { value: "next year" } });
  fireEvent.change(screen.getByRole("spinbutton", { name: "Lowest C (%)" }), { target: { value: "90" } });
  fireEvent.click(screen.getByRole("button", { name: "Write the R7 grades" }));
  expect(await screen.findByText("\"法定雇用率=a lot\" cannot be read. Write one name=value a line (e.g. 法定雇用率=2.5%).")).toBeTruthy();
  expect(screen.getByText("\"next year\" is not a fiscal year. Write R7, 令和7年度 or 2025.")).toBeTruthy();
  expect(screen.getByText("Use numbers from 0 to 100, the lowest B above the lowest C (now B 80, C 90).")).toBeTruthy();
  expect(screen.getByRole("spinbutton", { name: "Lowest B (%)" })).toBeTruthy();
  expect(JSON.stringify(book.toSnapshot())).not.toContain("R7評価");
  expect(parseReferences("法定雇用率=2.5%\n各年標準財政規模=120億円")).toEqual({ references: { 法定雇用率: 0.025, 各年標準財政規模: 12_000_000_000 } });
  expect(parseReferences("法定雇用率=たくさん").error).toBe("法定雇用率=たくさん");
});

test("元に戻す names the evaluation and puts back what it wrote", async () => {
  const { book } = await setup();
  const before = JSON.stringify(book.toSnapshot().sheets.map((s) => s.values));
  expect((screen.getByRole("button", { name: "元に戻す" }) as HTMLButtonElement).disabled).toBe(true);
  fireEvent.click(screen.getByRole("button", { name: "R7の評価を書き込む" }));
  const undo = await screen.findByRole("button", { name: "評価（R7）を元に戻す" });
  fireEvent.click(undo);
  await waitFor(() => expect(screen.getByTestId("message").textContent).toContain("評価（R7）を元に戻しました。"));
  expect(document.activeElement).toBe(screen.getByTestId("message"));
  expect(JSON.stringify(book.toSnapshot().sheets.map((s) => s.values))).toBe(before);
});

test("own thresholds make a custom preset saved in the workbook; a year change re-evaluates", async () => {
  const { book, workbench } = await setup();
  fireEvent.change(screen.getByRole("spinbutton", { name: "B の下限（%）" }), { target: { value: "90" } });
  fireEvent.click(screen.getByRole("button", { name: "R7の評価を書き込む" }));
  await waitFor(() => expect(screen.getByTestId("message").textContent).toContain("書き込みました"));
  expect(book.settings.get("kpiSheets.settings")).toMatchObject({ presetId: "standard-custom", customPreset: { bands: [{ min: 0.9, label: "B" }, { min: 0.6, label: "C" }] } });
  // 寄附件数 at 83.7 %: B with the standard bands, C with B from 90 %.
  expect(workbench.evaluation!.outcomes.find((o) => o.indicator.name === "寄附件数")!.result.grade).toBe("C");
  fireEvent.change(screen.getByRole("combobox", { name: "年度" }), { target: { value: "2026" } });
  expect(workbench.year).toBe(2026);
  expect(screen.getByRole("heading", { name: "R8の評価" })).toBeTruthy();
  expect(screen.getByTestId("breakdown").textContent).toContain("未入力 27");
});

test("自動再評価: the switch turns live re-evaluation on and off", async () => {
  const { book, excel, workbench } = musashinoWorkbench();
  await workbench.evaluate();
  render(<App locale="ja" theme="light" status="excel" initialTab="evaluate" workbench={workbench} />);
  const toggle = screen.getByRole("switch", { name: "自動再評価" }) as HTMLInputElement;
  expect(toggle.checked).toBe(false);
  fireEvent.click(toggle);
  await waitFor(() => expect((screen.getByRole("switch", { name: "自動再評価" }) as HTMLInputElement).checked).toBe(true));
  await act(async () => {
    book.userEntry("事業12", "G13", [["2,100 件"]]);
    await excel.whenIdle();
    await workbench.live!.settled();
  });
  expect(book.sheet("事業12")!.get(12, 8)?.value).toBe("A");
  fireEvent.click(screen.getByRole("switch", { name: "自動再評価" }));
  await waitFor(() => expect(workbench.live).toBeNull());
});

test("a protected sheet is named in the result, the others are written", async () => {
  const { book, workbench } = musashinoWorkbench();
  book.sheet("事業12")!.protected = true;
  await workbench.refresh();
  render(<App locale="ja" theme="light" status="excel" initialTab="evaluate" workbench={workbench} />);
  fireEvent.click(await screen.findByRole("button", { name: "R7の評価を書き込む" }));
  await waitFor(() => expect(screen.getByTestId("message").textContent).toContain("保護されたシートには書き込みませんでした: 「事業12」（保護を解除してから、もう一度実行してください）"));
  expect(JSON.stringify([...book.sheet("事業12")!.cells.values()])).not.toContain("R7評価");
  expect(JSON.stringify([...book.sheet("事業11")!.cells.values()])).toContain("R7評価");
});
