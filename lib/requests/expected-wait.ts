import type { HouseholdKind } from '@/lib/occupancy/kind';

/**
 * What the person who asked online is told about their wait: a friendly span, never a place in the
 * queue (a number invites comparing and pushing). `tonightFull`: tonight's free beds that could take
 * them are fewer than the people of their kind waiting before them, plus themselves.
 */
export type ExpectedWait =
  | { kind: 'underHour' }
  | { kind: 'hours'; hours: number }
  | { kind: 'tomorrow' }
  | { kind: 'tonightFull' }
  | { kind: 'days' }
  | { kind: 'unknown' };

export type WaitInputs = {
  /** Minutes from arrival to first reservation of households placed in the last 14 days, by kind. */
  waits: Record<HouseholdKind, number[]>;
  kind: HouseholdKind;
  /** How long this household has already waited. */
  waitedMinutes: number;
  /** Free beds tonight in rooms that could take someone of this household. */
  freeFittingBeds: number;
  /** People in households of the same kind that asked earlier and still wait, plus this household's own. */
  peopleAhead: number;
};

/** Fewer waits than this say little: use the whole network's, or say nothing. */
export const MIN_SAMPLES = 5;
/** "Within" promises an upper bound: three in four were placed within it; the median would fail half. */
export const QUANTILE = 0.75;

/** The q-quantile by linear interpolation between the sorted values (q = 0.5 is the median). */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (at - low);
}

/** Hours said as a person would: 1–6 as they are, then 8, 10, 12, 18; a day or more is "tomorrow". */
function friendly(minutes: number): ExpectedWait {
  if (minutes < 60) return { kind: 'underHour' };
  const hours = Math.ceil(minutes / 60);
  if (hours <= 6) return { kind: 'hours', hours };
  if (hours <= 12) return { kind: 'hours', hours: hours + (hours % 2) };
  if (hours <= 18) return { kind: 'hours', hours: 18 };
  if (hours <= 36) return { kind: 'tomorrow' };
  return { kind: 'days' };
}

/**
 * The expected remaining wait. Tonight's fitting beds too few for the people of this kind waiting
 * before them and themselves: probably tomorrow, whatever the past says. Past waits come from the household's own kind when there are enough,
 * else from the whole network. Those who waited less than this household already has tell nothing
 * about it, so only the longer waits count. No data: say so.
 */
export function expectedWait(input: WaitInputs): ExpectedWait {
  if (input.freeFittingBeds < input.peopleAhead) return { kind: 'tonightFull' };
  const own = input.waits[input.kind];
  const all = [...input.waits.men, ...input.waits.women, ...input.waits.families];
  const longer = (waits: number[]) => waits.filter((wait) => wait > input.waitedMinutes);
  const samples = [longer(own), longer(all)].find((waits) => waits.length >= MIN_SAMPLES);
  if (!samples) return { kind: 'unknown' };
  return friendly(quantile(samples, QUANTILE) - input.waitedMinutes);
}
