/** Comparison with a relative tolerance, so 0.8 and 80 % (0.8000000000000002) are equal. */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

export function atLeast(a: number, b: number): boolean {
  return a > b || nearlyEqual(a, b);
}

export function atMost(a: number, b: number): boolean {
  return a < b || nearlyEqual(a, b);
}
