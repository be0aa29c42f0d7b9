import { addDays, daysBetween } from '@/lib/calendar/days';
import { firstParam } from '@/lib/search-params';
import { isoDay } from '@/lib/validation/common';

export const RANGE_PRESETS = [7, 30, 90] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const MAX_RANGE_DAYS = 731;

export type RangeProblem = 'badDate' | 'reversed' | 'future' | 'tooLong';
export type HistoryRange = { from: string; to: string; preset: RangePreset | null; problem: RangeProblem | null };

/**
 * The days a history shows, from the query string. A preset counts back from today; explicit dates
 * win when both are given. Anything unusable falls back to the last 7 days and names the problem, so
 * a mistyped link shows a message on the page, never an error page.
 */
export function historyRange(
  params: { range?: string | string[]; from?: string | string[]; to?: string | string[] },
  today: string,
): HistoryRange {
  const preset = (RANGE_PRESETS as readonly number[]).includes(Number(firstParam(params.range)))
    ? (Number(firstParam(params.range)) as RangePreset)
    : 7;
  const fallback = (problem: RangeProblem | null): HistoryRange => ({ from: addDays(today, 1 - preset), to: today, preset, problem });
  const rawFrom = firstParam(params.from)?.trim();
  const rawTo = firstParam(params.to)?.trim();
  if (!rawFrom && !rawTo) return fallback(null);
  const from = isoDay.safeParse(rawFrom);
  const to = isoDay.safeParse(rawTo || today);
  if (!from.success || !to.success) return fallback('badDate');
  if (from.data > to.data) return fallback('reversed');
  if (to.data > today) return fallback('future');
  if (daysBetween(from.data, to.data) + 1 > MAX_RANGE_DAYS) return fallback('tooLong');
  return { from: from.data, to: to.data, preset: null, problem: null };
}
