/**
 * The floor of `evaluate` on a workbook, as issue 11 defines it: inflate and parse (scanXml, the
 * file layer's own reader, doing nothing with what it reads) the parts the file layer reads, then
 * encode, deflate (level 1) and checksum the parts evaluate wrote: what any patcher of those parts
 * must pay before its own work.
 */
import zlib from "node:zlib";
import { openXlsx } from "../src/adapters/xlsx/openXlsx";
import { nodeZipCodec } from "../src/adapters/xlsx/package/nodeZipCodec";
import { relsPartOf } from "../src/adapters/xlsx/package/relationships";
import { readZip, type ZipEntry } from "../src/adapters/xlsx/package/zipArchive";
import { scanXml } from "../src/adapters/xlsx/xml/scanXml";

const utf8 = new TextDecoder();

function inflate(entry: ZipEntry): Uint8Array {
  return entry.method === 8 ? nodeZipCodec.inflateRaw(entry.data, entry.size) : entry.data;
}

/** A job doing the floor's work for `input` → `output` (evaluate's result), and what it covers. */
export async function floorJob(input: Uint8Array, output: Uint8Array): Promise<{ run: () => void; read: number; written: number }> {
  const opened = await openXlsx(input, "floor", { codec: nodeZipCodec });
  if (!opened.ok) throw new Error(opened.message);
  const { parts } = opened.book;
  const readNames = new Set(["[Content_Types].xml", "_rels/.rels", parts.workbook, relsPartOf(parts.workbook), ...parts.sheets.map((s) => s.part), parts.styles.part, parts.strings.part].filter((p): p is string => p !== null));
  const before = readZip(input).entries;
  const crcs = new Map(before.map((e) => [e.name, e.crc]));
  const read = before.filter((e) => readNames.has(e.name));
  const written = readZip(output).entries.filter((e) => crcs.get(e.name) !== e.crc).map((e) => utf8.decode(inflate(e)));
  const encoder = new TextEncoder();
  const run = () => {
    for (const entry of read) scanXml(utf8.decode(inflate(entry)), entry.name, {});
    for (const text of written) {
      const bytes = encoder.encode(text);
      zlib.deflateRawSync(bytes, { level: 1 });
      nodeZipCodec.crc32(bytes);
    }
  };
  return { run, read: read.length, written: written.length };
}
