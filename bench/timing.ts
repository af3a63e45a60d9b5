/** Median wall time of `runs` runs after one warm-up, in milliseconds. */
export async function medianMs(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

/** Medians of `runs` alternating runs of `a` and `b` (after one warm-up of each), in milliseconds. */
export async function interleavedMedians(runs: number, a: () => unknown, b: () => unknown): Promise<[number, number]> {
  await a();
  await b();
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [fn, into] of [[a, ta], [b, tb]] as const) {
      const start = process.hrtime.bigint();
      await fn();
      into.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return [median(ta), median(tb)];
}
