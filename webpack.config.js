/**
 * webpack configuration, after the layout of the `yo office` React task-pane template.
 *
 *   npm run build                                   production build into dist/
 *   npm run build -- --env url=https://intranet.example/kpi/
 *                                                   … with dist/manifest.xml pointing there
 *   npm run build -- --env officejs=cdn             … loading office.js from Microsoft's CDN
 *   OFFICE_JS=cdn npm run build                     (same; ADDIN_URL=… works for url too)
 *   npm run dev-server                              https://localhost:3000 (dev certificates)
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const build = require("./scripts/addin-build.js");

const DEV_PORT = 3000;

/** HTTPS options from office-addin-dev-certs when its certificates are installed, else null. */
async function devHttpsOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const defaults = require("office-addin-dev-certs/lib/defaults");
    const present = [defaults.caCertificatePath, defaults.localhostCertificatePath, defaults.localhostKeyPath].every((f) => fs.existsSync(f));
    if (!present || !devCerts.verifyCertificates()) return null;
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    console.warn(`[dev-server] could not use the Office dev certificates: ${e instanceof Error ? e.message : e}`);
    return null;
  }
}

/** Prints the size of every entry's JavaScript, raw and gzipped, after a production build. */
class BundleSizePlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tap("BundleSizePlugin", (compilation) => {
      const lines = [];
      for (const [name, entry] of compilation.entrypoints) {
        let raw = 0;
        let gzip = 0;
        for (const file of entry.getFiles()) {
          if (!file.endsWith(".js")) continue;
          const source = fs.readFileSync(path.join(compiler.outputPath, file)); // sources are released after emit
          raw += source.length;
          gzip += zlib.gzipSync(source, { level: 9 }).length;
        }
        lines.push(`  ${name}: ${(raw / 1024).toFixed(1)} KB, gzip ${(gzip / 1024).toFixed(1)} KB`);
      }
      console.log(`\nBundle sizes (office.js not included; task pane goal: gzip ≤ 400 KB):\n${lines.join("\n")}\n`);
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const officeJs = build.officeJsMode(env);
  const urlOption = env.url || process.env.ADDIN_URL;
  const baseUrl = urlOption ? build.normalizeBaseUrl(urlOption) : null;
  const csp = build.contentSecurityPolicy(officeJs);
  const page = (template, chunks) =>
    new HtmlWebpackPlugin({
      filename: path.basename(template),
      template,
      chunks,
      templateParameters: { csp, officeJsSrc: build.officeJsScriptSrc(officeJs) },
      minify: false,
    });

  const copy = [
    { from: "assets/*.png", to: "assets/[name][ext]" },
    // ES5, outside the bundle: says "this Office is too old" where the task pane cannot run (IE11, EdgeHTML).
    { from: "src/taskpane/too-old.js", to: "too-old.js", info: { minimized: true } },
    { from: "seeds/musashino-action-plan.xlsx", to: "demo/musashino-action-plan.xlsx" },
    {
      from: "manifest.xml",
      to: "manifest.xml",
      transform: baseUrl ? (content) => build.rewriteManifestUrls(content.toString(), baseUrl) : undefined,
    },
  ];
  if (officeJs === "local") {
    for (const file of build.officeJsFiles()) {
      // Already minified by Microsoft: copy byte for byte (Terser would rewrite them and split out licences).
      copy.push({ from: path.join(build.OFFICE_JS_DIST, file), to: file, info: { minimized: true } });
    }
    copy.push({ from: path.join(build.OFFICE_JS_DIST, "..", "LICENSE.md"), to: "office-js-LICENSE.md" });
  }

  if (!dev && !baseUrl) {
    console.log(`[build] dist/manifest.xml keeps ${build.DEV_URL}; pass --env url=https://your.server/path/ to host it elsewhere.`);
  }
  if (officeJs === "cdn") console.log(`[build] office.js from ${build.OFFICE_JS_CDN} (the add-in then needs that CDN).`);

  const config = {
    devtool: dev ? "source-map" : false, // no eval-based maps: the CSP allows no 'unsafe-eval'
    target: ["web", build.SYNTAX_TARGET], // webpack's own runtime code at the same level
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      demo: "./src/demo/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          // Types are checked by `npm run typecheck`; swc only strips them and lowers the syntax.
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "swc-loader", options: build.swcOptions({ typescript: true }) },
        },
        {
          // Libraries ship modern syntax (class fields, static blocks, ?.): lowered to the same level.
          test: /\.m?js$/,
          include: /node_modules/,
          exclude: /@microsoft[\\/]office-js/,
          use: { loader: "swc-loader", options: build.swcOptions({ typescript: false }) },
        },
      ],
    },
    plugins: [
      page("./src/taskpane/taskpane.html", ["taskpane"]),
      page("./src/commands/commands.html", ["commands"]),
      page("./src/taskpane/help.html", []),
      page("./src/demo/demo.html", ["demo"]),
      new CopyWebpackPlugin({ patterns: copy }),
      ...(dev ? [] : [new BundleSizePlugin()]),
    ],
    performance: { hints: false },
    devServer: {
      port: DEV_PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      hot: false,
      client: { overlay: { errors: true, warnings: false } },
    },
  };

  if (env.WEBPACK_SERVE) {
    const https = await devHttpsOptions();
    if (https) config.devServer.server = { type: "https", options: https };
    else {
      config.devServer.server = "http";
      console.warn(
        "[dev-server] Office dev certificates are not installed: serving http://localhost:3000, which Office will not load.\n" +
          "             Run `npx office-addin-dev-certs install` once, then start again.",
      );
    }
  }
  return config;
};
