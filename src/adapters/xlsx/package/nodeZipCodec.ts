import zlib from "node:zlib";
import { crc32, DEFLATE_LEVEL, type ZipCodec } from "./zipCodec";

/** Node's zlib for the zip layer (hosts running on Node: the CLI). Browsers use the default codec. */
export const nodeZipCodec: ZipCodec = {
  inflateRaw: (data) => zlib.inflateRawSync(data),
  deflateRaw: (data) => zlib.deflateRawSync(data, { level: DEFLATE_LEVEL }),
  // zlib.crc32 came with Node 20.15; earlier Node 20 releases count it in JavaScript.
  crc32: typeof zlib.crc32 === "function" ? (data) => zlib.crc32(data) : crc32,
};
