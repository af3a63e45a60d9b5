/** @jest-environment jsdom */
/**
 * The 実績入力 view: a preview belongs to the exact input (any change drops it, a stale one cannot be
 * written), current → new for every row with wording per choice, 書き込む saying what it writes,
 * the typed list with Enter, and every view current after the write.
 */
import * as React from "react";
import iconv from "iconv-lite";
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { MemoryWorkbook } from "../../src/adapters/memory/MemoryWorkbook";
import { App } from "../../src/taskpane/components/App";
import { musashinoWorkbench } from "../helpers/musashinoWorkbench";

afterEach(cleanup);
// The views read and write the whole sample workbook: allow for a busy machine.
configure({ asyncUtilTimeout: 5000 });

async function setup() {
  const bench = musashinoWorkbench();
  await bench.workbench.refresh();
  render(<App locale="ja" theme="light" status="excel" initialTab="actuals" workbench={bench.workbench} />);
  await screen.findByRole("textbox", { name: /貼り付け/ });
  return bench;
}

function actualOf(book: MemoryWorkbook, sheet: string, name: string): unknown {
  for (const [key, c] of book.sheet(sheet)!.cells) if (c.value === name) return book.sheet(sheet)!.get(Number(key.split(",")[0]), 6)?.value ?? null;
  return undefined;
}

const paste = (value: string) => fireEvent.change(screen.getByRole("textbox", { name: /貼り付け/ }), { target: { value } });

test("current → new for every row, wording that follows each choice, and a write button that says what it writes", async () => {
  const { book } = await setup();
  paste("12\t寄附件数\t1,700 件\n11\tInstagram フォロワー数\t1,000 人\n\t存在しない指標\t5");
  fireEvent.click(screen.getByRole("button", { name: "貼り付けた値を確認" }));
  const preview = await screen.findByTestId("fill-preview");
  await waitFor(() => expect(document.activeElement).toBe(preview));
  expect(preview.textContent).toContain("新規 1・変更なし 0・競合 1・該当なし 1・あいまい 0");
  expect(preview.textContent).toContain("12 寄附件数");
  expect(preview.textContent).toContain("1,673 件 → 1,700 件");
  expect(preview.textContent).toContain("（空） → 1,000 人");
  expect(preview.textContent).toContain("一致する指標がないため書き込まない");
  expect(within(preview).getByText("現在の値を残す（上書きしない）")).toBeTruthy();
  expect(within(preview).getByRole("button", { name: "1 件を書き込む（新規 1・上書き 0）" })).toBeTruthy();
  fireEvent.click(within(within(preview).getByRole("radiogroup", { name: "寄附件数 の扱い" })).getByLabelText("上書き"));
  expect(within(preview).getByText("現在の値を上書きする")).toBeTruthy();
  expect(actualOf(book, "事業11", "Instagram フォロワー数")).toBeNull();
  fireEvent.click(within(preview).getByRole("button", { name: "2 件を書き込む（新規 1・上書き 1）" }));
  await waitFor(() => expect(screen.getByTestId("message").textContent).toContain("2 件の実績を書き込みました（R7実績、新規 1・上書き 1）。"));
  await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("message")));
  expect(screen.queryByTestId("fill-preview")).toBeNull();
  expect(actualOf(book, "事業11", "Instagram フォロワー数")).toBe("1,000 人");
  expect(actualOf(book, "事業12", "寄附件数")).toBe("1,700 件");
  // The view is current: 事業11's Instagram is no longer listed as missing.
  const typed = screen.getByRole("region", { name: "R7実績が未入力の指標に直接入力" });
  expect(within(typed).queryByRole("textbox", { name: "11 Instagram フォロワー数" })).toBeNull();
  expect(within(typed).getAllByRole("textbox")).toHaveLength(11);
});

test("a stale preview cannot be written: unreadable input after a preview drops it and says what is allowed", async () => {
  const { book } = await setup();
  const before = JSON.stringify(book.toSnapshot().sheets.map((s) => s.values));
  paste("29\t管路耐震化率\t52.1%");
  fireEvent.click(screen.getByRole("button", { name: "貼り付けた値を確認" }));
  await screen.findByTestId("fill-preview");
  paste("あいうえお");
  expect(screen.queryByTestId("fill-preview")).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "貼り付けた値を確認" }));
  expect(await screen.findByText("読み取れる行がありません。")).toBeTruthy();
  expect(screen.queryByRole("button", { name: /書き込む/ })).toBeNull();
  expect(JSON.stringify(book.toSnapshot().sheets.map((s) => s.values))).toBe(before);
});

test("typing into the list of missing actuals: Enter moves to the next, Enter in the last previews", async () => {
  await setup();
  const list = screen.getByRole("region", { name: "R7実績が未入力の指標に直接入力" });
  const boxes = within(list).getAllByRole("textbox");
  expect(boxes).toHaveLength(12);
  fireEvent.change(boxes[0], { target: { value: "5.5%" } });
  fireEvent.keyDown(boxes[0], { key: "Enter" });
  expect(document.activeElement).toBe(boxes[1]);
  fireEvent.keyDown(boxes[11], { key: "Enter" });
  const preview = await within(list).findByTestId("fill-preview");
  expect(preview.textContent).toContain("確認した入力: 直接入力した 1 件");
  expect(preview.textContent).toContain("新規 1");
  fireEvent.change(boxes[1], { target: { value: "3" } });
  expect(within(list).queryByTestId("fill-preview")).toBeNull();
});

test("inputs and previews are kept across tab switches", async () => {
  await setup();
  paste("12\t寄附件数\t1,700 件");
  fireEvent.click(screen.getByRole("button", { name: "貼り付けた値を確認" }));
  await screen.findByTestId("fill-preview");
  fireEvent.click(screen.getByRole("tab", { name: "評価" }));
  await screen.findByTestId("breakdown");
  fireEvent.click(screen.getByRole("tab", { name: "実績入力" }));
  expect((screen.getByRole("textbox", { name: /貼り付け/ }) as HTMLTextAreaElement).value).toBe("12\t寄附件数\t1,700 件");
  expect(screen.getByTestId("fill-preview")).toBeTruthy();
});

test("pasted CSV: a line wider than its header is shown and not written; a header of another year is refused with its reason", async () => {
  const { book } = await setup();
  paste("事業番号,指標,実績値\n11,Instagram フォロワー数,1,000\n");
  fireEvent.click(screen.getByRole("button", { name: "貼り付けた値を確認" }));
  await waitFor(() => expect(screen.getByText(/2行目: 列の数が見出しと違います（見出し 3 列、この行 4 列）/)).toBeTruthy());
  expect(actualOf(book, "事業11", "Instagram フォロワー数")).toBeNull();
  paste("指標\tR6実績\nInstagram フォロワー数\t1000");
  fireEvent.click(screen.getByRole("button", { name: "貼り付けた値を確認" }));
  await waitFor(() => expect(screen.getByText(/R6 の実績ですが、書き込む年度は R7 です/)).toBeTruthy());
  expect(screen.queryByTestId("fill-preview")).toBeNull();
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
  fireEvent.change(screen.getByLabelText("CSV ファイルを読み込んで確認"), { target: { files: [file] } });
  await waitFor(() => expect(screen.getByText(/文字コードを判別できません（試した文字コード: UTF-8、Shift_JIS）/)).toBeTruthy());
  expect(screen.queryByTestId("fill-preview")).toBeNull();
});

test("in English, each pasted line not read says why in English", async () => {
  const bench = musashinoWorkbench();
  await bench.workbench.refresh();
  render(<App locale="en" theme="light" status="excel" initialTab="actuals" workbench={bench.workbench} />);
  const box = await screen.findByRole("textbox", { name: /Paste/ });
  fireEvent.change(box, { target: { value: "事業番号,指標,実績値\n12,寄附件数,1,700\n11,Instagram フォロワー数,1000" } });
  fireEvent.click(screen.getByRole("button", { name: /Preview the pasted/ }));
  await waitFor(() => expect(screen.getByText(/1 lines skipped/).textContent).toContain("line 2: not as many columns as the header"));
});
