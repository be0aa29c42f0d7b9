/** Summaries for the bench: the median of several runs with its spread, and latency percentiles. */
export type Spread = { median: number; min: number; max: number };

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

export function percentile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export const show = (s: Spread, digits = 1) => `${round(s.median, digits)} (${round(s.min, digits)}–${round(s.max, digits)})`;

/** One line of the Markdown table: what, figure, and the command that gives it. */
export type Row = { part: string; figure: string; value: string; goal?: string };
