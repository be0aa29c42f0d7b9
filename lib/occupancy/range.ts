import { z } from 'zod';
import { addDays, daysBetween } from './days';

export const RANGE_PRESETS = [7, 30, 90] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const MAX_RANGE_DAYS = 731;

export type RangeProblem = 'badDate' | 'reversed' | 'future' | 'tooLong';
export type HistoryRange = { from: string; to: string; preset: RangePreset | null; problem: RangeProblem | null };

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((day) => {
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(day);
});

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The days a history shows, from the query string. A preset counts back from today; explicit dates
 * win when both are given. Anything unusable falls back to the last 7 days and names the problem, so
 * a mistyped link shows a message on the page, never an error page.
 */
export function historyRange(params: { range?: string | string[]; from?: string | string[]; to?: string | string[] }, today: string): HistoryRange {
  const preset = (RANGE_PRESETS as readonly number[]).includes(Number(first(params.range))) ? (Number(first(params.range)) as RangePreset) : 7;
  const fallback = (problem: RangeProblem | null): HistoryRange => ({ from: addDays(today, 1 - preset), to: today, preset, problem });
  const rawFrom = first(params.from)?.trim();
  const rawTo = first(params.to)?.trim();
  if (!rawFrom && !rawTo) return fallback(null);
  const from = isoDay.safeParse(rawFrom);
  const to = isoDay.safeParse(rawTo || today);
  if (!from.success || !to.success) return fallback('badDate');
  if (from.data > to.data) return fallback('reversed');
  if (to.data > today) return fallback('future');
  if (daysBetween(from.data, to.data) + 1 > MAX_RANGE_DAYS) return fallback('tooLong');
  return { from: from.data, to: to.data, preset: null, problem: null };
}
