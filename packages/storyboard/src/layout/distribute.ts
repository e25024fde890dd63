/**
 * Splits `length` pixels into tracks of relative `weights` separated by exact `gutter`s.
 *
 * Each track owns its share of `length + gutter` (its size plus the gutter after it), and edges
 * are rounded cumulative positions, so rounding never accumulates: gutters are exact, the last
 * track ends exactly at `length`, and an edge at the same fraction lands on the same pixel in
 * every row. Returns `weights.length + 1` offsets: track `i` starts at `edges[i]` and ends at
 * `edges[i + 1] - gutter`; the last offset is `length + gutter`.
 * @example distributeTracks(1916, 24, [1, 1]) // [0, 970, 1940]: tracks 0–946 and 970–1916
 */
export function distributeTracks(
  length: number,
  gutter: number,
  weights: readonly number[],
): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const span = length + gutter;
  const edges = [0];
  let sum = 0;
  for (const weight of weights) {
    sum += weight;
    edges.push(Math.round((span * sum) / total));
  }
  return edges;
}
