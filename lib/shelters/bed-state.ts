export type BedState = 'free' | 'reserved' | 'occupied' | 'out_of_service' | 'closed';

export type BedCounts = { total: number; free: number; reserved: number; occupied: number; outOfService: number; closed: number };

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

export function countBeds(states: BedState[]): BedCounts {
  const counts: BedCounts = { total: states.length, free: 0, reserved: 0, occupied: 0, outOfService: 0, closed: 0 };
  for (const state of states) {
    if (state === 'out_of_service') counts.outOfService++;
    else counts[state]++;
  }
  return counts;
}

export function addCounts(a: BedCounts, b: BedCounts): BedCounts {
  return {
    total: a.total + b.total,
    free: a.free + b.free,
    reserved: a.reserved + b.reserved,
    occupied: a.occupied + b.occupied,
    outOfService: a.outOfService + b.outOfService,
    closed: a.closed + b.closed,
  };
}

export const emptyCounts = (): BedCounts => countBeds([]);
