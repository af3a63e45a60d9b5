/**
 * Deflating on a worker thread: what comes back inflates to what was sent, whatever the size and
 * however many are in flight, whether the thread or the caller (finishHere) deflated it; the
 * thread can be let go and started again; a text prepared early
 * and then replaced by another is saved as the other; an idle thread never holds a process open.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import zlib from "node:zlib";
import JSZip from "jszip";
import { DeflateWorker } from "../../../../src/adapters/xlsx/package/DeflateWorker";
import { nodeZipCodec } from "../../../../src/adapters/xlsx/package/nodeZipCodec";
import { Package } from "../../../../src/adapters/xlsx/package/Package";

const encoder = new TextEncoder();

function part(i: number): string {
  return `<worksheet><sheetData>${`<row r="${i}"><c r="A${i}"><v>${i * 7}</v></c></row>`.repeat(i * 40)}</sheetData></worksheet>`;
}

test("fifty parts in flight at once each come back as their own DEFLATE, and the bytes sent stay as they were", async () => {
  const worker = new DeflateWorker();
  try {
    const texts = Array.from({ length: 50 }, (_, i) => part(i + 1));
    const sent = texts.map((t) => encoder.encode(t));
    const out = await Promise.all(sent.map((data) => worker.deflateRaw(data, 1)));
    expect(out.map((o) => zlib.inflateRawSync(o).toString("utf8"))).toEqual(texts);
    expect(sent.map((data) => new TextDecoder().decode(data))).toEqual(texts);
  } finally {
    worker.stop();
  }
});

test("when the caller comes to wait, the parts the thread has not started are deflated here, and every part comes back once and right", async () => {
  const worker = new DeflateWorker();
  try {
    const texts = Array.from({ length: 200 }, (_, i) => part((i % 60) + 1));
    // Sent before the new thread can have started any: finishHere takes all it has not begun.
    const pending = texts.map((t) => worker.deflateRaw(encoder.encode(t), 1));
    worker.finishHere();
    const out = await Promise.all(pending);
    expect(out.map((o) => zlib.inflateRawSync(o).toString("utf8"))).toEqual(texts);
    // And again with the thread warm: some parts there, the rest here.
    const again = texts.map((t) => worker.deflateRaw(encoder.encode(t), 1));
    await new Promise((resolve) => setTimeout(resolve, 5));
    worker.finishHere();
    expect((await Promise.all(again)).map((o) => zlib.inflateRawSync(o).toString("utf8"))).toEqual(texts);
  } finally {
    worker.stop();
  }
});

test("a stopped thread is started again by the next part", async () => {
  const worker = new DeflateWorker();
  const first = worker.deflateRaw(encoder.encode(part(5)), 1);
  worker.stop();
  expect(zlib.inflateRawSync(await first).toString("utf8")).toBe(part(5));
  const again = await worker.deflateRaw(encoder.encode(part(6)), 1);
  worker.stop();
  expect(zlib.inflateRawSync(again).toString("utf8")).toBe(part(6));
});

test("a part prepared early and then set to another text is saved with the text set last; a part set as prepared is saved as prepared", async () => {
  const zip = new JSZip();
  for (let i = 1; i <= 3; i++) zip.file(`xl/worksheets/sheet${i}.xml`, part(i));
  const pkg = await Package.load(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }), nodeZipCodec);
  pkg.prepare("xl/worksheets/sheet1.xml", part(10));
  pkg.setText("xl/worksheets/sheet1.xml", part(11));
  pkg.prepare("xl/worksheets/sheet2.xml", part(12));
  pkg.setText("xl/worksheets/sheet2.xml", part(12));
  pkg.prepare("xl/worksheets/sheet3.xml", part(13));
  const saved = await JSZip.loadAsync(await pkg.save(), { checkCRC32: true });
  expect(await Promise.all([1, 2, 3].map((i) => saved.file(`xl/worksheets/sheet${i}.xml`)!.async("string")))).toEqual([part(11), part(12), part(3)]);
});

test("a process that opens a workbook and never saves it (check) ends by itself: the idle thread does not hold it", () => {
  const script = [
    'require("tsx/cjs/api").register();',
    'const { Package } = require("./src/adapters/xlsx/package/Package.ts");',
    'const { nodeZipCodec } = require("./src/adapters/xlsx/package/nodeZipCodec.ts");',
    'const fs = require("node:fs");',
    'Package.load(fs.readFileSync("seeds/musashino-action-plan.xlsx"), nodeZipCodec).then(async (pkg) => { await pkg.text("xl/workbook.xml"); process.stdout.write("opened"); });',
  ].join("\n");
  const started = Date.now();
  const out = execFileSync(process.execPath, ["-e", script], { cwd: path.join(__dirname, "../../../.."), encoding: "utf8", timeout: 30_000 });
  expect([out, Date.now() - started < 30_000]).toEqual(["opened", true]);
});
