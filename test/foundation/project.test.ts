/**
 * The project's promises to a new user: the npm scripts of the template, a CI script that runs
 * exactly the README's commands, the layout, and no machine-specific paths in the files.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), "utf8");

describe("package.json scripts", () => {
  const scripts = JSON.parse(read("package.json")).scripts as Record<string, string>;

  it("has the template's script names", () => {
    for (const name of ["build", "build:dev", "dev-server", "start", "stop", "watch", "lint", "typecheck", "validate", "test"]) {
      expect(scripts[name]).toBeTruthy();
    }
  });

  it("sideloads through office-addin-debugging and validates manifest.xml offline", () => {
    expect(scripts.start).toBe("office-addin-debugging start manifest.xml");
    expect(scripts.stop).toBe("office-addin-debugging stop manifest.xml");
    expect(scripts.validate).toBe("tsx scripts/validate-manifest.ts manifest.xml");
    expect(scripts.build).toMatch(/^webpack --mode production/);
  });
});

describe(".ci/run", () => {
  const ci = read(".ci/run");
  const commands = ci
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.startsWith("npm "));

  it("is strict bash", () => {
    expect(ci.startsWith("#!/usr/bin/env bash\n")).toBe(true);
    expect(ci).toMatch(/^set -euo pipefail$/m);
    expect(fs.statSync(path.join(ROOT, ".ci/run")).mode & 0o111).not.toBe(0);
  });

  it("installs, type-checks, lints, validates, then runs the README's test command", () => {
    expect(commands.map((c) => c.split(" ").slice(0, 3).join(" "))).toEqual(["npm ci --no-audit", "npm run typecheck", "npm run lint", "npm run validate", "npm test"]);
  });

  it("uses the README's set-up and test commands", () => {
    const readme = read("README.md");
    expect(readme).toMatch(/^npm ci\b/m);
    expect(readme).toMatch(/^npm test\b/m);
    expect(commands[commands.length - 1]).toBe("npm test");
  });
});

describe("layout", () => {
  it("has the template's files", () => {
    for (const p of [
      "manifest.xml",
      "webpack.config.js",
      "tsconfig.json",
      "src/taskpane/taskpane.html",
      "src/taskpane/index.tsx",
      "src/taskpane/components/App.tsx",
      "src/commands/commands.html",
      "src/commands/commands.ts",
      "assets/icon-16.png",
      "assets/icon-32.png",
      "assets/icon-64.png",
      "assets/icon-80.png",
      "README.md",
    ]) {
      expect(fs.existsSync(path.join(ROOT, p))).toBe(true);
    }
  });

  it("keeps machine-specific absolute paths out of the foundation's files", () => {
    const files = [
      "manifest.xml",
      "webpack.config.js",
      "README.md",
      ".ci/run",
      "scripts/validate-manifest.ts",
      "scripts/make-icons.ts",
      "scripts/addin-build.js",
      "src/taskpane/taskpane.html",
      "src/commands/commands.html",
    ];
    for (const f of files) expect({ file: f, hit: /(?:\/work\/|\/home\/|\/Users\/|\/root\/|[A-Z]:\\\\)/.exec(read(f))?.[0] }).toEqual({ file: f, hit: undefined });
  });

  it("loads office.js in every page before the bundle, from a template parameter", () => {
    for (const page of ["src/taskpane/taskpane.html", "src/commands/commands.html"]) {
      const html = read(page);
      expect(html).toContain('<script src="<%= officeJsSrc %>"></script>');
      expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="<%= csp %>" />');
      expect(html).not.toMatch(/https?:\/\//);
    }
  });
});

describe(".ci/run and the browser tests", () => {
  it("installs Debian's chromium (and a Japanese font for the screenshots) when missing", () => {
    const ci = fs.readFileSync(path.join(__dirname, "../../.ci/run"), "utf8");
    expect(ci).toMatch(/apt-get install[^\n]*chromium[^\n]*fonts-ipafont-gothic/);
  });
});
