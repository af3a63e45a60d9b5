/** @jest-environment jsdom */
/** The 実績入力 view: paste, preview counts, one conflict kept or overwritten, one write; typing into the missing list. */
import * as React from "react";
import iconv from "iconv-lite";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { MemoryWorkbook } from "../../src/adapters/memory/MemoryWorkbook";
import { Workbench } from "../../src/app/Workbench";
import { App } from "../../src/taskpane/components/App";
import { musashinoWorkbench } from "../helpers/musashinoWorkbench";

afterEach(cleanup);

async function setup() {
  const { book, workbench } = musashinoWorkbench();
  await workbench.refresh();
  render(<App locale="ja" theme="light" status="excel" initialTab="actuals" workbench={workbench as Workbench<unknown>} />);
  return { book };
}

function actualOf(book: MemoryWorkbook, sheet: string, name: string): unknown {
  for (const [key, c] of book.sheet(sheet)!.cells) if (c.value === name) return book.sheet(sheet)!.get(Number(key.split(",")[0]), 6)?.value ?? null;
  return undefined;
}

test("a pasted block: preview counts, the conflict overwritten on request, then one write", async () => {
  const { book } = await setup();
  fireEvent.change(screen.getByRole("textbox", { name: /貼り付け/ }), { target: { value: "12\t寄附件数\t1,700 件\n11\tInstagram フォロワー数\t1,000 人\n\t存在しない指標\t5" } });
  fireEvent.click(screen.getAllByRole("button", { name: "確認する" })[0]);
  const preview = await screen.findByRole("region", { name: "確認する" });
  expect(preview.textContent).toContain("新規 1、変更なし 0、競合 1、該当なし 1、あいまい 0");
  expect(actualOf(book, "事業11", "Instagram フォロワー数")).toBeNull();
  fireEvent.click(within(within(preview).getByRole("radiogroup", { name: "寄附件数" })).getByLabelText("上書き"));
  fireEvent.click(within(preview).getByRole("button", { name: "書き込む" }));
  await waitFor(() => expect(screen.getByText("2 件の実績を書き込みました")).toBeTruthy());
  expect(actualOf(book, "事業11", "Instagram フォロワー数")).toBe("1,000 人");
  expect(actualOf(book, "事業12", "寄附件数")).toBe("1,700 件");
});

test("typing into the list of missing actuals: Enter moves to the next, then a preview", async () => {
  await setup();
  const list = await screen.findByRole("region", { name: "R7実績が未入力の指標" });
  const boxes = within(list).getAllByRole("textbox");
  expect(boxes.length).toBeGreaterThanOrEqual(10);
  fireEvent.change(boxes[0], { target: { value: "5.5%" } });
  fireEvent.keyDown(boxes[0], { key: "Enter" });
  expect(document.activeElement).toBe(boxes[1]);
  fireEvent.click(within(list).getByRole("button", { name: "確認する" }));
  const preview = await screen.findByRole("region", { name: "確認する" });
  expect(preview.textContent).toContain("新規 1");
});

test("pasted CSV: a line wider than its header is shown and not written; a header of another year is refused with its reason", async () => {
  const { book } = await setup();
  const box = screen.getByRole("textbox", { name: /貼り付け/ });
  fireEvent.change(box, { target: { value: "事業番号,指標,実績値\n11,Instagram フォロワー数,1,000\n" } });
  fireEvent.click(screen.getAllByRole("button", { name: "確認する" })[0]);
  await waitFor(() => expect(screen.getByText(/2行目: 列の数が見出しと違います（見出し 3 列、この行 4 列）/)).toBeTruthy());
  expect(actualOf(book, "事業11", "Instagram フォロワー数")).toBeNull();
  fireEvent.change(box, { target: { value: "指標\tR6実績\nInstagram フォロワー数\t1000" } });
  fireEvent.click(screen.getAllByRole("button", { name: "確認する" })[0]);
  await waitFor(() => expect(screen.getByText(/R6 の実績ですが、書き込む年度は R7 です/)).toBeTruthy());
  expect(screen.queryByRole("region", { name: "確認する" })).toBeNull();
});

test("an EUC-JP file is refused with the encodings tried, nothing previewed", async () => {
  // jsdom's File lacks arrayBuffer() (every browser the pane runs in has it): read it through FileReader.
  Blob.prototype.arrayBuffer ??= function (this: Blob) {
    return new Promise<ArrayBuffer>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.readAsArrayBuffer(this);
    });
  };
  await setup();
  const bytes = iconv.encode("指標,実績値\nInstagram フォロワー数,1000\n", "euc-jp");
  const file = new File([new Uint8Array(bytes)], "r7.csv", { type: "text/csv" });
  fireEvent.change(screen.getByLabelText("CSV を読み込む"), { target: { files: [file] } });
  await waitFor(() => expect(screen.getByText(/文字コードを判別できません（試した文字コード: UTF-8、Shift_JIS）/)).toBeTruthy());
});
