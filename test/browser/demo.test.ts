/**
 * The browser demo in Debian's headless chromium (playwright-core): the real task pane on the
 * in-memory Excel with the 武蔵野市 sample. At 320 and 450 px: a stale preview cannot write, the
 * preview is in view after 確認, every view is current after write, undo, year change and tab
 * switches; axe-core finds no violation in any view and state, light and dark, Japanese and
 * English; a keyboard-only walkthrough; 自動再評価 while typing into the grid; the "too old" message
 * with IE11 and EdgeHTML user agents; the built bundles parsed at the syntax level of Office 2021's
 * Mac webview; first-paint figures in test-output/browser-timings.json; screenshots of every view at
 * both widths in test-output/screenshots. One webpack build for all (test/helpers/browser).
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "acorn";
import type { Locator, Page } from "playwright-core";
import { axeViolations, DIST, recordTimings, screenshotPath, startRig, type BrowserRig } from "../helpers/browser";

jest.setTimeout(240_000);

let rig: BrowserRig;
beforeAll(async () => {
  rig = await startRig();
}, 300_000);
afterAll(() => rig?.close());

interface Opened {
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

/** A fresh (cold) page of the demo: the pane alone at this width, or the full demo. */
async function open(width: number, query = "view=pane&lang=ja", height = 720): Promise<Opened> {
  const context = await rig.browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(`${rig.base}/demo.html?${query}`);
  await page.getByTestId("found").first().waitFor();
  return { page, errors, close: () => context.close() };
}

async function expectAccessible(page: Page, state: string): Promise<void> {
  expect({ state, violations: await axeViolations(page, rig.base) }).toEqual({ state, violations: [] });
}

/** The element's top is in the window and not under the sticky header; the pane does not scroll sideways. */
async function expectInView(page: Page, locator: Locator): Promise<void> {
  const box = (await locator.boundingBox())!;
  const header = (await page.locator("header").boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.y).toBeGreaterThanOrEqual(header.y + header.height - 1);
  expect(box.y).toBeLessThan(viewport.height - 40);
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

const paste = (page: Page, text: string) => page.getByRole("textbox", { name: /貼り付け/ }).fill(text);

describe.each([320, 450])("the pane at %i px", (width) => {
  test("fill is safe, every view is current, each view and state is accessible; screenshots", async () => {
    const { page, errors, close } = await open(width);
    const shot = (name: string) => page.screenshot({ path: screenshotPath(`${width}-${name}`), fullPage: true });

    // 検証: grouped by sheet, notes collapsed.
    await page.getByRole("region", { name: "診断" }).waitFor();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page, "check");
    await page.getByRole("button", { name: /情報 \d+ 件を表示/ }).click();
    await expectAccessible(page, "check, notes open");
    await shot("1-check");

    // 実績入力: the stale-preview case from the issue cannot write.
    await page.getByRole("tab", { name: "実績入力" }).click();
    await paste(page, "29\t管路耐震化率\t52.1%");
    await page.getByRole("button", { name: "貼り付けた値を確認" }).click();
    const preview = page.getByTestId("fill-preview");
    await preview.waitFor();
    await expectInView(page, preview);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("fill-preview");
    await expectAccessible(page, "fill preview");
    await shot("2-fill-preview");
    await paste(page, "あいうえお");
    await page.getByRole("button", { name: "貼り付けた値を確認" }).click();
    await page.getByText("読み取れる行がありません。").waitFor();
    expect(await page.getByRole("button", { name: /件を書き込む/ }).count()).toBe(0);
    await expectAccessible(page, "fill, unreadable input");
    const missingBefore = await page.getByRole("region", { name: "R7実績が未入力の指標に直接入力" }).getByRole("textbox").count();
    expect(missingBefore).toBe(12);

    // A conflict overwritten, one new value; the write says what it writes.
    await paste(page, "29\t管路耐震化率\t52.1%\n12\t寄附件数\t1,700 件");
    await page.getByRole("button", { name: "貼り付けた値を確認" }).click();
    await preview.getByRole("radiogroup", { name: "寄附件数 の扱い" }).getByText("上書き").click();
    await preview.getByText("現在の値を上書きする").waitFor();
    await preview.getByRole("button", { name: "2 件を書き込む（新規 1・上書き 1）" }).click();
    const message = page.getByTestId("message");
    await message.getByText("2 件の実績を書き込みました（R7実績、新規 1・上書き 1）。").waitFor();
    await expectInView(page, message);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("message");
    expect(await page.getByRole("region", { name: "R7実績が未入力の指標に直接入力" }).getByRole("textbox").count()).toBe(11);
    await expectAccessible(page, "fill written");
    await shot("3-fill-written");

    // Tab switches keep the input; 評価 shows the workbook as it now is.
    await page.getByRole("tab", { name: "評価" }).click();
    await page.getByText("11 件（評価対象 3・モニタリング 8）").waitFor();
    await page.getByText("B（12）").click();
    await expectAccessible(page, "evaluate, a grade opened");
    await shot("4-evaluate");
    await page.getByRole("tab", { name: "実績入力" }).click();
    expect(await page.getByRole("textbox", { name: /貼り付け/ }).inputValue()).toContain("管路耐震化率");

    // 元に戻す names the operation; after it the views are current again.
    await page.getByRole("button", { name: "実績入力 2件を元に戻す" }).click();
    await message.getByText("実績入力 2件を元に戻しました。").waitFor();
    expect(await page.getByRole("region", { name: "R7実績が未入力の指標に直接入力" }).getByRole("textbox").count()).toBe(12);
    expect(await page.getByRole("button", { name: "元に戻す" }).isDisabled()).toBe(true);

    // Year change: every view follows.
    await page.getByRole("combobox", { name: "年度" }).selectOption({ label: "R8" });
    await page.getByRole("heading", { name: "R8実績が未入力の指標に直接入力" }).waitFor();
    await page.getByRole("tab", { name: "評価" }).click();
    await page.getByRole("heading", { name: "R8の評価" }).waitFor();
    await page.getByRole("combobox", { name: "年度" }).selectOption({ label: "R7" });

    // 評価 written, then 集計.
    await page.getByRole("button", { name: "R7の評価を書き込む" }).click();
    await message.getByText(/R7の達成率と評価を 64 指標に書き込みました/).waitFor();
    await expectAccessible(page, "evaluate written");
    await page.getByRole("tab", { name: "集計" }).click();
    await page.getByRole("figure", { name: "評価の分布" }).waitFor();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page, "summary");
    await shot("5-summary");
    expect(errors).toEqual([]);
    await close();
  });
});

describe.each([
  ["ja", "dark"],
  ["en", "light"],
  ["en", "dark"],
])("every view in %s, %s theme", (lang, theme) => {
  test("no axe violation in any view, with a preview, a message and details open", async () => {
    const { page, errors, close } = await open(320, `view=pane&lang=${lang}&theme=${theme}`);
    const en = lang === "en";
    await page.getByRole("button", { name: en ? /Show \d+ notes/ : /情報 \d+ 件を表示/ }).click();
    await expectAccessible(page, "check");
    await page.getByRole("tab", { name: en ? "Actuals" : "実績入力" }).click();
    await page.getByRole("textbox", { name: en ? /Paste/ : /貼り付け/ }).fill("12\t寄附件数\t1,700 件");
    await page.getByRole("button", { name: en ? "Preview the pasted values" : "貼り付けた値を確認" }).click();
    await page.getByTestId("fill-preview").waitFor();
    await expectAccessible(page, "fill preview");
    await page.getByRole("tab", { name: en ? "Evaluate" : "評価" }).click();
    await page.getByRole("button", { name: en ? "Write the R7 grades" : "R7の評価を書き込む" }).click();
    await page.getByTestId("message").waitFor();
    await page.getByTestId("outcome-details").locator("summary").first().click();
    await expectAccessible(page, "evaluate written");
    await page.getByRole("tab", { name: en ? "Summary" : "集計" }).click();
    await page.getByRole("figure").waitFor();
    await expectAccessible(page, "summary");
    await page.screenshot({ path: screenshotPath(`320-${lang}-${theme}-summary`), fullPage: true });
    if (en) {
      // The pane's own words (buttons, headings, tabs) are English; names and values from the workbook stay as written.
      const words = await page.locator("button:visible, h1:visible, h2:visible, h3:visible, [role=tab]").allInnerTexts();
      expect(words.filter((w) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(w))).toEqual([]);
    }
    expect(errors).toEqual([]);
    await close();
  });
});

test("keyboard only: check, evaluate, fill with a conflict, undo and summary", async () => {
  const { page, errors, close } = await open(450);
  /** Tab (or Shift+Tab) until the focused element's text or label matches (and its role, when given). */
  const tabTo = async (name: RegExp, back = false, role?: string): Promise<void> => {
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press(back ? "Shift+Tab" : "Tab");
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return { role: el?.getAttribute("role") ?? "", name: `${el?.getAttribute("aria-label") ?? ""} ${el?.innerText ?? ""} ${(el as HTMLInputElement | null)?.labels?.[0]?.innerText ?? ""}` };
      });
      if (name.test(focused.name) && (role === undefined || focused.role === role)) return;
    }
    throw new Error(`no focusable element matching ${name}`);
  };
  // 検証: open the notes.
  await tabTo(/情報 \d+ 件を表示/);
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "情報を隠す" }).waitFor();
  // 評価: the tab list by arrows, then the button.
  await tabTo(/検証/, true, "tab");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.getByRole("button", { name: "R7の評価を書き込む" }).waitFor(); // the view loads on first visit
  await tabTo(/R7の評価を書き込む/);
  await page.keyboard.press("Enter");
  await page.getByTestId("message").getByText(/書き込みました/).waitFor();
  // 実績入力 with a conflict, overwritten.
  await tabTo(/評価/, true, "tab");
  await page.keyboard.press("ArrowLeft");
  await tabTo(/貼り付け/);
  await page.keyboard.type("事業番号,指標,実績値\n12,寄附件数,1700 件"); // Tab would leave the box: CSV
  await tabTo(/貼り付けた値を確認/);
  await page.keyboard.press("Enter");
  await page.getByTestId("fill-preview").waitFor();
  await tabTo(/残す/);
  await page.keyboard.press("ArrowRight");
  await page.getByText("現在の値を上書きする").waitFor();
  await tabTo(/1 件を書き込む（新規 0・上書き 1）/);
  await page.keyboard.press("Enter");
  await page.getByTestId("message").getByText(/1 件の実績を書き込みました/).waitFor();
  // 元に戻す, from the message up to the header.
  await tabTo(/実績入力 1件を元に戻す/, true);
  await page.keyboard.press("Enter");
  await page.getByTestId("message").getByText("実績入力 1件を元に戻しました。").waitFor();
  // 集計.
  await tabTo(/実績入力/, false, "tab");
  await page.keyboard.press("End");
  await page.getByRole("figure", { name: "評価の分布" }).waitFor();
  await tabTo(/集計シートを書き出す/);
  await page.keyboard.press("Enter");
  await page.getByTestId("message").getByText("シート「KPI集計」に書き出しました。").waitFor();
  expect(errors).toEqual([]);
  await close();
});

/** In the full demo: evaluate R7 and show 事業12; returns the grid's cells and the row of 寄附件数 (graded B). */
async function evaluateR7(page: Page): Promise<{ grid: (a1: string) => Locator; kifu: number }> {
  const grid = (a1: string) => page.locator(`[data-testid="grid"] td[data-cell="${a1}"]`);
  await page.getByRole("tab", { name: "評価" }).click();
  await page.getByRole("button", { name: "R7の評価を書き込む" }).click();
  await page.getByTestId("message").getByText(/書き込みました/).waitFor();
  await page.selectOption('select[aria-label="sheet"]', "事業12");
  const kifu = Number(((await page.locator('[data-testid="grid"] td', { hasText: /^寄附件数$/ }).first().getAttribute("data-cell")) ?? "").replace(/^[A-Z]+/, ""));
  expect(await grid(`I${kifu}`).textContent()).toBe("B");
  return { grid, kifu };
}

test("the full demo: grades in the workbook's cells", async () => {
  const { page, errors, close } = await open(1400, "lang=ja", 900);
  const { grid, kifu } = await evaluateR7(page);
  expect(await grid(`H${kifu}`).textContent()).toBe("83.7%");
  await page.selectOption('select[aria-label="sheet"]', "事業1");
  expect(await page.locator('[data-testid="grid"] td', { hasText: /^↘ 減少$/ }).count()).toBeGreaterThan(0);
  await page.screenshot({ path: screenshotPath("demo-full") });
  expect(errors).toEqual([]);
  await close();
});

test("the full demo: a column's role set by hand in 検証 changes what evaluate writes, and stays after 再読み込み", async () => {
  const { page, errors, close } = await open(1400, "lang=ja", 900);
  const { kifu } = await evaluateR7(page);

  // 検証 → 表と列: 事業12's 目標値 column (C) is said to be nothing the add-in should read.
  await page.getByRole("tab", { name: "検証" }).click();
  const tables = page.getByRole("region", { name: "表と列" });
  await tables.getByRole("button", { name: "表の一覧を開く" }).click();
  await tables.getByRole("button", { name: /^事業12 の \d+ 行目/ }).click();
  await tables.getByRole("group", { name: /^事業12 の \d+ 行目$/ }).getByRole("combobox", { name: "C 列の役割" }).selectOption("ignore");
  await tables.getByText("手動で指定", { exact: true }).first().waitFor();
  await page.screenshot({ path: screenshotPath("demo-mapping") });

  // Evaluate again: no target any more, so no grade: the cell shows the trend against the baseline (1,274 → 1,673 件).
  await page.getByRole("tab", { name: "評価" }).click();
  await page.getByRole("button", { name: "R7の評価を書き込む" }).click();
  await page.waitForFunction((cell) => document.querySelector(`[data-testid="grid"] td[data-cell="${cell}"]`)?.textContent === "↗ 増加", `I${kifu}`);

  // 再読み込み reads the workbook again: the mapping is kept in it.
  await page.getByRole("button", { name: "再読み込み" }).click();
  await page.getByRole("tab", { name: "検証" }).click();
  await tables.getByRole("button", { name: /^事業12 の \d+ 行目/ }).click();
  expect(await tables.getByRole("group", { name: /^事業12 の \d+ 行目$/ }).getByRole("combobox", { name: "C 列の役割" }).inputValue()).toBe("ignore");
  expect(errors).toEqual([]);
  await close();
});

test("the task pane page asks nothing outside its origin; first-paint figures of its shell after office.js and of the demo on a cold load are recorded, not judged (timings are no test)", async () => {
  const context = await rig.browser.newContext({ viewport: { width: 450, height: 720 } });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(`${rig.base}/taskpane.html`);
  await page.getByRole("heading", { level: 1 }).waitFor();
  await page.waitForFunction(() => performance.getEntriesByName("kpi:shell").length > 0 && performance.getEntriesByType("paint").length > 0);
  const pane = await page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? null;
    const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null;
    const officeJs = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).find((r) => r.name.endsWith("/office.js"));
    return { officeJsLoadedMs: officeJs ? officeJs.responseEnd : null, bundleStartMs: at("kpi:bundle-start"), firstPaintMs: fcp };
  });
  await page.screenshot({ path: screenshotPath("0-taskpane-outside-office") });
  expect(requests.filter((u) => !u.startsWith(rig.base) && !u.startsWith("data:"))).toEqual([]);
  await context.close();

  const demoContext = await rig.browser.newContext({ viewport: { width: 1400, height: 900 } });
  const demoPage = await demoContext.newPage();
  await demoPage.goto(`${rig.base}/demo.html?lang=ja`);
  await demoPage.waitForFunction(() => performance.getEntriesByName("kpi:demo-ready").length > 0);
  const demo = await demoPage.evaluate(() => ({
    firstPaintMs: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
    readyMs: performance.getEntriesByName("kpi:demo-ready")[0]?.startTime ?? null,
  }));
  await demoContext.close();

  const round = (v: number | null) => (v === null ? null : Math.round(v));
  const figures = {
    taskPane: {
      officeJsLoadedMs: round(pane.officeJsLoadedMs),
      bundleStartMs: round(pane.bundleStartMs),
      shellFirstPaintMs: round(pane.firstPaintMs),
      shellAfterOfficeJsMs: round(pane.firstPaintMs! - pane.bundleStartMs!),
    },
    demo: { firstPaintMs: round(demo.firstPaintMs), workbookShownMs: round(demo.readyMs) },
    goals: { shellAfterOfficeJsMs: 300, demoFirstPaintMs: 1000 },
  };
  recordTimings(figures);
  console.log(`first paint: ${JSON.stringify(figures)}`);
  expect(pane.firstPaintMs).not.toBeNull();
  expect(pane.bundleStartMs).not.toBeNull();
  expect(demo.firstPaintMs).not.toBeNull();
});

test("自動再評価: typing an actual into the grid changes its grade", async () => {
  const { page, errors, close } = await open(1400, "lang=ja", 900);
  const { grid, kifu } = await evaluateR7(page);
  await page.getByRole("switch", { name: "自動再評価" }).click();
  await page.waitForFunction(() => (document.querySelector('[role="switch"]') as HTMLInputElement | null)?.checked === true);
  await grid(`G${kifu}`).click();
  await page.getByRole("textbox", { name: "cell entry" }).fill("2,100 件");
  await page.getByRole("textbox", { name: "cell entry" }).press("Enter");
  await page.waitForFunction((a1) => document.querySelector(`[data-testid="grid"] td[data-cell="${a1}"]`)?.textContent === "A", `I${kifu}`);
  expect(await grid(`H${kifu}`).textContent()).toBe("105.0%");
  // Once the updates pause, the pane reads the workbook again: its counts follow (A 10 → 11).
  await page.getByRole("tab", { name: "集計" }).click();
  await page.getByRole("figure", { name: "評価の分布" }).getByRole("img", { name: "A: 11" }).waitFor();
  await page.screenshot({ path: screenshotPath("demo-live-evaluate") });
  expect(errors).toEqual([]);
  await close();
});

describe("Office 2016 and 2019 show the pane in IE11 or EdgeHTML: a clear message, not an empty pane", () => {
  const AGENTS = {
    ie11: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko",
    edgehtml: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045",
  };
  test.each(Object.entries(AGENTS))("%s", async (name, userAgent) => {
    const context = await rig.browser.newContext({ userAgent });
    const pane = await context.newPage();
    const errors: string[] = [];
    pane.on("pageerror", (e) => errors.push(e.message));
    await pane.goto(`${rig.base}/taskpane.html`);
    const message = pane.getByRole("alert");
    await message.waitFor();
    expect(await message.textContent()).toContain("この Office では KPI評価シート を使えません");
    expect(await message.textContent()).toContain("This version of Office cannot run KPI Sheets");
    // The task pane did not start over it.
    await pane.waitForTimeout(500);
    expect(await pane.getByRole("heading", { level: 1 }).count()).toBe(2);
    expect(await pane.locator("#root").count()).toBe(0);
    await pane.screenshot({ path: screenshotPath(`0-too-old-${name}`) });
    expect(errors).toEqual([]);
    await context.close();
  });

  test("a modern engine is not told it is too old", async () => {
    const pane = await rig.browser.newPage();
    await pane.goto(`${rig.base}/taskpane.html`);
    await pane.getByRole("heading", { level: 1 }).waitFor();
    expect(await pane.getByRole("alert").count()).toBe(0);
    await pane.close();
  });
});

test("the built bundles and the views loaded later parse at the syntax level of Office 2021's Mac webview (ES2019); the too-old script at ES5", () => {
  const bundles = fs.readdirSync(DIST).filter((f) => /^(taskpane|commands|\d+)\.[0-9a-f]+\.js$/.test(f));
  expect(bundles.filter((f) => /^(taskpane|commands)\./.test(f))).toHaveLength(2);
  expect(bundles.length).toBeGreaterThan(2); // the lazily loaded views
  for (const file of bundles) {
    expect(() => parse(fs.readFileSync(path.join(DIST, file), "utf8"), { ecmaVersion: 2019, sourceType: "script" })).not.toThrow();
  }
  expect(() => parse(fs.readFileSync(path.join(DIST, "too-old.js"), "utf8"), { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
  // The check can fail: syntax newer than ES2019 is refused at that level.
  expect(() => parse("class A { static { } }", { ecmaVersion: 2019 })).toThrow();
  expect(() => parse("a?.b ?? c", { ecmaVersion: 2019 })).toThrow();
});
