/**
 * The zip layer: entries we do not change keep their compressed bytes and order; zips written with
 * data descriptors or Zip64 records (streaming writers, .NET) open; our zips open in JSZip and
 * Python's zipfile; both codecs read what the other wrote.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { nodeZipCodec } from "../../../../src/adapters/xlsx/package/nodeZipCodec";
import { Package } from "../../../../src/adapters/xlsx/package/Package";
import { defaultZipCodec } from "../../../../src/adapters/xlsx/package/zipCodec";
import { readZip, ZipError } from "../../../../src/adapters/xlsx/package/zipArchive";

const PARTS: [string, string][] = [
  ["[Content_Types].xml", '<?xml version="1.0"?><Types/>'],
  ["xl/worksheets/sheet1.xml", `<worksheet>${"<row/>".repeat(500)}</worksheet>`],
  ["xl/日本語.xml", "<a>実績値</a>"],
  ["docProps/app.xml", "<Properties/>"],
];

async function jszip(options: { streamFiles?: boolean } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of PARTS) zip.file(name, text);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", ...options });
}

/** The same zip with Zip64 end records in front of its end of central directory (as large-file writers leave them). */
function withZip64End(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  const out = new Uint8Array(bytes.length + 56 + 20);
  out.set(bytes.subarray(0, end));
  const o = new DataView(out.buffer);
  o.setUint32(end, 0x06064b50, true);
  o.setBigUint64(end + 4, 44n, true);
  o.setUint16(end + 12, 45, true);
  o.setUint16(end + 14, 45, true);
  o.setBigUint64(end + 24, BigInt(count), true);
  o.setBigUint64(end + 32, BigInt(count), true);
  o.setBigUint64(end + 40, BigInt(size), true);
  o.setBigUint64(end + 48, BigInt(offset), true);
  o.setUint32(end + 56, 0x07064b50, true);
  o.setBigUint64(end + 64, BigInt(end), true);
  o.setUint32(end + 72, 1, true);
  out.set(bytes.subarray(end), end + 76);
  const e = end + 76;
  o.setUint16(e + 8, 0xffff, true);
  o.setUint16(e + 10, 0xffff, true);
  o.setUint32(e + 12, 0xffffffff, true);
  o.setUint32(e + 16, 0xffffffff, true);
  return out;
}

async function texts(pkg: Package): Promise<[string, string][]> {
  return Promise.all(pkg.names.map(async (n) => [n, await pkg.text(n)] as [string, string]));
}

test.each([
  ["written by JSZip", () => jszip()],
  ["written by JSZip with data descriptors", () => jszip({ streamFiles: true })],
  ["with Zip64 end records", async () => withZip64End(await jszip())],
])("a zip %s opens with every part, in order", async (_, make) => {
  const pkg = await Package.load(await make());
  expect(await texts(pkg)).toEqual(PARTS);
});

test("saving keeps every unchanged entry's compressed bytes and the order; a changed part is replaced in place, a new one added at the end", async () => {
  const source = await jszip();
  const pkg = await Package.load(source, nodeZipCodec);
  pkg.setText("xl/worksheets/sheet1.xml", "<worksheet>変更</worksheet>");
  pkg.setText("xl/comments1.xml", "<comments/>");
  const saved = await pkg.save();
  const before = readZip(source).entries;
  const after = readZip(saved).entries;
  expect(after.map((e) => e.name)).toEqual([...before.map((e) => e.name), "xl/comments1.xml"]);
  for (const [i, e] of before.entries()) {
    if (e.name !== "xl/worksheets/sheet1.xml") expect([e.name, Buffer.from(after[i].data).equals(Buffer.from(e.data))]).toEqual([e.name, true]);
  }
  const zip = await JSZip.loadAsync(saved, { checkCRC32: true });
  expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).toBe("<worksheet>変更</worksheet>");
  expect(await zip.file("xl/日本語.xml")!.async("string")).toBe("<a>実績値</a>");
  expect(await zip.file("xl/comments1.xml")!.async("string")).toBe("<comments/>");
});

test("Python's zipfile reads our zip and finds every CRC right", async () => {
  const pkg = await Package.load(await jszip(), defaultZipCodec);
  pkg.setText("xl/worksheets/sheet1.xml", `<worksheet>${"<row/>".repeat(1000)}</worksheet>`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kpi-zip-"));
  try {
    const file = path.join(dir, "out.xlsx");
    fs.writeFileSync(file, await pkg.save());
    const script = "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nprint(z.testzip())\nprint(len(z.read('xl/worksheets/sheet1.xml')))";
    expect(execFileSync("/usr/bin/python3", ["-c", script, file], { encoding: "utf8" }).trim().split("\n")).toEqual(["None", String(`<worksheet>${"<row/>".repeat(1000)}</worksheet>`.length)]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("each codec reads what the other wrote", async () => {
  for (const [write, read] of [[nodeZipCodec, defaultZipCodec], [defaultZipCodec, nodeZipCodec]]) {
    const pkg = await Package.load(await jszip(), write);
    for (const [name, text] of PARTS) pkg.setText(name, `${text}<!-- ${"更新".repeat(100)} -->`);
    const again = await Package.load(await pkg.save(), read);
    expect(await texts(again)).toEqual(PARTS.map(([n, t]) => [n, `${t}<!-- ${"更新".repeat(100)} -->`]));
  }
});

test("an encrypted entry, a cut-off file and a broken central directory are refused", async () => {
  const source = await jszip();
  const encrypted = source.slice();
  const central = new DataView(encrypted.buffer).getUint32(encrypted.length - 6, true);
  encrypted[central + 8] |= 1;
  expect(() => readZip(encrypted)).toThrow(new ZipError("encrypted entry"));
  expect(() => readZip(source.slice(0, source.length - 30))).toThrow(ZipError);
  const broken = source.slice();
  broken[central] = 0;
  expect(() => readZip(broken)).toThrow(new ZipError("bad central directory entry"));
});
