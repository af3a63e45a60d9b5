/** @jest-environment jsdom */
/**
 * The task pane shell, rendered without Office: Japanese and English strings, the feature tabs
 * with their "not yet" notes, and the messages shown outside Excel.
 */
import * as React from "react";
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { App, TABS } from "../../src/taskpane/components/App";
import { en, ja } from "../../src/taskpane/i18n";

afterEach(cleanup);

function tabLabels(): string[] {
  return screen.getAllByRole("tab").map((tab) => (tab.textContent ?? "").trim());
}

describe("App in Excel", () => {
  it("shows the Japanese header, the four feature tabs and a neutral 準備中 note", () => {
    render(<App locale="ja" theme="light" status="excel" />);
    expect(screen.getByRole("heading", { level: 1, name: "KPI評価シート" })).toBeTruthy();
    expect(screen.getByText("KPIシートの確認・実績入力・評価")).toBeTruthy();
    expect(tabLabels()).toEqual(["検証", "実績入力", "評価", "集計"]);
    expect(screen.getByRole("tab", { name: "検証" }).getAttribute("aria-selected")).toBe("true");
    const panel = screen.getByRole("tabpanel");
    expect(panel.textContent).toContain(ja.checkIntro);
    expect(panel.textContent).toContain("準備中");
    expect(panel.textContent).toContain("この機能は準備中で、まだ使えません。");
    expect(screen.queryByText(ja.outsideOfficeTitle)).toBeNull();
  });

  it("shows the English strings", () => {
    render(<App locale="en" theme="light" status="excel" />);
    expect(screen.getByRole("heading", { level: 1, name: "KPI Sheets" })).toBeTruthy();
    expect(tabLabels()).toEqual(["Check", "Actuals", "Evaluate", "Summary"]);
    expect(screen.getByRole("tabpanel").textContent).toContain("This feature is not available yet.");
    expect(document.body.textContent).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/); // no Japanese left over
  });

  it("switches the panel when a tab is selected", () => {
    render(<App locale="ja" theme="light" status="excel" />);
    act(() => {
      fireEvent.click(screen.getByRole("tab", { name: "評価" }));
    });
    expect(screen.getByRole("tab", { name: "評価" }).getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("tabpanel").textContent).toContain(ja.evaluateIntro);
    expect(screen.getByRole("tabpanel").getAttribute("aria-labelledby")).toBe("tab-evaluate");
  });

  it("moves between tabs with the arrow keys, Home and End; only the selected tab is in the Tab order", () => {
    render(<App locale="ja" theme="light" status="excel" />);
    const tabs = screen.getAllByRole("tab");
    expect(tabs.map((x) => x.tabIndex)).toEqual([0, -1, -1, -1]);
    act(() => {
      fireEvent.keyDown(tabs[0], { key: "ArrowLeft" });
    });
    expect(document.activeElement).toBe(tabs[3]);
    expect(tabs[3].getAttribute("aria-selected")).toBe("true");
    act(() => {
      fireEvent.keyDown(tabs[3], { key: "Home" });
    });
    expect(document.activeElement).toBe(tabs[0]);
    expect(tabs.map((x) => x.tabIndex)).toEqual([0, -1, -1, -1]);
    // The panel left is hidden (display none, so nothing in it can take the focus).
    expect(document.getElementById("panel-summary")!.hidden).toBe(true);
    expect(document.getElementById("panel-summary")!.className).toBe("");
    // Every tab names the panel it controls, which exists even before its first visit.
    for (const tab of tabs) expect(document.getElementById(tab.getAttribute("aria-controls")!)?.getAttribute("role")).toBe("tabpanel");
  });

  it("opens on the requested tab", () => {
    render(<App locale="en" theme="light" status="excel" initialTab="summary" />);
    expect(screen.getByRole("tabpanel").textContent).toContain(en.summaryIntro);
    expect(TABS.map((t) => t.id)).toEqual(["check", "actuals", "evaluate", "summary"]);
  });

  it("follows the theme it is given", () => {
    const { container } = render(<App locale="ja" theme="dark" status="excel" />);
    const provider = container.querySelector(".fui-FluentProvider");
    expect(provider?.getAttribute("data-theme")).toBe("dark");
    expect(provider?.getAttribute("lang")).toBe("ja");
  });
});

describe("App outside Excel", () => {
  it("says plainly in Japanese that it is outside Office, with no feature tabs", () => {
    render(<App locale="ja" theme="light" status="outside" />);
    expect(screen.getByText("Excel の外で開かれています")).toBeTruthy();
    expect(document.body.textContent).toContain("Excel（デスクトップ版または Web 版）にアドインを読み込み");
    expect(screen.queryAllByRole("tab")).toEqual([]);
  });

  it("says it in English", () => {
    render(<App locale="en" theme="light" status="outside" />);
    expect(screen.getByText("Opened outside Excel")).toBeTruthy();
    expect(document.body.textContent).toContain("Load the add-in into Excel (desktop or on the web)");
    expect(screen.queryAllByRole("tab")).toEqual([]);
  });

  it("says when another Office application opened it", () => {
    render(<App locale="ja" theme="light" status="other-host" />);
    expect(screen.getByText(ja.otherHostTitle)).toBeTruthy();
    expect(screen.queryAllByRole("tab")).toEqual([]);
  });

  it("shows a connecting note while Office starts", () => {
    render(<App locale="en" theme="light" status="loading" />);
    expect(screen.getByText("Connecting to Excel…")).toBeTruthy();
    expect(screen.queryAllByRole("tab")).toEqual([]);
  });
});
