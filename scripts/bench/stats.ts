/** Median, min and max of repeated measurements. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : round((sorted[mid - 1]! + sorted[mid]!) / 2, 4);
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: values };
}

/** Rounds for JSON output. */
export const round = (value: number, digits = 3) => Number(value.toFixed(digits));
