/**
 * Offline check of the add-in's XML manifest.
 *
 * Microsoft's validator (`office-addin-manifest validate`) posts the manifest to an online
 * service, which closed networks (LGWAN) cannot reach. This script checks what matters for this
 * add-in without a network: the XML is well-formed, the required elements are present and in
 * schema order, ids and URLs are consistent, every user-visible string has an en-US override,
 * and every icon exists at the size the manifest names.
 *
 *   tsx scripts/validate-manifest.ts [manifest.xml] [--base <dir>] [--pages]
 *
 * `--base` is the directory that the add-in's base URL maps to (default: the manifest's own
 * directory); icons are looked up there. `--pages` also requires the HTML pages (task pane,
 * commands, help) to exist there: use it on a build, `dist/manifest.xml --pages`.
 * Exit status: 0 valid, 1 faults found (one line each), 2 usage or I/O error.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { PNG } from "pngjs";

export interface ValidateOptions {
  /** Directory the add-in's base URL maps to; icons (and with `pages`, HTML pages) are looked up here. */
  baseDir: string;
  /** Also require every .html URL of the manifest to exist under baseDir (for a build in dist/). */
  pages?: boolean;
}

export interface ValidationResult {
  errors: string[];
}

const NS_APP = "http://schemas.microsoft.com/office/appforoffice/1.1";
const NS_OVERRIDES = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
const NS_BASIC_TYPES = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

/** The children of OfficeApp (TaskPaneApp), in the order the schema requires. */
const ROOT_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
] as const;

const REQUIRED_ROOT = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
] as const;

const DEFAULT_LOCALE = "ja-JP";
const OVERRIDE_LOCALE = "en-US";
const MIN_EXCEL_API = "1.7";
const RIBBON_ICON_SIZES = [16, 32, 80];
const MAX_RESID_LENGTH = 32;
const MAX_SHORT_STRING = 125;
const MAX_LONG_STRING = 250;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;

// ---------------------------------------------------------------------------------------------
// A small element tree over fast-xml-parser's ordered output, queried by local name so that the
// namespace prefixes a manifest happens to use (bt:, xsi:) do not matter.

interface XmlNode {
  name: string;
  local: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

type OrderedItem = Record<string, unknown> & { ":@"?: Record<string, string> };

function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

function toNodes(items: OrderedItem[]): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const item of items) {
    const name = Object.keys(item).find((k) => k !== ":@");
    if (!name || name === "#text" || name.startsWith("?") || name.startsWith("!")) continue;
    const raw = item[name];
    const childItems = Array.isArray(raw) ? (raw as OrderedItem[]) : [];
    const text = childItems
      .map((c) => (typeof c["#text"] === "string" || typeof c["#text"] === "number" ? String(c["#text"]) : ""))
      .join("");
    nodes.push({ name, local: localName(name), attrs: item[":@"] ?? {}, children: toNodes(childItems), text: text.trim() });
  }
  return nodes;
}

/** An attribute by local name (`type` finds `xsi:type`); namespace declarations are skipped. */
function attr(node: XmlNode, local: string): string | undefined {
  for (const [key, value] of Object.entries(node.attrs)) {
    if (key === "xmlns" || key.startsWith("xmlns:")) continue;
    if (localName(key) === local) return String(value);
  }
  return undefined;
}

function child(node: XmlNode | undefined, local: string): XmlNode | undefined {
  return node?.children.find((c) => c.local === local);
}

function children(node: XmlNode | undefined, local: string): XmlNode[] {
  return node ? node.children.filter((c) => c.local === local) : [];
}

function descendants(node: XmlNode | undefined, local: string, out: XmlNode[] = []): XmlNode[] {
  if (!node) return out;
  for (const c of node.children) {
    if (c.local === local) out.push(c);
    descendants(c, local, out);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

interface UrlUse {
  where: string;
  value: string;
}

interface ResourceEntry {
  kind: "Images" | "Urls" | "ShortStrings" | "LongStrings";
  id: string;
  node: XmlNode;
}

/** Parses `s` as a URL, or returns undefined. */
function parseUrl(s: string): URL | undefined {
  try {
    return new URL(s);
  } catch {
    return undefined;
  }
}

function readPngSize(file: string): { width: number; height: number } | string {
  try {
    const png = PNG.sync.read(fs.readFileSync(file));
    return { width: png.width, height: png.height };
  } catch (e) {
    return `cannot be read as PNG (${e instanceof Error ? e.message : String(e)})`;
  }
}

/** The size a file name announces: icon-16.png → 16, icon-32x32.png → 32. */
function sizeFromName(urlOrId: string): number | undefined {
  const m = /(\d+)(?:x\d+)?(?:\.png)?$/i.exec(urlOrId);
  return m ? Number(m[1]) : undefined;
}

/** Checks a manifest's text. Never throws for content problems: every fault is one message. */
export function validateManifest(xmlText: string, options: ValidateOptions): ValidationResult {
  const errors: string[] = [];
  const fail = (msg: string): void => {
    errors.push(msg);
  };

  const wellFormed = XMLValidator.validate(xmlText);
  if (wellFormed !== true) {
    fail(`not well-formed XML: ${wellFormed.err.msg} (line ${wellFormed.err.line}, column ${wellFormed.err.col})`);
    return { errors };
  }

  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  });
  const roots = toNodes(parser.parse(xmlText) as OrderedItem[]);
  const root = roots[0];
  if (!root || root.local !== "OfficeApp") {
    fail(`root element must be OfficeApp, found ${root ? root.name : "nothing"}`);
    return { errors };
  }
  if (root.attrs["xmlns"] !== NS_APP) fail(`OfficeApp must declare xmlns="${NS_APP}"`);
  if (attr(root, "type") !== "TaskPaneApp") fail(`OfficeApp xsi:type must be "TaskPaneApp", found "${attr(root, "type") ?? ""}"`);

  // Required elements and schema order.
  for (const name of REQUIRED_ROOT) {
    if (!child(root, name)) fail(`missing required element <${name}>`);
  }
  let lastIndex = -1;
  let lastName = "";
  for (const c of root.children) {
    const index = (ROOT_ORDER as readonly string[]).indexOf(c.local);
    if (index < 0) {
      fail(`unexpected element <${c.name}> in OfficeApp`);
      continue;
    }
    if (index < lastIndex) fail(`<${c.local}> must come before <${lastName}> (schema order)`);
    else if (index === lastIndex) fail(`<${c.local}> appears more than once`);
    else {
      lastIndex = index;
      lastName = c.local;
    }
  }

  // Identity.
  const id = child(root, "Id")?.text;
  if (id !== undefined && !GUID.test(id)) fail(`<Id> must be a GUID, found "${id}"`);
  const version = child(root, "Version")?.text;
  if (version !== undefined && !VERSION.test(version)) fail(`<Version> must look like 1.0.0.0, found "${version}"`);
  const provider = child(root, "ProviderName");
  if (provider && !provider.text) fail("<ProviderName> is empty");
  const defaultLocale = child(root, "DefaultLocale")?.text;
  if (defaultLocale !== undefined && defaultLocale !== DEFAULT_LOCALE) fail(`<DefaultLocale> must be ${DEFAULT_LOCALE}, found "${defaultLocale}"`);

  // Localised strings on the root.
  const checkLocalized = (node: XmlNode | undefined, label: string, maxLength?: number): void => {
    if (!node) return;
    const def = attr(node, "DefaultValue") ?? "";
    if (!def.trim()) fail(`${label} has no DefaultValue`);
    if (maxLength && def.length > maxLength) fail(`${label} DefaultValue is longer than ${maxLength} characters`);
    const overrides = children(node, "Override");
    for (const o of overrides) {
      if (!attr(o, "Locale")) fail(`${label} has an Override without Locale`);
      const v = attr(o, "Value") ?? "";
      if (!v.trim()) fail(`${label} Override ${attr(o, "Locale") ?? ""} has no Value`);
      if (maxLength && v.length > maxLength) fail(`${label} Override ${attr(o, "Locale") ?? ""} is longer than ${maxLength} characters`);
    }
    if (!overrides.some((o) => attr(o, "Locale") === OVERRIDE_LOCALE)) fail(`${label} has no ${OVERRIDE_LOCALE} Override`);
  };
  checkLocalized(child(root, "DisplayName"), "<DisplayName>", MAX_SHORT_STRING);
  checkLocalized(child(root, "Description"), "<Description>");

  // Host, requirements, permissions.
  const hosts = children(child(root, "Hosts"), "Host");
  if (child(root, "Hosts") && (hosts.length !== 1 || attr(hosts[0]!, "Name") !== "Workbook")) {
    fail(`<Hosts> must hold exactly <Host Name="Workbook"/>, found ${hosts.map((h) => attr(h, "Name") ?? "?").join(", ") || "none"}`);
  }
  const requirements = child(root, "Requirements");
  if (requirements) {
    const sets = children(child(requirements, "Sets"), "Set");
    const excelApi = sets.find((s) => attr(s, "Name") === "ExcelApi");
    if (!excelApi) fail(`<Requirements> must name <Set Name="ExcelApi" MinVersion="${MIN_EXCEL_API}"/>`);
    else if (attr(excelApi, "MinVersion") !== MIN_EXCEL_API) {
      fail(`ExcelApi MinVersion must be ${MIN_EXCEL_API}, found "${attr(excelApi, "MinVersion") ?? ""}"`);
    }
  }
  const permissions = child(root, "Permissions")?.text;
  if (permissions !== undefined && permissions !== "ReadWriteDocument") fail(`<Permissions> must be ReadWriteDocument, found "${permissions}"`);

  // The add-in's origin and base path come from DefaultSettings/SourceLocation.
  const sourceNode = child(child(root, "DefaultSettings"), "SourceLocation");
  const sourceValue = sourceNode ? attr(sourceNode, "DefaultValue") : undefined;
  if (child(root, "DefaultSettings") && !sourceValue) fail("<DefaultSettings> must hold <SourceLocation DefaultValue=…>");
  const source = sourceValue ? parseUrl(sourceValue) : undefined;
  if (sourceValue && !source) fail(`SourceLocation "${sourceValue}" is not a URL`);
  const basePath = source ? source.pathname.slice(0, source.pathname.lastIndexOf("/") + 1) : "/";

  const urls: UrlUse[] = [];
  const addUrl = (where: string, node: XmlNode | undefined): void => {
    if (!node) return;
    const def = attr(node, "DefaultValue");
    if (def === undefined || !def.trim()) fail(`${where} has no DefaultValue`);
    else urls.push({ where, value: def });
    for (const o of children(node, "Override")) {
      const v = attr(o, "Value");
      if (v) urls.push({ where: `${where} (${attr(o, "Locale") ?? "?"})`, value: v });
    }
  };
  addUrl("<SourceLocation>", sourceNode);
  addUrl("<IconUrl>", child(root, "IconUrl"));
  addUrl("<HighResolutionIconUrl>", child(root, "HighResolutionIconUrl"));
  addUrl("<SupportUrl>", child(root, "SupportUrl"));

  // AppDomains: bare https origins only (this add-in needs none).
  for (const d of children(child(root, "AppDomains"), "AppDomain")) {
    const u = parseUrl(d.text);
    if (!u || u.protocol !== "https:" || (u.pathname !== "/" && u.pathname !== "") || u.search || u.hash || d.text.endsWith("/")) {
      fail(`<AppDomain> "${d.text}" must be a bare https origin such as https://intranet.example`);
    } else if (source && u.origin === source.origin) {
      fail(`<AppDomain> "${d.text}" repeats the add-in's own origin`);
    }
  }

  // VersionOverrides: ribbon, resources, resids.
  const overrides = child(root, "VersionOverrides");
  const resources = new Map<string, ResourceEntry>();
  const iconSizesByResid = new Map<string, Set<number>>();
  if (overrides) {
    if (overrides.attrs["xmlns"] !== NS_OVERRIDES) fail(`<VersionOverrides> must declare xmlns="${NS_OVERRIDES}"`);
    if (attr(overrides, "type") !== "VersionOverridesV1_0") fail(`<VersionOverrides> xsi:type must be "VersionOverridesV1_0"`);
    const declaresBt = Object.entries({ ...root.attrs, ...overrides.attrs }).some(([k, v]) => k.startsWith("xmlns:") && v === NS_BASIC_TYPES);
    if (!declaresBt) fail(`the basic types namespace ${NS_BASIC_TYPES} is not declared`);

    const res = child(overrides, "Resources");
    if (!res) fail("<VersionOverrides> has no <Resources>");
    const groups: Array<[ResourceEntry["kind"], string, number | undefined]> = [
      ["Images", "Image", undefined],
      ["Urls", "Url", undefined],
      ["ShortStrings", "String", MAX_SHORT_STRING],
      ["LongStrings", "String", MAX_LONG_STRING],
    ];
    for (const [kind, itemName, maxLength] of groups) {
      for (const item of children(child(res, kind), itemName)) {
        const rid = attr(item, "id");
        if (!rid) {
          fail(`a <${item.name}> in ${kind} has no id`);
          continue;
        }
        if (rid.length > MAX_RESID_LENGTH) fail(`resource id "${rid}" is longer than ${MAX_RESID_LENGTH} characters`);
        if (resources.has(rid)) fail(`resource id "${rid}" is defined more than once`);
        resources.set(rid, { kind, id: rid, node: item });
        const label = `${kind} "${rid}"`;
        if (kind === "Images" || kind === "Urls") addUrl(label, item);
        checkLocalized(item, label, maxLength);
      }
    }

    const host = child(child(overrides, "Hosts"), "Host");
    if (!host) fail("<VersionOverrides> has no <Hosts><Host>");
    else if (attr(host, "type") !== "Workbook") fail(`VersionOverrides <Host> xsi:type must be "Workbook"`);
    const desktop = child(host, "DesktopFormFactor");
    if (host && !desktop) fail("VersionOverrides <Host> has no <DesktopFormFactor>");
    if (desktop && !child(desktop, "FunctionFile")) fail("<DesktopFormFactor> has no <FunctionFile>");

    // Every resid must name a resource of the right kind.
    const expectedKind = (el: string): ResourceEntry["kind"] | undefined => {
      switch (el) {
        case "Image":
          return "Images";
        case "SourceLocation":
        case "FunctionFile":
        case "LearnMoreUrl":
          return "Urls";
        case "Label":
        case "Title":
          return "ShortStrings";
        case "Description":
          return "LongStrings";
        default:
          return undefined;
      }
    };
    const visit = (node: XmlNode): void => {
      const resid = attr(node, "resid");
      if (resid !== undefined) {
        const entry = resources.get(resid);
        const kind = expectedKind(node.local);
        if (!entry) fail(`<${node.name} resid="${resid}"> names no resource in <Resources>`);
        else if (kind && entry.kind !== kind) fail(`<${node.name} resid="${resid}"> must name one of ${kind}, but "${resid}" is in ${entry.kind}`);
        if (node.local === "Image") {
          const size = Number(attr(node, "size"));
          const set = iconSizesByResid.get(resid) ?? new Set<number>();
          set.add(size);
          iconSizesByResid.set(resid, set);
        }
      }
      node.children.forEach(visit);
    };
    if (host) visit(host);

    // Ribbon: a group on the Home tab with a button that shows the task pane.
    const tabs = descendants(host, "OfficeTab");
    const homeTab = tabs.find((t) => attr(t, "id") === "TabHome");
    if (!homeTab) fail(`no ribbon group on the Home tab (<OfficeTab id="TabHome">)`);
    const showPane = descendants(homeTab, "Action").find((a) => attr(a, "type") === "ShowTaskpane");
    if (homeTab && !showPane) fail("the Home tab group has no button with <Action xsi:type=\"ShowTaskpane\">");
    if (showPane) {
      const paneResid = attr(child(showPane, "SourceLocation") ?? showPane, "resid");
      const paneUrl = paneResid ? resources.get(paneResid) : undefined;
      const paneValue = paneUrl ? attr(paneUrl.node, "DefaultValue") : undefined;
      if (paneValue && sourceValue && paneValue !== sourceValue) {
        fail(`the ShowTaskpane button opens "${paneValue}" but DefaultSettings/SourceLocation is "${sourceValue}"`);
      }
    }
    for (const icon of descendants(host, "Icon")) {
      const sizes = children(icon, "Image").map((i) => Number(attr(i, "size")));
      for (const s of RIBBON_ICON_SIZES) {
        if (!sizes.includes(s)) fail(`a ribbon <Icon> has no ${s} px image`);
      }
    }
    const ids = new Map<string, number>();
    for (const el of [...descendants(host, "Group"), ...descendants(host, "Control")]) {
      const elId = attr(el, "id");
      if (!elId) fail(`a <${el.local}> has no id`);
      else ids.set(elId, (ids.get(elId) ?? 0) + 1);
    }
    for (const [elId, n] of ids) if (n > 1) fail(`ribbon id "${elId}" is used ${n} times`);
  }

  // Every URL: https, same origin as SourceLocation, under its base path.
  for (const u of urls) {
    const parsed = parseUrl(u.value);
    if (!parsed) {
      fail(`${u.where}: "${u.value}" is not a URL`);
      continue;
    }
    if (parsed.protocol !== "https:") fail(`${u.where}: "${u.value}" must use https`);
    if (source && parsed.origin !== source.origin) fail(`${u.where}: "${u.value}" is not on the add-in's origin ${source.origin}`);
    else if (source && !parsed.pathname.startsWith(basePath)) fail(`${u.where}: "${u.value}" is outside the add-in's base path ${basePath}`);
  }

  // Icons: the file behind every image URL exists under baseDir/assets at the size named for it.
  const expected = new Map<string, Array<{ size: number | undefined; where: string }>>();
  const expectIcon = (url: string | undefined, size: number | undefined, where: string): void => {
    if (!url) return;
    const uses = expected.get(url) ?? [];
    uses.push({ size: size !== undefined && Number.isFinite(size) ? size : undefined, where });
    expected.set(url, uses);
  };
  const iconUrl = child(root, "IconUrl");
  const hiResUrl = child(root, "HighResolutionIconUrl");
  expectIcon(iconUrl && attr(iconUrl, "DefaultValue"), 32, "<IconUrl>");
  expectIcon(hiResUrl && attr(hiResUrl, "DefaultValue"), 64, "<HighResolutionIconUrl>");
  for (const entry of resources.values()) {
    if (entry.kind !== "Images") continue;
    const sizes = [...(iconSizesByResid.get(entry.id) ?? [])];
    if (sizes.length > 1) fail(`Images "${entry.id}" is used at several sizes (${sizes.join(", ")})`);
    const values = [attr(entry.node, "DefaultValue"), ...children(entry.node, "Override").map((o) => attr(o, "Value"))];
    for (const v of values) expectIcon(v, sizes[0] ?? sizeFromName(entry.id), `Images "${entry.id}"`);
  }
  for (const [url, uses] of expected) {
    const parsed = parseUrl(url);
    if (!parsed || !source || parsed.origin !== source.origin || !parsed.pathname.startsWith(basePath)) continue; // reported above
    const rel = decodeURIComponent(parsed.pathname.slice(basePath.length));
    const where = uses[0]!.where;
    if (!rel.startsWith("assets/")) {
      fail(`${where}: icon "${url}" must be under assets/`);
      continue;
    }
    const named = sizeFromName(rel);
    const sizes = new Set<number>();
    for (const use of uses) {
      const size = use.size ?? named;
      if (size === undefined) continue;
      if (named !== undefined && size !== named) fail(`${use.where}: icon file ${rel} is named for ${named} px but used at ${size} px`);
      sizes.add(size);
    }
    if (sizes.size > 1) fail(`icon file ${rel} is used at several sizes (${[...sizes].join(", ")} px); one file can have one size`);
    const file = path.join(options.baseDir, ...rel.split("/"));
    if (!fs.existsSync(file)) {
      fail(`${where}: icon file ${rel} does not exist`);
      continue;
    }
    const actual = readPngSize(file);
    if (typeof actual === "string") {
      fail(`${where}: icon file ${rel} ${actual}`);
      continue;
    }
    const want = named ?? [...sizes][0];
    if (want !== undefined && (actual.width !== want || actual.height !== want)) {
      fail(`${where}: icon file ${rel} is ${actual.width}×${actual.height} px, expected ${want}×${want}`);
    }
  }

  // Pages (on a build): every .html URL exists under baseDir.
  if (options.pages && source) {
    const seen = new Set<string>();
    for (const u of urls) {
      const parsed = parseUrl(u.value);
      if (!parsed || parsed.origin !== source.origin || !parsed.pathname.startsWith(basePath)) continue;
      const rel = decodeURIComponent(parsed.pathname.slice(basePath.length));
      if (!rel.endsWith(".html") || seen.has(rel)) continue;
      seen.add(rel);
      if (!fs.existsSync(path.join(options.baseDir, ...rel.split("/")))) fail(`${u.where}: page ${rel} does not exist in ${options.baseDir}`);
    }
  }

  return { errors };
}

/** Reads and checks a manifest file; the base directory defaults to the manifest's own. */
export function validateManifestFile(file: string, options: Partial<ValidateOptions> = {}): ValidationResult {
  const text = fs.readFileSync(file, "utf8");
  return validateManifest(text, { baseDir: options.baseDir ?? path.dirname(path.resolve(file)), pages: options.pages });
}

function main(argv: string[]): number {
  let file = "manifest.xml";
  let baseDir: string | undefined;
  let pages = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--base") baseDir = argv[++i];
    else if (a === "--pages") pages = true;
    else if (a === "-h" || a === "--help") {
      console.log("usage: tsx scripts/validate-manifest.ts [manifest.xml] [--base <dir>] [--pages]");
      return 0;
    } else if (a.startsWith("-")) {
      console.error(`unknown option ${a}`);
      return 2;
    } else file = a;
  }
  let result: ValidationResult;
  try {
    result = validateManifestFile(file, { baseDir, pages });
  } catch (e) {
    console.error(`${file}: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  if (result.errors.length > 0) {
    for (const err of result.errors) console.error(`${file}: ${err}`);
    console.error(`${file}: ${result.errors.length} fault(s); the manifest is not valid.`);
    return 1;
  }
  console.log(`${file}: valid (checked offline).`);
  return 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
