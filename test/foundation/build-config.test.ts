/**
 * Build settings: office.js from our own origin (or the CDN on request), the task pane's CSP,
 * and the manifest rewritten for an internal web server.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { validateManifest } from "../../scripts/validate-manifest";

// Plain CommonJS helpers shared with webpack.config.js.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const build = require("../../scripts/addin-build.js") as typeof import("../../scripts/addin-build.js");

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

describe("officeJsMode", () => {
  it("is local unless a build asks for the CDN", () => {
    expect(build.officeJsMode({}, {})).toBe("local");
    expect(build.officeJsMode({ officejs: "cdn" }, {})).toBe("cdn");
    expect(build.officeJsMode({}, { OFFICE_JS: "CDN" })).toBe("cdn");
    expect(build.officeJsMode({ officejs: "local" }, { OFFICE_JS: "cdn" })).toBe("local");
    expect(() => build.officeJsMode({ officejs: "unpkg" }, {})).toThrow(/"local" or "cdn"/);
  });

  it("puts a relative office.js in the page, or the CDN's", () => {
    expect(build.officeJsScriptSrc("local")).toBe("office.js");
    expect(build.officeJsScriptSrc("cdn")).toMatch(/^https:\/\/appsforoffice\.microsoft\.com\/.*\/office\.js$/);
  });
});

describe("contentSecurityPolicy", () => {
  const directives = (csp: string) => new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

  it("allows only the add-in's own origin with the local office.js", () => {
    const csp = build.contentSecurityPolicy("local");
    expect(csp).not.toMatch(/https?:/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    const d = directives(csp);
    expect(d.get("default-src")).toEqual(["'self'"]);
    expect(d.get("script-src")).toEqual(["'self'"]);
    expect(d.get("connect-src")).toEqual(["'self'"]);
    expect(d.get("frame-src")).toEqual(["'self'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
  });

  it("allows Fluent UI's empty <style> elements by the hash of the empty string", () => {
    const emptyHash = `'sha256-${crypto.createHash("sha256").update("").digest("base64")}'`;
    expect(build.EMPTY_STYLE_HASH).toBe(emptyHash);
    expect(directives(build.contentSecurityPolicy("local")).get("style-src")).toEqual(["'self'", emptyHash]);
  });

  it("adds only the CDN's origin to script-src for a CDN build", () => {
    const d = directives(build.contentSecurityPolicy("cdn"));
    expect(d.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(d.get("default-src")).toEqual(["'self'"]);
  });
});

describe("officeJsFiles", () => {
  const files = build.officeJsFiles();

  it("lists office.js, the Excel host scripts, the outside-Office loader and the locale strings", () => {
    expect(files).toEqual(
      expect.arrayContaining([
        "office.js",
        "o15apptofilemappingtable.js",
        "telemetry/oteljs_agave.js",
        "excel-web-16.00.js",
        "excel-win32-16.01.js",
        "excel-mac-16.00.js",
        "ja-jp/office_strings.js",
        "en-us/office_strings.js",
      ]),
    );
    expect(files.filter((f) => f.endsWith(".debug.js"))).toEqual([]);
    expect(files.filter((f) => /^(word|outlook|powerpoint|onenote|project|access)/.test(f))).toEqual([]);
    for (const f of files) expect(fs.existsSync(path.join(build.OFFICE_JS_DIST, f))).toBe(true);
  });

  it("covers every Excel host script that office.js can ask for", () => {
    const officeJs = fs.readFileSync(path.join(build.OFFICE_JS_DIST, "office.js"), "utf8");
    const map = /excel:\{([^}]*)\}/.exec(officeJs);
    expect(map).not.toBeNull();
    const wanted = [...map![1]!.matchAll(/(\w+):"([\d.]+)"/g)].map(([, platform, version]) => `excel-${platform}-${version}.js`);
    expect(wanted.length).toBeGreaterThanOrEqual(4);
    expect(files).toEqual(expect.arrayContaining(wanted));
  });

  it("covers the strings of every locale office.js supports", () => {
    const officeJs = fs.readFileSync(path.join(build.OFFICE_JS_DIST, "office.js"), "utf8");
    const supported = /OSF\.SupportedLocales=\{([^}]*)\}/.exec(officeJs);
    expect(supported).not.toBeNull();
    const locales = [...supported![1]!.matchAll(/"([a-z-]+)":true/g)].map(([, l]) => `${l}/office_strings.js`);
    expect(locales).toContain("ja-jp/office_strings.js");
    expect(files).toEqual(expect.arrayContaining(locales));
  });
});

describe("manifest URLs for an internal web server", () => {
  it("normalises the base URL", () => {
    expect(build.normalizeBaseUrl("https://intranet.example/kpi")).toBe("https://intranet.example/kpi/");
    expect(build.normalizeBaseUrl(" https://intranet.example ")).toBe("https://intranet.example/");
    expect(() => build.normalizeBaseUrl("http://intranet.example/kpi/")).toThrow(/https/);
    expect(() => build.normalizeBaseUrl("https://intranet.example/kpi/?x=1")).toThrow(/query/);
    expect(() => build.normalizeBaseUrl("intranet.example/kpi")).toThrow(/not a URL/);
  });

  it("rewrites every development URL, and the result still validates", () => {
    const xml = build.rewriteManifestUrls(MANIFEST, "https://intranet.example/kpi");
    expect(xml).not.toContain("https://localhost:3000");
    expect(xml).toContain('<SourceLocation DefaultValue="https://intranet.example/kpi/taskpane.html"/>');
    expect(xml).toContain('"https://intranet.example/kpi/assets/icon-80.png"');
    expect(validateManifest(xml, { baseDir: ROOT }).errors).toEqual([]);
  });
});

describe("webpack.config.js", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require("../../webpack.config.js") as (env: Record<string, unknown>, argv: Record<string, unknown>) => Promise<Record<string, unknown>>;
  type Plugin = { constructor: { name: string }; userOptions?: Record<string, unknown>; patterns?: Array<{ from: string; to?: string; transform?: unknown }> };
  const quiet = async <T>(f: () => Promise<T>): Promise<T> => {
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      return await f();
    } finally {
      log.mockRestore();
    }
  };
  const plugins = (config: Record<string, unknown>) => config.plugins as Plugin[];
  const pages = (config: Record<string, unknown>) => plugins(config).filter((p) => p.constructor.name === "HtmlWebpackPlugin");
  const copies = (config: Record<string, unknown>) => plugins(config).find((p) => p.constructor.name === "CopyPlugin")!.patterns!;

  it("builds the task pane, the commands page, the help page and the browser demo with the local office.js", async () => {
    const config = await quiet(() => makeConfig({}, { mode: "production" }));
    expect(Object.keys(config.entry as object)).toEqual(["taskpane", "commands", "demo"]);
    expect(pages(config).map((p) => p.userOptions!.filename)).toEqual(["taskpane.html", "commands.html", "help.html", "demo.html"]);
    for (const page of pages(config)) {
      const params = page.userOptions!.templateParameters as { csp: string; officeJsSrc: string };
      expect(params.officeJsSrc).toBe("office.js");
      expect(params.csp).toBe(build.contentSecurityPolicy("local"));
    }
    const targets = copies(config).map((p) => p.to);
    expect(targets).toEqual(expect.arrayContaining(["manifest.xml", "office.js", "excel-web-16.00.js", "ja-jp/office_strings.js", "demo/musashino-action-plan.xlsx", "too-old.js"]));
    expect(config.devtool).toBe(false);
  });

  it("copies Microsoft's office.js files byte for byte (marked minimized, so Terser leaves them alone)", async () => {
    const config = await quiet(() => makeConfig({}, { mode: "production" }));
    const officeFiles = copies(config).filter((p) => p.from.startsWith(build.OFFICE_JS_DIST) && p.to !== "office-js-LICENSE.md");
    expect(officeFiles.length).toBe(build.officeJsFiles().length);
    for (const p of officeFiles) expect((p as { info?: { minimized?: boolean } }).info?.minimized).toBe(true);
  });

  it("switches to the CDN with --env officejs=cdn and copies no office.js", async () => {
    const config = await quiet(() => makeConfig({ officejs: "cdn" }, { mode: "production" }));
    const params = pages(config)[0]!.userOptions!.templateParameters as { csp: string; officeJsSrc: string };
    expect(params.officeJsSrc).toBe(build.OFFICE_JS_CDN);
    expect(copies(config).map((p) => p.to)).not.toContain("office.js");
  });

  it("rewrites dist/manifest.xml with --env url=…", async () => {
    const config = await quiet(() => makeConfig({ url: "https://intranet.example/kpi/" }, { mode: "production" }));
    const manifest = copies(config).find((p) => p.to === "manifest.xml")!;
    const transform = manifest.transform as (content: Buffer) => string;
    expect(transform(Buffer.from(MANIFEST))).toContain("https://intranet.example/kpi/taskpane.html");
    const plain = await quiet(() => makeConfig({}, { mode: "production" }));
    expect(copies(plain).find((p) => p.to === "manifest.xml")!.transform).toBeUndefined();
  });

  it("lowers our code and the libraries to the syntax level of Office 2021's Mac webview; the too-old script is loaded by its own file", async () => {
    const config = await quiet(() => makeConfig({}, { mode: "production" }));
    expect(config.target).toEqual(["web", "es2019"]);
    const rules = (config.module as { rules: { test: RegExp; use: { loader: string; options: { jsc: { target: string } } } }[] }).rules;
    expect(rules.map((r) => [String(r.test), r.use.loader, r.use.options.jsc.target])).toEqual([
      [String(/\.tsx?$/), "swc-loader", "es2019"],
      [String(/\.m?js$/), "swc-loader", "es2019"],
    ]);
    const page = fs.readFileSync(path.join(ROOT, "src/taskpane/taskpane.html"), "utf8");
    expect(page.indexOf('<script src="too-old.js"></script>')).toBeGreaterThan(0);
    expect(page.indexOf('<script src="too-old.js"></script>')).toBeLessThan(page.indexOf("officeJsSrc"));
  });

  it("uses no eval-based source maps in development (the CSP has no 'unsafe-eval')", async () => {
    const config = await quiet(() => makeConfig({}, { mode: "development" }));
    expect(String(config.devtool)).not.toMatch(/eval/);
    expect((config.devServer as { port: number }).port).toBe(3000);
  });
});
