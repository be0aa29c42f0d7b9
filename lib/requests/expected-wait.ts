import type { HouseholdKind } from '@/lib/occupancy/kind';

/**
 * What the person who asked online is told about their wait: a friendly span, never a place in the
 * queue (a number invites comparing and pushing). `underHour`: a bed that could take them is free
 * tonight for them and everyone of their kind who asked before them. `tonightFull`: not so.
 * `days`: not so, and most households like theirs waited days.
 */
export type ExpectedWait = { kind: 'underHour' } | { kind: 'tonightFull' } | { kind: 'days' };

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
/** "Usually" promises three in four: the median would fail half. */
export const QUANTILE = 0.75;
/** A wait longer than a day and a half is no longer "tomorrow". */
const DAYS_FROM_MINUTES = 36 * 60;

/** The q-quantile by linear interpolation between the sorted values (q = 0.5 is the median). */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (at - low);
}

/**
 * The expected remaining wait. A bed that fits is free now for this household and everyone of its
 * kind ahead of it: what remains is a guide's reservation, so within the hour, whatever the past
 * says (past waits include nights with no bed at all). Otherwise tonight is full: probably tomorrow,
 * unless three in four of the households that had waited this long waited a day and a half more
 * (their own kind's waits when there are enough, else the whole network's).
 */
export function expectedWait(input: WaitInputs): ExpectedWait {
  if (input.freeFittingBeds >= input.peopleAhead) return { kind: 'underHour' };
  const own = input.waits[input.kind];
  const all = [...input.waits.men, ...input.waits.women, ...input.waits.families];
  const longer = (waits: number[]) => waits.filter((wait) => wait > input.waitedMinutes);
  const samples = [longer(own), longer(all)].find((waits) => waits.length >= MIN_SAMPLES);
  if (samples && quantile(samples, QUANTILE) - input.waitedMinutes > DAYS_FROM_MINUTES) return { kind: 'days' };
  return { kind: 'tonightFull' };
}
