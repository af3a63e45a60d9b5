/**
 * The browser demo in Debian's headless chromium (playwright-core): the real task pane on the
 * in-memory Excel loaded with the 武蔵野市 sample. Evaluate R7, check the grade cells and the
 * missing list, paste actuals with one conflict, undo; 自動再評価 while typing into the grid; the
 * "too old" message with IE11 and EdgeHTML user agents; the built bundles parsed at the syntax level
 * of Office 2021's Mac webview. One webpack build for all. Screenshots of each view go to
 * test-output/screenshots, the first-render time to test-output/browser-timings.json.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { parse } from "acorn";
import { chromium, type Browser, type Page } from "playwright-core";

jest.setTimeout(180_000);

const ROOT = path.join(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const OUT = path.join(ROOT, "test-output");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".png": "image/png", ".xlsx": "application/octet-stream", ".json": "application/json" };

let server: http.Server;
let browser: Browser;
let page: Page;
let base: string;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is not at ${CHROMIUM}: install Debian's chromium (.ci/run does) or set CHROMIUM_PATH.`);
  execFileSync(process.execPath, [path.join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "production"], { cwd: ROOT, stdio: "pipe" });
  server = http.createServer((req, res) => {
    const file = path.join(DIST, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  fs.mkdirSync(path.join(OUT, "screenshots"), { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

const shot = (name: string) => page.screenshot({ path: path.join(OUT, "screenshots", `${name}.png`), fullPage: false });

/** The text of a grid cell of the shown sheet. */
async function gridCell(a1: string): Promise<string> {
  return (await page.locator(`[data-testid="grid"] td[data-cell="${a1}"]`).textContent()) ?? "";
}

async function showSheet(name: string): Promise<void> {
  await page.selectOption('select[aria-label="sheet"]', name);
  await page.waitForSelector(`[data-testid="grid"][data-sheet="${name}"]`);
}

/** Evaluate R7 in the 評価 view and show 事業12: the row of 寄附件数, graded B. */
async function evaluateR7(): Promise<number> {
  await page.getByRole("tab", { name: "評価" }).click();
  await page.getByRole("button", { name: "評価を実行" }).click();
  await page.getByText(/評価を書き込みました/).waitFor();
  await showSheet("事業12");
  const kifu = await rowOf("寄附件数");
  expect(await gridCell(`I${kifu}`)).toBe("B");
  return kifu;
}

async function rowOf(text: string): Promise<number> {
  const cell = page.locator('[data-testid="grid"] td', { hasText: new RegExp(`^${text}$`) }).first();
  return Number(((await cell.getAttribute("data-cell")) ?? "").replace(/^[A-Z]+/, ""));
}

test("evaluate R7, check the grades and the missing list, paste actuals with a conflict, undo", async () => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(`${base}/demo.html?lang=ja`);
  await page.waitForFunction(() => (window as unknown as { demoReady?: number }).demoReady !== undefined);
  const firstRender = await page.evaluate(() => (window as unknown as { demoReady: number }).demoReady);
  fs.writeFileSync(path.join(OUT, "browser-timings.json"), `${JSON.stringify({ firstRenderMs: Math.round(firstRender) })}\n`);
  console.log(`demo first render (fetch + read the sample workbook + render): ${Math.round(firstRender)} ms`);

  // 検証
  await page.getByRole("button", { name: "検証する" }).click();
  await page.getByText("シート 47、事業 46、指標 64").waitFor();
  await shot("1-check");

  // 評価
  const kifu = await evaluateR7();
  expect(await gridCell(`H${kifu}`)).toBe("83.7%");
  expect(await page.getByRole("list", { name: "実績未入力（担当課別）" }).textContent()).toContain("企画調整課: 3");
  await shot("2-evaluate");

  // 実績入力: one new value, one conflict kept.
  await page.getByRole("tab", { name: "実績入力" }).click();
  await page.getByRole("textbox", { name: /貼り付け/ }).fill("12\t寄附件数\t1,700 件\n11\tInstagram フォロワー数\t1,000 人");
  await page.getByRole("button", { name: "確認する" }).first().click();
  await page.getByText(/新規 1、変更なし 0、競合 1/).waitFor();
  await shot("3-fill-preview");
  await page.getByRole("button", { name: "書き込む" }).click();
  await page.getByText("1 件の実績を書き込みました").waitFor();
  expect(await gridCell(`G${kifu}`)).toBe("1,673 件");
  await showSheet("事業11");
  const insta = await rowOf("Instagram フォロワー数");
  expect(await gridCell(`G${insta}`)).toBe("1,000 人");

  // 元に戻す
  await page.getByRole("button", { name: "元に戻す" }).click();
  await page.getByText(/元に戻しました/).waitFor();
  expect(await gridCell(`G${insta}`)).toBe("");
  await shot("4-undo");

  // 集計
  await page.getByRole("tab", { name: "集計" }).click();
  await page.getByRole("button", { name: "集計する" }).click();
  await page.getByRole("figure", { name: "評価の分布" }).waitFor();
  await shot("5-summary");
  expect(errors).toEqual([]);
});

test("a column's role set by hand in 検証 changes the grade written, and stays after a reload", async () => {
  await page.goto(`${base}/demo.html?lang=ja`);
  await page.waitForFunction(() => (window as unknown as { demoReady?: number }).demoReady !== undefined);
  const kifu = await evaluateR7();

  // 検証 → 表と列: 事業12's 目標値 column (C) is said to be nothing the add-in should read.
  await page.getByRole("tab", { name: "検証" }).click();
  await page.getByRole("button", { name: "検証する" }).click();
  const tables = page.getByRole("region", { name: "表と列" });
  await tables.waitFor();
  const header = tables.getByRole("button", { name: /^事業12 の \d+ 行目/ });
  await header.click();
  const table = tables.getByRole("group", { name: /^事業12 の \d+ 行目$/ });
  await table.getByRole("combobox", { name: "C 列の役割" }).selectOption("ignore");
  await tables.getByText("手動で指定").first().waitFor();
  await shot("6-mapping");

  // Evaluate again: no target column any more, so no grade.
  await page.getByRole("tab", { name: "評価" }).click();
  await page.getByRole("button", { name: "評価を実行" }).click();
  await page.waitForFunction((cell) => document.querySelector(`[data-testid="grid"] td[data-cell="${cell}"]`)?.textContent === "\u2212", `I${kifu}`);

  // 再読み込み reads the workbook again: the mapping is kept in it.
  await page.getByRole("button", { name: "再読み込み" }).click();
  await page.getByRole("tab", { name: "検証" }).click();
  await page.getByRole("button", { name: "検証する" }).click();
  await page.getByRole("region", { name: "表と列" }).getByRole("button", { name: /^事業12 の \d+ 行目/ }).click();
  const kept = page.getByRole("region", { name: "表と列" }).getByRole("group", { name: /^事業12 の \d+ 行目$/ });
  expect(await kept.getByRole("combobox", { name: "C 列の役割" }).inputValue()).toBe("ignore");
});

test("the task pane page renders its shell, asking nothing of any other origin", async () => {
  const requests: string[] = [];
  const fresh = await browser.newPage();
  fresh.on("request", (r) => requests.push(r.url()));
  await fresh.goto(`${base}/taskpane.html`);
  await fresh.getByRole("heading", { level: 1 }).waitFor();
  const ms = await fresh.evaluate(() => performance.now());
  const timings = JSON.parse(fs.readFileSync(path.join(OUT, "browser-timings.json"), "utf8"));
  fs.writeFileSync(path.join(OUT, "browser-timings.json"), `${JSON.stringify({ ...timings, taskPaneFirstRenderMs: Math.round(ms) })}\n`);
  console.log(`task pane first render (outside Office): ${Math.round(ms)} ms`);
  await fresh.screenshot({ path: path.join(OUT, "screenshots", "0-taskpane-outside-office.png") });
  expect(requests.filter((u) => !u.startsWith(base) && !u.startsWith("data:"))).toEqual([]);
  await fresh.close();
});

test("自動再評価: typing an actual into the grid changes its grade", async () => {
  const fresh = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const previous = page;
  page = fresh;
  try {
    await page.goto(`${base}/demo.html?lang=ja`);
    await page.waitForFunction(() => (window as unknown as { demoReady?: number }).demoReady !== undefined);
    const kifu = await evaluateR7();
    await page.getByRole("switch", { name: "自動再評価" }).click();
    await page.waitForFunction(() => (document.querySelector('[role="switch"]') as HTMLInputElement | null)?.checked === true);
    await page.locator(`[data-testid="grid"] td[data-cell="G${kifu}"]`).click();
    await page.getByRole("textbox", { name: "cell entry" }).fill("2,100 件");
    await page.getByRole("textbox", { name: "cell entry" }).press("Enter");
    await page.waitForFunction((a1) => document.querySelector(`[data-testid="grid"] td[data-cell="${a1}"]`)?.textContent === "A", `I${kifu}`);
    expect(await gridCell(`H${kifu}`)).toBe("105.0%");
    await shot("6-live-evaluate");
  } finally {
    page = previous;
    await fresh.close();
  }
});

describe("Office 2016 and 2019 show the pane in IE11 or EdgeHTML: a clear message, not an empty pane", () => {
  const AGENTS = {
    ie11: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko",
    edgehtml: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045",
  };
  test.each(Object.entries(AGENTS))("%s", async (name, userAgent) => {
    const context = await browser.newContext({ userAgent });
    const pane = await context.newPage();
    const errors: string[] = [];
    pane.on("pageerror", (e) => errors.push(e.message));
    await pane.goto(`${base}/taskpane.html`);
    const message = pane.getByRole("alert");
    await message.waitFor();
    expect(await message.textContent()).toContain("この Office では KPI評価シート を使えません");
    expect(await message.textContent()).toContain("This version of Office cannot run KPI Sheets");
    // The task pane did not start over it.
    await pane.waitForTimeout(500);
    expect(await pane.getByRole("heading", { level: 1 }).count()).toBe(2);
    expect(await pane.locator("#root").count()).toBe(0);
    await pane.screenshot({ path: path.join(OUT, "screenshots", `0-too-old-${name}.png`) });
    expect(errors).toEqual([]);
    await context.close();
  });

  test("a modern engine is not told it is too old", async () => {
    const pane = await browser.newPage();
    await pane.goto(`${base}/taskpane.html`);
    await pane.getByRole("heading", { level: 1 }).waitFor();
    expect(await pane.getByRole("alert").count()).toBe(0);
    await pane.close();
  });
});

test("the built bundles parse at the syntax level of Office 2021's Mac webview (ES2019); the too-old script at ES5", () => {
  const bundles = fs.readdirSync(DIST).filter((f) => /^(taskpane|commands)\.[0-9a-f]+\.js$/.test(f));
  expect(bundles).toHaveLength(2);
  for (const file of bundles) {
    expect(() => parse(fs.readFileSync(path.join(DIST, file), "utf8"), { ecmaVersion: 2019, sourceType: "script" })).not.toThrow();
  }
  expect(() => parse(fs.readFileSync(path.join(DIST, "too-old.js"), "utf8"), { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
  // The check can fail: syntax newer than ES2019 is refused at that level.
  expect(() => parse("class A { static { } }", { ecmaVersion: 2019 })).toThrow();
  expect(() => parse("a?.b ?? c", { ecmaVersion: 2019 })).toThrow();
});
