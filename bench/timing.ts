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

/** Medians of `runs` rounds of the jobs in turn (after one warm-up of each), in milliseconds. */
export async function interleavedMedians(runs: number, ...jobs: (() => unknown)[]): Promise<number[]> {
  for (const job of jobs) await job();
  const times = jobs.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    for (const [j, job] of jobs.entries()) {
      const start = process.hrtime.bigint();
      await job();
      times[j].push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return times.map(median);
}
