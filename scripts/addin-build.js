/**
 * Build settings shared by webpack.config.js and its tests: where office.js comes from, the task
 * pane's Content-Security-Policy, and the rewriting of the manifest's URLs for a web server.
 * Plain CommonJS so that webpack can load it without a TypeScript loader.
 */
const fs = require("fs");
const path = require("path");
const { URL } = require("url");

/** The URL every address in manifest.xml starts with during development. */
const DEV_URL = "https://localhost:3000/";

/** Microsoft's CDN copy of office.js (used only when a build asks for it). */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_CDN_ORIGIN = "https://appsforoffice.microsoft.com";

/** Where the npm package @microsoft/office-js keeps the files that office.js loads. */
const OFFICE_JS_DIST = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");

/**
 * Which office.js the build uses: "local" (default; copied from @microsoft/office-js and served
 * from the add-in's own origin) or "cdn". Chosen by `--env officejs=cdn` or OFFICE_JS=cdn.
 */
function officeJsMode(env = {}, processEnv = process.env) {
  const raw = String(env.officejs || processEnv.OFFICE_JS || "local").trim().toLowerCase();
  if (raw !== "local" && raw !== "cdn") {
    throw new Error(`officejs must be "local" or "cdn", not "${raw}"`);
  }
  return raw;
}

/** The src of the office.js script tag: relative, so a build also works under a sub-path. */
function officeJsScriptSrc(mode) {
  return mode === "cdn" ? OFFICE_JS_CDN : "office.js";
}

/**
 * The task pane's Content-Security-Policy.
 *
 * - Everything comes from the add-in's own origin ('self'), office.js included; office.js loads
 *   its Excel host script, its locale strings and its telemetry sink from the folder it was
 *   loaded from, so with the local copy no other origin is needed.
 * - style-src needs one allowance: Fluent UI (Griffel) and FluentProvider create empty <style>
 *   elements and fill them through the CSSOM (insertRule). An empty inline <style> is checked
 *   by CSP against its (empty) text, whose SHA-256 is the hash below; the rules inserted later
 *   through the CSSOM are not subject to CSP. No 'unsafe-inline', no 'unsafe-eval'.
 * - Outside Office, office.js's legacy loader tries to open a hidden frame to a Microsoft
 *   telemetry page; default-src/frame-src 'self' blocks it, on purpose.
 * - With the CDN build, the CDN's origin is added to script-src (office.js loads its other
 *   scripts from there).
 */
const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

function contentSecurityPolicy(mode) {
  const scriptSrc = mode === "cdn" ? `'self' ${OFFICE_JS_CDN_ORIGIN}` : "'self'";
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    `style-src 'self' ${EMPTY_STYLE_HASH}`,
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

/**
 * The files office.js may load at run time, relative to OFFICE_JS_DIST: office.js itself, the
 * Excel host scripts (one per platform; "-core" variants too), the loader used outside Office
 * (o15apptofilemappingtable.js, which makes onReady report host null), the UI strings of every
 * locale Office can display (office_strings.js), and the telemetry sink, which hands events to
 * the Office application rather than to the network. Debug builds, other hosts (Word,
 * Outlook, …) and the outlook strings are left out.
 */
function officeJsFiles(dist = OFFICE_JS_DIST) {
  const files = ["office.js", "o15apptofilemappingtable.js", "telemetry/oteljs_agave.js"];
  for (const name of fs.readdirSync(dist).sort()) {
    const full = path.join(dist, name);
    if (/^excel.*\.js$/.test(name) && !name.endsWith(".debug.js")) files.push(name);
    else if (fs.statSync(full).isDirectory() && fs.existsSync(path.join(full, "office_strings.js"))) {
      files.push(`${name}/office_strings.js`);
    }
  }
  return files;
}

/**
 * The base URL of a hosted build: https, with a trailing slash, no query or fragment.
 * Throws with a plain message otherwise.
 */
function normalizeBaseUrl(raw) {
  let url;
  try {
    url = new URL(String(raw).trim());
  } catch {
    throw new Error(`url "${raw}" is not a URL (expected e.g. https://intranet.example/kpi/)`);
  }
  if (url.protocol !== "https:") throw new Error(`url "${raw}" must use https: Office loads add-ins over https only`);
  if (url.search || url.hash) throw new Error(`url "${raw}" must not have a query or fragment`);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.toString();
}

/** The manifest with every development URL replaced by baseUrl (see normalizeBaseUrl). */
function rewriteManifestUrls(xml, baseUrl) {
  const base = normalizeBaseUrl(baseUrl);
  return xml.split(DEV_URL).join(base);
}

/**
 * The language level of the bundles. Office 2021 for Mac runs the task pane in the system's
 * WKWebView, whose engine follows macOS: from Safari 13 (macOS 10.15, the oldest Office 2021 for
 * Mac runs on). ES2019 is all Safari 13 parses: no ?. or ??, no class fields, no static blocks.
 * Office 2016/2019 on Windows may use IE11 or EdgeHTML: too old for any of it (see too-old.js).
 */
const SYNTAX_TARGET = "es2019";

/** swc-loader options: TypeScript/TSX (or plain JavaScript) lowered to SYNTAX_TARGET. */
function swcOptions({ typescript }) {
  return {
    jsc: {
      parser: typescript ? { syntax: "typescript", tsx: true } : { syntax: "ecmascript", jsx: false },
      transform: typescript ? { react: { runtime: "automatic" } } : undefined,
      target: SYNTAX_TARGET,
      // Keep what the libraries are; do not add helpers to modules that are not ours.
      externalHelpers: false,
    },
    module: { type: "es6" },
    // Sources that are CommonJS (some libraries) stay as they are apart from the syntax.
    isModule: "unknown",
  };
}

module.exports = {
  SYNTAX_TARGET,
  swcOptions,
  DEV_URL,
  OFFICE_JS_CDN,
  OFFICE_JS_DIST,
  EMPTY_STYLE_HASH,
  officeJsMode,
  officeJsScriptSrc,
  contentSecurityPolicy,
  officeJsFiles,
  normalizeBaseUrl,
  rewriteManifestUrls,
};
