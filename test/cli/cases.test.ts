/**
 * kpi-sheets as a hostile but ordinary user would try it: one table, every case with its command,
 * exit code, the words its message must hold, the outputs that must (and must not) exist, and
 * every input file byte for byte unchanged (sha256 before and after). No other file may appear:
 * no half-written output, no temporary file left behind.
 */
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { ReportSchema, type Report } from "../../src/app/report";
import { main } from "../../src/cli/main";
import { PYTHON, readerAvailable } from "../helpers/externalReaders";
import { writeCaseFiles } from "./caseFiles";

interface Case {
  name: string;
  argv: string[];
  exit: 0 | 1 | 2;
  /** Words stdout or stderr must hold. */
  says: string[];
  /** Words neither may hold. */
  saysNot?: string[];
  /** Files that must exist after the run (the only new files allowed). */
  outputs?: string[];
  /** Links made before the run: name → target (symbolic), or `hard:` + target. */
  links?: Record<string, string>;
  env?: Record<string, string>;
  /** More checks on the result. */
  then?: (r: { dir: string; stdout: string; stderr: string; report: () => Report }) => void | Promise<void>;
}

const JA = { LANG: "ja_JP.UTF-8" };

const CASES: Case[] = [
  // Paths: an output is never an input, nor another output; checked before anything is read.
  { name: "check --json naming the workbook", argv: ["check", "book.xlsx", "--json", "book.xlsx"], exit: 1, says: ["--json「book.xlsx」はブック「book.xlsx」と同じファイル"] },
  { name: "evaluate --json naming the workbook", argv: ["evaluate", "book.xlsx", "--year", "R7", "--json", "book.xlsx"], exit: 1, says: ["同じファイル", "入力ファイルには書き込みません"] },
  { name: "--out a symbolic link to the workbook", argv: ["evaluate", "book.xlsx", "--year", "R7", "--out", "link.xlsx"], links: { "link.xlsx": "book.xlsx" }, exit: 1, says: ["--out「link.xlsx」はブック「book.xlsx」と同じファイル"] },
  { name: "--out a hard link to the workbook", argv: ["evaluate", "book.xlsx", "--year", "R7", "--out", "hard.xlsx"], links: { "hard.xlsx": "hard:book.xlsx" }, exit: 1, says: ["同じファイル"] },
  { name: "the default output a link to the workbook", argv: ["evaluate", "book.xlsx", "--year", "R7"], links: { "book.evaluated.xlsx": "book.xlsx" }, exit: 1, says: ["出力ファイル「book.evaluated.xlsx」はブック「book.xlsx」と同じファイル"] },
  { name: "--out the workbook by another spelling", argv: ["evaluate", "book.xlsx", "--year", "R7", "--out", "sub/../book.xlsx"], exit: 1, says: ["同じファイル"] },
  { name: "--json naming the actuals CSV", argv: ["fill", "book.xlsx", "--year", "R7", "--actuals", "r7.csv", "--json", "r7.csv"], exit: 1, says: ["--json「r7.csv」は--actuals「r7.csv」と同じファイル"] },
  { name: "--out naming the actuals CSV", argv: ["fill", "book.xlsx", "--year", "R7", "--actuals", "r7.csv", "--out", "r7.csv"], exit: 1, says: ["--out「r7.csv」は--actuals「r7.csv」と同じファイル"] },
  { name: "--out equal to --json", argv: ["evaluate", "book.xlsx", "--year", "R7", "--out", "o.xlsx", "--json", "o.xlsx"], exit: 1, says: ["--out「o.xlsx」と--json「o.xlsx」が同じファイル"] },
  { name: "--json naming the preset", argv: ["evaluate", "book.xlsx", "--year", "R7", "--preset", "preset-bom.json", "--json", "preset-bom.json"], exit: 1, says: ["--preset「preset-bom.json」と同じファイル"] },
  { name: "--out naming the layout", argv: ["evaluate", "book.xlsx", "--year", "R7", "--layout", "layout.json", "--out", "layout.json"], exit: 1, says: ["--layout「layout.json」と同じファイル"] },
  { name: "--out into a missing folder", argv: ["evaluate", "book.xlsx", "--year", "R7", "--out", "missing/o.xlsx"], exit: 1, says: ["書き込み先フォルダー「missing」がありません"], saysNot: ["    at "] },
  { name: "--json into a missing folder: the workbook is not written either", argv: ["evaluate", "book.xlsx", "--year", "R7", "--json", "missing/r.json"], exit: 1, says: ["--json「missing/r.json」の書き込み先フォルダー「missing」がありません"] },
  { name: "--out under a file", argv: ["evaluate", "book.xlsx", "--year", "R7", "--out", "notes.txt/o.xlsx"], exit: 1, says: ["「notes.txt」はフォルダーではありません"] },
  { name: "--out a folder", argv: ["evaluate", "book.xlsx", "--year", "R7", "--out", "sub"], exit: 1, says: ["--out「sub」はフォルダーです"] },
  { name: "separate outputs are written whole, nothing else", argv: ["evaluate", "book.xlsx", "--year", "R7", "--out", "sub/o.xlsx", "--json", "r.json"], exit: 0, says: ["出力: sub/o.xlsx", "レポート: r.json"], outputs: ["sub/o.xlsx", "r.json"] },

  // A formula is the user's value.
  { name: "fill: a formula without a computed value is a conflict, not 新規", argv: ["fill", "formula.xlsx", "--year", "R7", "--actuals", "kifu.csv"], exit: 1, says: ["競合（未変更） 1", "式「=1600+73」（計算結果なし）", "ファイルは作成しませんでした"], saysNot: ["新規"] },
  { name: "fill --overwrite replaces the formula on request", argv: ["fill", "formula.xlsx", "--year", "R7", "--actuals", "kifu.csv", "--overwrite"], exit: 0, says: ["上書き 1", "式「=1600+73」（計算結果なし）を 1,700 件 で上書き"], outputs: ["formula.filled.xlsx"] },
  {
    name: "evaluate: not computed yet, not missing, not highlighted", argv: ["evaluate", "formula.xlsx", "--year", "R7", "--json", "r.json"], exit: 0,
    says: ["式「=1600+73」に計算結果がありません（未計算）", "未入力ではありません"], outputs: ["formula.evaluated.xlsx", "r.json"],
    then: async ({ dir, stdout, report }) => {
      const kifu = report().indicators.find((i) => i.name === "寄附件数")!;
      expect(kifu.flags).toEqual(expect.arrayContaining(["formula-not-computed"]));
      expect(kifu.flags).not.toContain("missing-actual");
      expect(stdout).not.toMatch(/産業振興課 \d+件: .*寄附件数/);
      const sheet = await sheetXml(path.join(dir, "formula.evaluated.xlsx"), "事業12");
      expect(sheet).toMatch(/<c r="G13"[^>]*><f>1600\+73<\/f><\/c>|<c r="G13"[^>]*><f>1600\+73<\/f><v><\/v><\/c>/);
    },
  },

  // CSV honesty.
  { name: "a quoted line break is refused, not joined into 23", argv: ["fill", "book.xlsx", "--year", "R7", "--actuals", "newline.csv"], exit: 1, says: ["newline.csv 2行目", "改行が含まれています", "2⏎3"] },
  { name: "an unquoted 1,234 is a column-count error naming the line", argv: ["fill", "book.xlsx", "--year", "R7", "--actuals", "comma.csv"], exit: 1, says: ["comma.csv 2行目: 列の数が見出しと違います（見出し 3 列、この行 4 列）"] },
  {
    name: "two actual columns: --year picks 実績値R7 by its header", argv: ["fill", "book.xlsx", "--year", "R7", "--actuals", "years.csv", "--json", "r.json"], exit: 0, says: ["新規 1"], outputs: ["book.filled.xlsx", "r.json"],
    then: ({ report }) => expect(report().fill?.[0].message).toContain("1,000 人 を書き込みます"),
  },
  { name: "two actual columns, neither of --year", argv: ["fill", "book.xlsx", "--year", "R8", "--actuals", "years.csv"], exit: 1, says: ["--actuals「years.csv」", "R8 の列がありません"] },
  { name: "a header year other than --year is refused", argv: ["fill", "book.xlsx", "--year", "R7", "--actuals", "r6.csv"], exit: 1, says: ["見出し「R6実績」は R6 の実績ですが、書き込む年度は R7 です"] },
  { name: "a % value for an indicator counted in 人 is a warning", argv: ["fill", "book.xlsx", "--year", "R7", "--actuals", "unit.csv"], exit: 2, says: ["[単位の警告]", "指標の単位は「人」ですが、実績値「50%」の単位は「%」です"], outputs: ["book.filled.xlsx"] },
  { name: "formula text in a CSV stays text", argv: ["fill", "book.xlsx", "--year", "R7", "--actuals", "formula-text.csv"], exit: 0, says: ["新規 1"], outputs: ["book.filled.xlsx"], then: async ({ dir }) => expect(await sheetXml(path.join(dir, "book.filled.xlsx"), "事業11")).not.toContain("<f>1+1</f>") },
  { name: "project numbers as written; a wrong one is blamed", argv: ["fill", "book.xlsx", "--year", "R7", "--actuals", "projectno.csv"], exit: 2, says: ["新規 1、変更なし 1、該当なし 1", "事業番号「24」の事業にこの指標はありません（この名前の指標は 事業18 にあります）"], outputs: ["book.filled.xlsx"] },
  { name: "text over 32,767 characters refused, a 1,000-character name cut", argv: ["fill", "book.xlsx", "--year", "R7", "--actuals", "long.csv"], exit: 1, says: ["Excel の1セルの上限（32,767 文字）", "…（全 1,000 文字）"], then: ({ stdout }) => expect(Math.max(...stdout.split("\n").map((l) => l.length))).toBeLessThan(600) },
  {
    name: "1,000 unmatched rows: the console list is cut, the JSON complete", argv: ["fill", "book.xlsx", "--year", "R7", "--actuals", "many.csv", "--json", "r.json"], exit: 1, says: ["該当なし 1000", "…ほか 970 件（--json で全件）"], outputs: ["r.json"],
    then: ({ stdout, report }) => {
      expect(stdout.split("\n").length).toBeLessThan(50);
      expect(report().fill).toHaveLength(1000);
    },
  },
  { name: "an empty CSV", argv: ["fill", "book.xlsx", "--year", "R7", "--actuals", "empty.csv"], exit: 1, says: ["--actuals「empty.csv」: ファイルが空です"] },

  // Encodings.
  { name: "Shift_JIS", argv: ["fill", "book.xlsx", "--year", "R7", "--actuals", "sjis.csv"], exit: 0, says: ["新規 1"], outputs: ["book.filled.xlsx"] },
  { name: "Excel's 「Unicode テキスト」 (UTF-16LE, tabs)", argv: ["fill", "book.xlsx", "--year", "R7", "--actuals", "unicode.txt"], exit: 0, says: ["新規 1"], outputs: ["book.filled.xlsx"] },
  { name: "UTF-16BE with its BOM", argv: ["fill", "book.xlsx", "--year", "R7", "--actuals", "utf16be.txt"], exit: 0, says: ["新規 1"], outputs: ["book.filled.xlsx"] },
  { name: "EUC-JP is refused naming the encodings tried", argv: ["fill", "book.xlsx", "--year", "R7", "--actuals", "euc.csv"], exit: 1, says: ["文字コードを判別できません（試した文字コード: UTF-8、Shift_JIS）", "--encoding"] },
  { name: "--encoding euc-jp reads it", argv: ["fill", "book.xlsx", "--year", "R7", "--actuals", "euc.csv", "--encoding", "euc-jp"], exit: 0, says: ["新規 1"], outputs: ["book.filled.xlsx"] },
  { name: "UTF-8 with one stray byte is refused naming the line", argv: ["fill", "book.xlsx", "--year", "R7", "--actuals", "stray.csv"], exit: 1, says: ["2行目に UTF-8 として正しくないバイトがあります"] },
  { name: "an unknown --encoding", argv: ["fill", "book.xlsx", "--year", "R7", "--actuals", "r7.csv", "--encoding", "latin1"], exit: 1, says: ["--encoding の「latin1」は扱えません"] },

  // References with units.
  { name: "--ref 2.5 for a % indicator suggests 2.5%", argv: ["evaluate", "book.xlsx", "--year", "R7", "--ref", "法定雇用率=2.5"], exit: 1, says: ["指標「障害者雇用率」は % の指標です", "--ref 法定雇用率=2.5% と指定してください"] },
  { name: "--ref in another unit", argv: ["evaluate", "book.xlsx", "--year", "R7", "--ref", "法定雇用率=2.5人"], exit: 1, says: ["単位は「%」ですが、指定された値の単位は「人」です"] },
  {
    name: "--ref 2.5% is explained as 2.5%", argv: ["evaluate", "book.xlsx", "--year", "R7", "--ref", "法定雇用率=2.5%", "--json", "r.json"], exit: 0, says: ["出力: book.evaluated.xlsx"], outputs: ["book.evaluated.xlsx", "r.json"],
    then: ({ report }) => expect(report().indicators.find((i) => i.name === "障害者雇用率")!.explanation).toBe("達成率 = 実績 3.07% ÷ 目標 2.5%以上 = 122.8% → A"),
  },
  { name: "--ref given twice for one name", argv: ["evaluate", "book.xlsx", "--year", "R7", "--ref", "法定雇用率=2.5%", "--ref", "法定 雇用率=2.7%"], exit: 1, says: ["--ref 法定 雇用率 が2回以上指定されています"] },

  // Protection.
  {
    name: "evaluate: a protected sheet is named and left as it is; protection kept byte for byte", argv: ["evaluate", "protected.xlsx", "--year", "R7", "--json", "r.json"], exit: 2,
    says: ["[保護] シート「事業12」は保護されているため書き込みませんでした"], outputs: ["protected.evaluated.xlsx", "r.json"],
    then: async ({ dir, report }) => {
      expect(report().protectedSheets).toEqual(["事業12"]);
      const before = path.join(dir, "protected.xlsx");
      const after = path.join(dir, "protected.evaluated.xlsx");
      const protection = (xml: string) => /<sheetProtection[^>]*\/>/.exec(xml)?.[0];
      expect(protection(await sheetXml(after, "事業12"))).toBe(protection(await sheetXml(before, "事業12")));
      const workbookLock = async (file: string) => /<workbookProtection[^>]*\/>/.exec(await (await JSZip.loadAsync(fs.readFileSync(file))).file("xl/workbook.xml")!.async("string"))?.[0];
      expect(await workbookLock(after)).toBe('<workbookProtection workbookPassword="D81B" lockStructure="1"/>');
      expect(await cellsOf(after, "事業12")).toEqual(await cellsOf(before, "事業12"));
      // A reader we did not write sees the same protection.
      if (readerAvailable("openpyxl")) {
        const seen = execFileSync(PYTHON, ["-c", "import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1]); ws=wb['事業12']; print(ws.protection.sheet, ws.protection.password, wb.security.lockStructure, wb.security.workbookPassword)", after], { encoding: "utf8" });
        expect(seen.trim()).toBe("True CBEB True D81B");
      }
      expect((await cellsOf(after, "事業11")).length).toBeGreaterThan((await cellsOf(before, "事業11")).length);
    },
  },
  { name: "fill into a protected sheet", argv: ["fill", "protected.xlsx", "--year", "R7", "--actuals", "kifu.csv", "--overwrite"], exit: 1, says: ["保護（未変更） 1", "シート「事業12」は保護されているため書き込みません"] },

  // Arguments: our own parser, Japanese messages, no stack traces.
  { name: "an unknown flag", argv: ["evaluate", "book.xlsx", "--yaer", "R7"], exit: 1, says: ["不明なオプション「--yaer」です。--year のことですか。"] },
  { name: "a flag without its value", argv: ["evaluate", "book.xlsx", "--year"], exit: 1, says: ["--year の後に値がありません"] },
  { name: "a value taken for a missing one is not a flag", argv: ["evaluate", "book.xlsx", "--out", "--year", "R7"], exit: 1, says: ["--out の後に値がありません"] },
  { name: "a repeated single flag", argv: ["evaluate", "book.xlsx", "--year", "R7", "--year", "R8"], exit: 1, says: ["--year が2回以上指定されています"] },
  { name: "a flag of another command", argv: ["check", "book.xlsx", "--out", "o.xlsx"], exit: 1, says: ["--out は check では使えません（使えるコマンド: fill、evaluate）"] },
  { name: "a switch given a value", argv: ["fill", "book.xlsx", "--year", "R7", "--actuals", "r7.csv", "--overwrite=yes"], exit: 1, says: ["--overwrite は値をとりません"] },
  { name: "an unknown command", argv: ["evalute", "book.xlsx"], exit: 1, says: ["不明なコマンド「evalute」"] },
  { name: "no command at all shows the usage", argv: [], exit: 1, says: ["コマンド（check、fill、evaluate）を指定してください", "使い方:"] },
  { name: "--help", argv: ["--help"], exit: 0, says: ["使い方:", "終了コード"] },
  { name: "令和99年度 is outside the era tables", argv: ["evaluate", "book.xlsx", "--year", "令和99年度"], exit: 1, says: ["--year の年度「令和99年度」はありません（令和は82年度までです）"] },
  { name: "2200 is outside the years worked on", argv: ["evaluate", "book.xlsx", "--year", "2200"], exit: 1, says: ["（2200年度）は扱える範囲の外です", "平成元年度〜令和82年度"] },
  { name: "平成32年度 suggests 令和2年度", argv: ["evaluate", "book.xlsx", "--year", "R7", "--plan-start", "平成32年度"], exit: 1, says: ["--plan-start", "令和2年度のことですか"] },
  { name: "an unreadable year", argv: ["evaluate", "book.xlsx", "--year", "令和九十九"], exit: 1, says: ["--year の年度「令和九十九」を読めません"] },
  { name: "--flag=value and full-width flags as a Japanese keyboard types them", argv: ["fill", "book.xlsx", "--year=R7", "－－actuals", "r7.csv", "－－out＝o.xlsx"], exit: 0, says: ["出力: o.xlsx"], outputs: ["o.xlsx"] },
  { name: "an unknown full-width flag is named as typed", argv: ["check", "book.xlsx", "－－yaer＝R7"], exit: 1, says: ["不明なオプション「－－yaer」です。--year のことですか。"] },
  { name: "English only for a non-Japanese locale", argv: ["evaluate", "book.xlsx", "--yaer", "R7"], env: { LANG: "en_US.UTF-8" }, exit: 1, says: ['Unknown option "--yaer". Did you mean --year?'] },

  // Files that are not what they claim.
  { name: "a missing workbook: a message, no stack trace", argv: ["check", "nope.xlsx"], exit: 1, says: ["ブック「nope.xlsx」を読めません: 見つかりません（ENOENT）"], saysNot: ["    at "] },
  { name: "--debug shows the stack trace", argv: ["check", "nope.xlsx", "--debug"], exit: 1, says: ["原因 / cause: Error: ENOENT: no such file or directory", "    at readInput"] },
  { name: "a folder as the workbook", argv: ["check", "sub"], exit: 1, says: ["ブック「sub」を読めません: ファイルではなくフォルダーです（EISDIR）"] },
  { name: "an empty workbook file", argv: ["check", "empty.xlsx"], exit: 1, says: ["ファイル「empty.xlsx」は Excel ブック（.xlsx / .xlsm）ではないため読めません"] },
  { name: "a truncated workbook: no library English", argv: ["evaluate", "truncated.xlsx", "--year", "R7"], exit: 1, says: ["ブック「truncated.xlsx」は壊れています（zip として読めません）"], saysNot: ["Corrupted", "central directory"] },
  { name: "the library's words only with --debug", argv: ["evaluate", "truncated.xlsx", "--year", "R7", "--debug"], exit: 1, says: ["原因 / cause: Error: no end of central directory"] },
  { name: "a damaged sheet is named, without the XML parser's English", argv: ["check", "damaged.xlsx"], exit: 1, says: ["ブック「damaged.xlsx」は壊れています（xl/worksheets/sheet2.xml を読めません）"] },
  { name: "text named .xlsx", argv: ["check", "text.xlsx"], exit: 1, says: ["ファイル「text.xlsx」は Excel ブック（.xlsx / .xlsm）ではないため読めません"] },
  { name: "a workbook without a KPI sheet", argv: ["check", "memo.xlsx"], exit: 1, says: ["ブック「memo.xlsx」: KPIシートが見つかりません"] },
  { name: "a preset JSON with a BOM", argv: ["evaluate", "book.xlsx", "--year", "R7", "--preset", "preset-bom.json", "--ref", "法定雇用率=2.5%"], exit: 0, says: ["市の基準"], outputs: ["book.evaluated.xlsx"] },
  { name: "a broken preset JSON names the line", argv: ["evaluate", "book.xlsx", "--year", "R7", "--preset", "broken.json"], exit: 1, says: ["--preset「broken.json」を JSON として読めません（3行目付近）"] },
  { name: "an unknown preset", argv: ["evaluate", "book.xlsx", "--year", "R7", "--preset", "gold"], exit: 1, says: ["--preset「gold」はありません"] },
  { name: "a --layout mapping that is not one", argv: ["check", "book.xlsx", "--layout", "layout.json"], exit: 1, says: ["--layout「layout.json」は列の対応として正しくありません"] },

  // Exit codes: 2 only when something was written.
  { name: "nothing to write: exit 1, no file", argv: ["fill", "book.xlsx", "--year", "R7", "--actuals", "many.csv"], exit: 1, says: ["書き込む内容がないため、ファイルは作成しませんでした"] },
  { name: "check of a sound workbook", argv: ["check", "book.xlsx", "--year", "R7"], exit: 0, says: ["事業シート 3"] },
  { name: "check finding an error writes nothing: exit 1", argv: ["check", "errors.xlsx", "--year", "R7"], exit: 1, says: ["[エラー] 事業12!C13 unreadable-value", "目標値「二千件くらい」を読み取れません"] },
  { name: "evaluate writing with an error reported: exit 2", argv: ["evaluate", "errors.xlsx", "--year", "R7"], exit: 2, says: ["[エラー] 事業12!C13", "出力: errors.evaluated.xlsx"], outputs: ["errors.evaluated.xlsx"] },
  { name: "a plain fill", argv: ["fill", "book.xlsx", "--year", "R7", "--actuals", "r7.csv"], exit: 0, says: ["新規 1", "出力: book.filled.xlsx"], outputs: ["book.filled.xlsx"] },
];

let template: string;
beforeAll(async () => {
  template = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-cases-"));
  await writeCaseFiles(template);
});
afterAll(() => fs.rmSync(template, { recursive: true, force: true }));

function sha256(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Every file under a folder (relative, "/" separated), links as themselves. */
function listing(dir: string, under = ""): string[] {
  return fs.readdirSync(path.join(dir, under), { withFileTypes: true }).flatMap((e) => {
    const name = under ? `${under}/${e.name}` : e.name;
    return e.isDirectory() ? listing(dir, name) : [name];
  });
}

async function sheetXml(file: string, sheet: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
  return zip.file(`xl/${target.replace(/^\/?xl\//, "")}`)!.async("string");
}

/** The cells of a sheet with their values (shared strings resolved), for comparing contents, not styles. */
async function cellsOf(file: string, sheet: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const sst = [...((await zip.file("xl/sharedStrings.xml")?.async("string")) ?? "").matchAll(/<si>(.*?)<\/si>/gs)]
    .map((m) => [...m[1].matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => t[1]).join(""));
  return [...(await sheetXml(file, sheet)).matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/g)].map(([, ref, attributes, inner = ""]) => {
    const v = /<v>(.*?)<\/v>/.exec(inner)?.[1] ?? "";
    const f = /<f>(.*?)<\/f>/.exec(inner)?.[1];
    const shown = /t="s"/.test(attributes) ? sst[Number(v)] : /t="inlineStr"/.test(attributes) ? /<t[^>]*>(.*?)<\/t>/.exec(inner)?.[1] : v;
    return `${ref}=${f ? `=${f}` : ""}${shown ?? ""}`;
  }).filter((c) => !c.endsWith("="));
}

test.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-case-"));
  const cwd = process.cwd();
  try {
    fs.cpSync(template, dir, { recursive: true });
    for (const [link, target] of Object.entries(c.links ?? {})) {
      if (target.startsWith("hard:")) fs.linkSync(path.join(dir, target.slice(5)), path.join(dir, link));
      else fs.symlinkSync(target, path.join(dir, link));
    }
    const inputs = listing(dir);
    const before = new Map(inputs.map((f) => [f, sha256(path.join(dir, f))]));
    const stdout: string[] = [];
    const stderr: string[] = [];
    process.chdir(dir);
    const code = await main(c.argv, { line: (t) => stdout.push(t), error: (t) => stderr.push(t), progress: (t) => stderr.push(t) }, c.env ?? JA);
    process.chdir(cwd);
    const said = `${stdout.join("\n")}\n${stderr.join("\n")}`;
    for (const words of c.says) expect(said).toContain(words);
    for (const words of c.saysNot ?? []) expect(said).not.toContain(words);
    expect({ code, said }).toEqual({ code: c.exit, said });
    for (const f of inputs) expect([f, sha256(path.join(dir, f))]).toEqual([f, before.get(f)]);
    expect(listing(dir).sort()).toEqual([...inputs, ...(c.outputs ?? [])].sort());
    const report = () => ReportSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, "r.json"), "utf8")));
    await c.then?.({ dir, stdout: stdout.join("\n"), stderr: stderr.join("\n"), report });
  } finally {
    process.chdir(cwd);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
