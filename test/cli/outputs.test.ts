/**
 * Outputs: folders that refuse new files are found before anything is written, and a write that
 * fails part-way leaves neither half a file nor a temporary one (failures injected: the tests may
 * run as root, for whom a read-only folder is still writable).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { cliMessage, Refusal } from "../../src/cli/messages";
import { checkPaths, commitOutputs } from "../../src/cli/outputs";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-outputs-"));
  fs.writeFileSync(path.join(dir, "book.xlsx"), "book");
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

function refusal(run: () => void): Refusal {
  try {
    run();
  } catch (error) {
    if (error instanceof Refusal) return error;
    throw error;
  }
  throw new Error("not refused");
}

const at = (name: string) => path.join(dir, name);

test("a folder that does not take new files is refused with its name, in Japanese (English for other locales)", () => {
  const deny = Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
  jest.spyOn(fs, "accessSync").mockImplementation(() => {
    throw deny;
  });
  const refused = refusal(() => checkPaths([{ flag: "book", path: at("book.xlsx") }], [{ flag: "--out", path: at("o.xlsx") }]));
  expect(refused.problem).toMatchObject({ code: "folder-not-writable", errno: "EACCES" });
  expect(cliMessage(refused.problem, "ja")).toBe(`--out「${at("o.xlsx")}」の書き込み先フォルダー「${dir}」に書き込めません: アクセスが許可されていません（EACCES）。`);
  expect(cliMessage(refused.problem, "en")).toContain("permission denied (EACCES)");
});

test("two new names of one file on a case-insensitive disk are one output", () => {
  const refused = refusal(() => checkPaths([], [{ flag: "--out", path: at("Report.json") }, { flag: "--json", path: at("report.json") }]));
  expect(refused.problem.code).toBe("outputs-collide");
});

test("every output or none: a failure on the second leaves the first unwritten and no temporary file", () => {
  fs.writeFileSync(at("old.json"), "previous report");
  const real = fs.openSync;
  let opened = 0;
  jest.spyOn(fs, "openSync").mockImplementation(((file: fs.PathLike, flags: fs.OpenMode, mode?: fs.Mode) => {
    if (++opened === 2) throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
    return real(file, flags, mode);
  }) as typeof fs.openSync);
  const refused = refusal(() => commitOutputs([
    { role: { flag: "--out", path: at("o.xlsx") }, bytes: new Uint8Array([1, 2, 3]) },
    { role: { flag: "--json", path: at("old.json") }, bytes: "new report" },
  ]));
  expect(cliMessage(refused.problem, "ja")).toBe(`--json「${at("old.json")}」を書き出せません: ディスクの空きが足りません（ENOSPC）。`);
  expect(fs.readdirSync(dir).sort()).toEqual(["book.xlsx", "old.json"]);
  expect(fs.readFileSync(at("old.json"), "utf8")).toBe("previous report");
});

test("outputs replace earlier files of the same name whole", () => {
  fs.writeFileSync(at("o.json"), "x".repeat(10_000));
  commitOutputs([{ role: { flag: "--json", path: at("o.json") }, bytes: "{}\n" }]);
  expect(fs.readFileSync(at("o.json"), "utf8")).toBe("{}\n");
  expect(fs.readdirSync(dir).sort()).toEqual(["book.xlsx", "o.json"]);
});
