/**
 * `Math.hypot(a, b)` to the last bit, without its cost. V8 runs `Math.hypot` as a builtin that
 * takes its arguments as a list, so every call allocates, and placement calls it for each of
 * thousands of positions per balloon. This does what that builtin does, in the same order: both
 * magnitudes divided by the larger one, squared and summed, the root multiplied back (with two
 * numbers, its Kahan compensation is always zero). The tests compare both over many pairs.
 */
export function hypot(a: number, b: number): number {
  const x = Math.abs(a);
  const y = Math.abs(b);
  if (x === Number.POSITIVE_INFINITY || y === Number.POSITIVE_INFINITY) {
    return Number.POSITIVE_INFINITY;
  }
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.NaN;
  const max = Math.max(x, y);
  if (max === 0) return 0;
  const p = x / max;
  const q = y / max;
  return Math.sqrt(p * p + q * q) * max;
}
