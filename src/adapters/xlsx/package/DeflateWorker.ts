import zlib from "node:zlib";
import { Worker } from "node:worker_threads";

/** Slots for the parts in flight, a zip's limit of entries: part `id` uses slot `id % SLOTS`. */
const SLOTS = 65_536;
const PENDING = 0;
const TAKEN_THERE = 1;
const TAKEN_HERE = 2;

/**
 * The worker's whole program: raw DEFLATE of each part it is sent, on its own thread, unless the
 * sending thread took the part back first (its slot no longer pending).
 */
const PROGRAM = `
const { parentPort, workerData } = require("node:worker_threads");
const zlib = require("node:zlib");
const slots = new Int32Array(workerData);
parentPort.on("message", ({ id, data, level }) => {
  if (Atomics.compareExchange(slots, id % ${SLOTS}, ${PENDING}, ${TAKEN_THERE}) !== ${PENDING}) return;
  try {
    parentPort.postMessage({ id, out: zlib.deflateRawSync(data, { level }) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
  }
});
`;

interface Job {
  data: Uint8Array;
  level: number;
  resolve: (out: Uint8Array) => void;
  reject: (error: Error) => void;
}

/**
 * One worker thread deflating parts for the zip layer while the calling thread goes on patching
 * the next sheet. (Node's own asynchronous zlib builds a stream for each call, which on a plan of
 * hundreds of parts costs the calling thread more than the deflating it moves away; a part sent
 * here costs one message.) When the caller comes to wait (`finishHere`), it deflates every part
 * the thread has not started, so a busy or slow second core never makes a save slower than
 * deflating in place. The thread holds the process open only while it has work.
 */
export class DeflateWorker {
  private worker: Worker | null = null;
  private slots = new Int32Array(new SharedArrayBuffer(SLOTS * 4));
  private readonly jobs = new Map<number, Job>();
  private next = 0;
  private stopWhenIdle = false;

  /** Start the thread now (it takes a few tens of milliseconds), so it is ready when parts come. */
  start(): void {
    this.stopWhenIdle = false;
    if (this.worker) return;
    // A new thread gets new slots: parts sent to a stopped one are never answered.
    this.slots = new Int32Array(new SharedArrayBuffer(SLOTS * 4));
    const worker = new Worker(PROGRAM, { eval: true, workerData: this.slots.buffer, resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 16, codeRangeSizeMb: 4 } });
    worker.on("message", (message: { id: number; out?: Uint8Array; error?: string }) => {
      const job = this.jobs.get(message.id);
      if (!job) return;
      this.settle(message.id, job, message.out ?? new Error(`deflate failed: ${message.error}`));
    });
    worker.on("error", (error) => this.fail(worker, error));
    worker.on("exit", (code) => this.fail(worker, new Error(`the deflate thread stopped (exit code ${code})`)));
    // After the listeners: adding a message listener holds the process open again.
    worker.unref();
    this.worker = worker;
  }

  /** Deflates `data` (which must not change until the promise settles) on the thread, or here if `finishHere` comes first. */
  deflateRaw(data: Uint8Array, level: number): Promise<Uint8Array> {
    this.start();
    const worker = this.worker!;
    const id = this.next++;
    return new Promise((resolve, reject) => {
      if (this.jobs.size === 0) worker.ref();
      Atomics.store(this.slots, id % SLOTS, PENDING);
      this.jobs.set(id, { data, level, resolve, reject });
      worker.postMessage({ id, data, level });
    });
  }

  /** The caller waits now: deflate here every part the thread has not started. */
  finishHere(): void {
    for (const [id, job] of this.jobs) {
      if (Atomics.compareExchange(this.slots, id % SLOTS, PENDING, TAKEN_HERE) !== PENDING) continue;
      let result: Uint8Array | Error;
      try {
        result = zlib.deflateRawSync(job.data, { level: job.level });
      } catch (error) {
        result = error instanceof Error ? error : new Error(String(error));
      }
      this.settle(id, job, result);
    }
  }

  /** Let the thread go once the parts sent so far are back (`start` makes a new one). */
  stop(): void {
    this.stopWhenIdle = true;
    if (this.worker && this.jobs.size === 0) this.idle(this.worker);
  }

  private settle(id: number, job: Job, result: Uint8Array | Error): void {
    this.jobs.delete(id);
    if (result instanceof Error) job.reject(result);
    else job.resolve(result);
    if (this.jobs.size === 0 && this.worker) this.idle(this.worker);
  }

  private idle(worker: Worker): void {
    worker.unref();
    if (!this.stopWhenIdle || this.worker !== worker) return;
    this.worker = null;
    void worker.terminate();
  }

  private fail(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    for (const job of this.jobs.values()) job.reject(error);
    this.jobs.clear();
  }
}
