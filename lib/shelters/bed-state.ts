export type BedState = 'free' | 'reserved' | 'occupied' | 'out_of_service' | 'closed';

/**
 * Beds counted by state. The states are of the rooms' own beds; surge beds (decision 0026), laid out
 * for a few nights, are counted apart: `surge` those there tonight, whatever their state, and
 * `surgeFree` those of them free. A free surge bed is never in `free`.
 */
export type BedCounts = {
  total: number;
  free: number;
  reserved: number;
  occupied: number;
  outOfService: number;
  closed: number;
  surge: number;
  surgeFree: number;
};

type ActiveHold = { status: string; holdUntil: Date } | null | undefined;

/**
 * A bed tonight (lib/occupancy/free-tonight.ts): whoever is in it or holds it first, then whether it
 * can be slept in. A hold past its time no longer counts: expiry is applied whenever availability is read.
 */
export function bedState(bed: { outOfService: boolean; closed?: boolean }, hold: ActiveHold, now: Date): BedState {
  if (hold?.status === 'checked_in') return 'occupied';
  if (hold?.status === 'reserved' && hold.holdUntil > now) return 'reserved';
  if (bed.outOfService) return 'out_of_service';
  return bed.closed ? 'closed' : 'free';
}

/** The rooms' own beds' states, and apart the states of the surge beds there tonight. */
export function countBeds(states: BedState[], surgeStates: readonly BedState[] = []): BedCounts {
  const counts: BedCounts = {
    total: states.length,
    free: 0,
    reserved: 0,
    occupied: 0,
    outOfService: 0,
    closed: 0,
    surge: surgeStates.length,
    surgeFree: surgeStates.filter((state) => state === 'free').length,
  };
  for (const state of states) {
    if (state === 'out_of_service') counts.outOfService++;
    else counts[state]++;
  }
  return counts;
}

/** Beds of a list, each its own or a surge bed, counted (countBeds). */
export const countListed = (beds: readonly { state: BedState; surge: boolean }[]) =>
  countBeds(
    beds.filter((bed) => !bed.surge).map((bed) => bed.state),
    beds.filter((bed) => bed.surge).map((bed) => bed.state),
  );

export function addCounts(a: BedCounts, b: BedCounts): BedCounts {
  return {
    total: a.total + b.total,
    free: a.free + b.free,
    reserved: a.reserved + b.reserved,
    occupied: a.occupied + b.occupied,
    outOfService: a.outOfService + b.outOfService,
    closed: a.closed + b.closed,
    surge: a.surge + b.surge,
    surgeFree: a.surgeFree + b.surgeFree,
  };
}

export const emptyCounts = (): BedCounts => countBeds([]);
