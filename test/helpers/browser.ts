/**
 * The browser tests' shared machinery: one production build, a static server for dist/ (plus
 * axe-core's script on the same origin, so the pages' CSP lets it run), Debian's chromium through
 * playwright-core, and axe runs that fail with the violations named.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const ROOT = path.join(__dirname, "../..");
export const DIST = path.join(ROOT, "dist");
export const OUT = path.join(ROOT, "test-output");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const AXE = require.resolve("axe-core/axe.min.js");
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".png": "image/png", ".xlsx": "application/octet-stream", ".json": "application/json" };

export interface BrowserRig {
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Build once (BROWSER_TESTS_REUSE_DIST=1 reuses dist/ while working on the tests), serve dist/ on a free port, start chromium. */
export async function startRig(): Promise<BrowserRig> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is not at ${CHROMIUM}: install Debian's chromium (.ci/run does) or set CHROMIUM_PATH.`);
  if (!process.env.BROWSER_TESTS_REUSE_DIST) execFileSync(process.execPath, [path.join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "production"], { cwd: ROOT, stdio: "pipe" });
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = pathname === "/__test/axe.min.js" ? AXE : path.join(DIST, pathname);
    if ((file !== AXE && !file.startsWith(DIST)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
  });
  fs.mkdirSync(path.join(OUT, "screenshots"), { recursive: true });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    browser,
    close: async () => {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Run axe-core on the page as it is; returns the violations of any impact, one line each. */
export async function axeViolations(page: Page, base: string): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ url: `${base}/__test/axe.min.js` });
  // Judge the page at rest: colours half-way through a fade-in are not what the user reads.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

export function screenshotPath(name: string): string {
  return path.join(OUT, "screenshots", `${name}.png`);
}

/** Record figures in test-output/browser-timings.json, merged with what is there. */
export function recordTimings(figures: Record<string, unknown>): void {
  const file = path.join(OUT, "browser-timings.json");
  const before = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
  fs.writeFileSync(file, `${JSON.stringify({ ...before, ...figures }, null, 2)}\n`);
}
