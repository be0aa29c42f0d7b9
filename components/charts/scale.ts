/** Round steps (1, 2 or 5 × 10ⁿ) so that at most `maxTicks` gridlines cover 0..max. */
export function niceTicks(max: number, maxTicks = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / maxTicks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const ticks = [];
  for (let tick = 0; tick < max + step; tick += step) ticks.push(Math.round(tick * 1e6) / 1e6);
  return ticks;
}

/** Which of n x-positions get a label: both ends and a few evenly between, never crowded. */
export function labelledIndexes(n: number, maxLabels = 6): number[] {
  if (n <= maxLabels) return Array.from({ length: n }, (_, i) => i);
  const step = Math.ceil((n - 1) / (maxLabels - 1));
  const picked = [];
  for (let i = 0; i < n - 1; i += step) picked.push(i);
  if (n - 1 - picked[picked.length - 1] < step / 2) picked.pop();
  picked.push(n - 1);
  return picked;
}
