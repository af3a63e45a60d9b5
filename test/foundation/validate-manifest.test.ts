/**
 * The offline manifest validator: the repository's manifest passes, and each kind of fault in a
 * temporary copy is reported.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { validateManifest, validateManifestFile } from "../../scripts/validate-manifest";
import { renderIcon } from "../../scripts/make-icons";

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

const temps: string[] = [];

/** A temporary copy of manifest.xml and assets/, after `edit` has changed the manifest text. */
function tempCopy(edit: (xml: string) => string = (x) => x): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-manifest-"));
  temps.push(dir);
  fs.cpSync(path.join(ROOT, "assets"), path.join(dir, "assets"), { recursive: true });
  const file = path.join(dir, "manifest.xml");
  fs.writeFileSync(file, edit(MANIFEST));
  return { dir, file };
}

/** Replaces exactly one occurrence (fails loudly if the manifest changed shape). */
function replaceOnce(xml: string, from: string | RegExp, to: string): string {
  const count = typeof from === "string" ? xml.split(from).length - 1 : (xml.match(new RegExp(from.source, "g")) ?? []).length;
  if (count < 1) throw new Error(`test fixture: ${String(from)} not found in manifest.xml`);
  return xml.replace(from, to);
}

function errorsOf(edit: (xml: string) => string, prepare?: (dir: string) => void): string[] {
  const { dir, file } = tempCopy(edit);
  prepare?.(dir);
  return validateManifestFile(file).errors;
}

afterAll(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

describe("validateManifest", () => {
  it("accepts the repository's manifest.xml", () => {
    expect(validateManifest(MANIFEST, { baseDir: ROOT }).errors).toEqual([]);
  });

  it("accepts an unchanged copy", () => {
    expect(errorsOf((x) => x)).toEqual([]);
  });

  it("reports an icon whose file is missing", () => {
    const errors = errorsOf((x) => x.split("assets/icon-80.png").join("assets/icon-missing-80.png"));
    expect(errors).toEqual(expect.arrayContaining([expect.stringContaining("icon file assets/icon-missing-80.png does not exist")]));
  });

  it("reports an icon file deleted from assets/", () => {
    const errors = errorsOf((x) => x, (dir) => fs.rmSync(path.join(dir, "assets", "icon-32.png")));
    expect(errors).toEqual(expect.arrayContaining([expect.stringContaining("icon file assets/icon-32.png does not exist")]));
  });

  it("reports an icon of the wrong size", () => {
    const errors = errorsOf((x) => x, (dir) => fs.writeFileSync(path.join(dir, "assets", "icon-16.png"), renderIcon(20)));
    expect(errors).toEqual(expect.arrayContaining([expect.stringContaining("icon file assets/icon-16.png is 20×20 px, expected 16×16")]));
  });

  it("reports an icon file that is not a PNG", () => {
    const errors = errorsOf((x) => x, (dir) => fs.writeFileSync(path.join(dir, "assets", "icon-64.png"), "not a png"));
    expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(/icon-64\.png cannot be read as PNG/)]));
  });

  it("reports an icon used at a size its name contradicts", () => {
    const errors = errorsOf((x) => replaceOnce(x, /(<bt:Image id="Icon\.80x80" DefaultValue="[^"]*)icon-80\.png/, "$1icon-64.png"));
    expect(errors).toEqual(expect.arrayContaining([expect.stringContaining("named for 64 px but used at 80 px")]));
  });

  it.each([
    ["Permissions", /\s*<Permissions>ReadWriteDocument<\/Permissions>/],
    ["DefaultLocale", /\s*<DefaultLocale>ja-JP<\/DefaultLocale>/],
    ["Requirements", /\s*<Requirements>[\s\S]*?<\/Requirements>/],
    ["Hosts", /\s*<Hosts>\s*<Host Name="Workbook"\/>\s*<\/Hosts>/],
    ["IconUrl", /\s*<IconUrl [^>]*\/>/],
  ])("reports the missing required element <%s>", (name, pattern) => {
    const errors = errorsOf((x) => replaceOnce(x, pattern, ""));
    expect(errors).toEqual(expect.arrayContaining([`missing required element <${name}>`]));
  });

  it("reports a URL whose host differs from SourceLocation's", () => {
    const errors = errorsOf((x) => replaceOnce(x, 'DefaultValue="https://localhost:3000/commands.html"', 'DefaultValue="https://evil.example/commands.html"'));
    expect(errors).toEqual(
      expect.arrayContaining([expect.stringMatching(/Urls "Commands\.Url": "https:\/\/evil\.example\/commands\.html" is not on the add-in's origin https:\/\/localhost:3000/)]),
    );
  });

  it("reports a port mismatch as a different origin", () => {
    const errors = errorsOf((x) => replaceOnce(x, '<IconUrl DefaultValue="https://localhost:3000/', '<IconUrl DefaultValue="https://localhost:3001/'));
    expect(errors).toEqual(expect.arrayContaining([expect.stringContaining("<IconUrl>: \"https://localhost:3001/assets/icon-32.png\" is not on the add-in's origin")]));
  });

  it("reports a URL that is not https", () => {
    const errors = errorsOf((x) => x.split("https://localhost:3000/").join("http://localhost:3000/"));
    expect(errors).toEqual(expect.arrayContaining([expect.stringContaining('"http://localhost:3000/taskpane.html" must use https')]));
  });

  it("reports a string without an en-US override", () => {
    const errors = errorsOf((x) => replaceOnce(x, /\s*<bt:Override Locale="en-US" Value="KPI pane"\/>/, ""));
    expect(errors).toEqual(expect.arrayContaining(['ShortStrings "OpenPane.Label" has no en-US Override']));
  });

  it("reports DisplayName without an en-US override", () => {
    const errors = errorsOf((x) => replaceOnce(x, /\s*<Override Locale="en-US" Value="KPI Sheets"\/>/, ""));
    expect(errors).toEqual(expect.arrayContaining(["<DisplayName> has no en-US Override"]));
  });

  it("reports a resid that names no resource, and one of the wrong kind", () => {
    const missing = errorsOf((x) => replaceOnce(x, '<FunctionFile resid="Commands.Url"/>', '<FunctionFile resid="Nothing.Url"/>'));
    expect(missing).toEqual(expect.arrayContaining([expect.stringContaining('resid="Nothing.Url"> names no resource')]));
    const wrongKind = errorsOf((x) => replaceOnce(x, '<FunctionFile resid="Commands.Url"/>', '<FunctionFile resid="Group.Label"/>'));
    expect(wrongKind).toEqual(expect.arrayContaining([expect.stringContaining('must name one of Urls, but "Group.Label" is in ShortStrings')]));
  });

  it("reports a task pane button that opens another page than SourceLocation", () => {
    const errors = errorsOf((x) =>
      replaceOnce(x, 'id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"', 'id="Taskpane.Url" DefaultValue="https://localhost:3000/other.html"'),
    );
    expect(errors).toEqual(expect.arrayContaining([expect.stringContaining('the ShowTaskpane button opens "https://localhost:3000/other.html"')]));
  });

  it.each([
    ["an Id that is not a GUID", (x: string) => replaceOnce(x, /<Id>[^<]*<\/Id>/, "<Id>my-addin</Id>"), '<Id> must be a GUID, found "my-addin"'],
    ["another DefaultLocale", (x: string) => replaceOnce(x, "<DefaultLocale>ja-JP<", "<DefaultLocale>en-US<"), '<DefaultLocale> must be ja-JP, found "en-US"'],
    ["another ExcelApi version", (x: string) => replaceOnce(x, 'Name="ExcelApi" MinVersion="1.7"', 'Name="ExcelApi" MinVersion="1.12"'), 'ExcelApi MinVersion must be 1.7, found "1.12"'],
    ["read-only permissions", (x: string) => replaceOnce(x, ">ReadWriteDocument<", ">ReadDocument<"), '<Permissions> must be ReadWriteDocument, found "ReadDocument"'],
    ["a content add-in", (x: string) => replaceOnce(x, 'xsi:type="TaskPaneApp"', 'xsi:type="ContentApp"'), 'OfficeApp xsi:type must be "TaskPaneApp", found "ContentApp"'],
    ["a Document host", (x: string) => replaceOnce(x, '<Host Name="Workbook"/>', '<Host Name="Document"/>'), '<Hosts> must hold exactly <Host Name="Workbook"/>, found Document'],
    ["elements out of order", (x: string) => replaceOnce(x, /(<Version>[^<]*<\/Version>)(\s*)(<ProviderName>[^<]*<\/ProviderName>)/, "$3$2$1"), "<Version> must come before <ProviderName> (schema order)"],
    ["a duplicate resource id", (x: string) => replaceOnce(x, 'bt:String id="Group.Label"', 'bt:String id="GetStarted.Title"'), 'resource id "GetStarted.Title" is defined more than once'],
    ["an AppDomain with a path", (x: string) => replaceOnce(x, "  <Hosts>", "  <AppDomains><AppDomain>https://intranet.example/kpi</AppDomain></AppDomains>\n  <Hosts>"), '<AppDomain> "https://intranet.example/kpi" must be a bare https origin such as https://intranet.example'],
    ["no Home tab group", (x: string) => replaceOnce(x, 'OfficeTab id="TabHome"', 'OfficeTab id="TabData"'), 'no ribbon group on the Home tab (<OfficeTab id="TabHome">)'],
    ["a ribbon icon without its 80 px image", (x: string) => replaceOnce(x, /\s*<bt:Image size="80" resid="Icon\.80x80"\/>/, ""), "a ribbon <Icon> has no 80 px image"],
  ])("reports %s", (_label, edit, message) => {
    expect(errorsOf(edit)).toEqual(expect.arrayContaining([message]));
  });

  it("reports XML that is not well-formed, and nothing else", () => {
    const errors = validateManifest(MANIFEST.replace("</Permissions>", "</Permission>"), { baseDir: ROOT }).errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^not well-formed XML: .*line \d+/);
  });

  it("reports a root element other than OfficeApp", () => {
    expect(validateManifest('<?xml version="1.0"?><App/>', { baseDir: ROOT }).errors).toEqual(["root element must be OfficeApp, found App"]);
  });

  it("with pages, requires the HTML pages beside the manifest", () => {
    const { dir, file } = tempCopy();
    const errors = validateManifestFile(file, { pages: true }).errors;
    expect(errors).toEqual(expect.arrayContaining([expect.stringContaining("page taskpane.html does not exist"), expect.stringContaining("page commands.html does not exist")]));
    for (const page of ["taskpane.html", "commands.html", "help.html"]) fs.writeFileSync(path.join(dir, page), "<!doctype html>");
    expect(validateManifestFile(file, { pages: true }).errors).toEqual([]);
  });
});

describe("validate-manifest CLI", () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [require.resolve("tsx/cli"), path.join(ROOT, "scripts", "validate-manifest.ts"), ...args], { cwd: ROOT, encoding: "utf8" });

  it("exits 0 on the repository's manifest and non-zero with a message on a faulty one", () => {
    const good = run("manifest.xml");
    expect(good.stdout).toContain("valid");
    expect(good.status).toBe(0);

    const { file } = tempCopy((x) => x.split("assets/icon-16.png").join("assets/nothing-16.png"));
    const bad = run(file);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("icon file assets/nothing-16.png does not exist");
    expect(bad.stderr).toContain("the manifest is not valid");
  }, 60_000);
});
