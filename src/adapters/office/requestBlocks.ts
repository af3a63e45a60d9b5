import { ErrorCodes, errorCode } from "./ExcelLike";

/** A request's size budget: under the 5 MB of Excel on the web, with room for the envelope. */
export const DEFAULT_BUDGET = 4_500_000;

/** Items packed in order into blocks whose estimated size fits the budget (one item at least per block). */
export function packBlocks<T>(items: T[], estimate: (item: T) => number, budget: number): T[][] {
  const blocks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const bytes = estimate(item);
    if (current.length > 0 && size + bytes > budget) {
      blocks.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += bytes;
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/** Errors that a smaller request avoids: either payload limit of Excel on the web. */
export function isPayloadLimit(error: unknown): boolean {
  const code = errorCode(error);
  return code === ErrorCodes.payloadTooLarge || code === ErrorCodes.responseTooLarge;
}

/**
 * Run each block as one request; a block refused for its size is split in two and retried (a block
 * of one item that is still too large is an error). Returns the number of requests made.
 */
export async function runBlocks<T>(blocks: T[][], run: (block: T[]) => Promise<void>, split: (block: T[]) => T[][] = halves): Promise<number> {
  const queue = [...blocks];
  let requests = 0;
  while (queue.length > 0) {
    const block = queue.shift()!;
    requests++;
    try {
      await run(block);
    } catch (error) {
      const parts = isPayloadLimit(error) ? split(block) : [];
      if (parts.length < 2) throw error;
      queue.unshift(...parts);
    }
  }
  return requests;
}

export function halves<T>(block: T[]): T[][] {
  if (block.length < 2) return [];
  const half = Math.ceil(block.length / 2);
  return [block.slice(0, half), block.slice(half)];
}
