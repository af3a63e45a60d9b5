import zlib from "node:zlib";
import { DeflateWorker } from "./DeflateWorker";
import { crc32, DEFLATE_LEVEL, type ZipCodec } from "./zipCodec";

/** Parts smaller than this (relationships, small notes) cost less to deflate here than to send. */
export const DEFLATE_HERE_BELOW = 2048;

const worker = new DeflateWorker();

/**
 * Node's zlib for the zip layer (hosts running on Node: the CLI); browsers use the default codec.
 * Replaced parts are deflated on a worker thread, started when a package is opened and stopped
 * when it is saved, so each run pays for its own thread.
 */
export const nodeZipCodec: ZipCodec = {
  inflateRaw: (data) => zlib.inflateRawSync(data),
  deflateRaw: (data) => (data.length < DEFLATE_HERE_BELOW ? Promise.resolve(zlib.deflateRawSync(data, { level: DEFLATE_LEVEL })) : worker.deflateRaw(data, DEFLATE_LEVEL)),
  // zlib.crc32 came with Node 20.15; earlier Node 20 releases count it in JavaScript.
  crc32: typeof zlib.crc32 === "function" ? (data) => zlib.crc32(data) : crc32,
  inBackground: true,
  warmUp: () => worker.start(),
  finishHere: () => worker.finishHere(),
  release: () => worker.stop(),
};
