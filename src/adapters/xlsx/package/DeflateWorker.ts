import { Worker } from "node:worker_threads";

/** The worker's whole program: raw DEFLATE of each part it is sent, on its own thread. */
const PROGRAM = `
const { parentPort } = require("node:worker_threads");
const zlib = require("node:zlib");
parentPort.on("message", ({ id, data, level }) => {
  try {
    parentPort.postMessage({ id, out: zlib.deflateRawSync(data, { level }) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
  }
});
`;

interface Job {
  resolve: (out: Uint8Array) => void;
  reject: (error: Error) => void;
}

/**
 * One worker thread deflating parts for the zip layer while the calling thread goes on patching
 * the next sheet. (Node's own asynchronous zlib builds a stream for each call, which on a plan of
 * hundreds of parts costs the calling thread more than the deflating it moves away; a part sent
 * here costs one message.) The thread holds the process open only while it has work.
 */
export class DeflateWorker {
  private worker: Worker | null = null;
  private readonly jobs = new Map<number, Job>();
  private next = 0;
  private stopWhenIdle = false;

  /** Start the thread now (it takes a few tens of milliseconds), so it is ready when parts come. */
  start(): void {
    this.stopWhenIdle = false;
    if (this.worker) return;
    const worker = new Worker(PROGRAM, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 16, codeRangeSizeMb: 4 } });
    worker.on("message", (message: { id: number; out?: Uint8Array; error?: string }) => {
      const job = this.jobs.get(message.id);
      if (!job) return;
      this.jobs.delete(message.id);
      if (message.out) job.resolve(message.out);
      else job.reject(new Error(`deflate failed: ${message.error}`));
      if (this.jobs.size === 0) this.idle(worker);
    });
    worker.on("error", (error) => this.fail(worker, error));
    worker.on("exit", (code) => this.fail(worker, new Error(`the deflate thread stopped (exit code ${code})`)));
    // After the listeners: adding a message listener holds the process open again.
    worker.unref();
    this.worker = worker;
  }

  /** Deflates `data`, which is handed over: its buffer is detached when `data` spans all of it. */
  deflateRaw(data: Uint8Array, level: number): Promise<Uint8Array> {
    this.start();
    const worker = this.worker!;
    const id = this.next++;
    return new Promise((resolve, reject) => {
      if (this.jobs.size === 0) worker.ref();
      this.jobs.set(id, { resolve, reject });
      const whole = data.buffer instanceof ArrayBuffer && data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
      worker.postMessage({ id, data, level }, whole ? [data.buffer as ArrayBuffer] : []);
    });
  }

  /** Let the thread go once the parts sent so far are back (`start` makes a new one). */
  stop(): void {
    this.stopWhenIdle = true;
    if (this.worker && this.jobs.size === 0) this.idle(this.worker);
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
