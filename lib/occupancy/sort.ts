import type { ShelterNow } from './now';

export const SHELTER_SORTS = ['name', 'status', 'inService', 'occupied', 'reserved', 'free', 'rate', 'expiring', 'confirmed'] as const;
export type ShelterSort = (typeof SHELTER_SORTS)[number];
export type SortDirection = 'asc' | 'desc';

const keyOf: Record<ShelterSort, (shelter: ShelterNow) => string | number> = {
  name: (s) => s.name.toLocaleLowerCase(),
  status: (s) => s.status,
  inService: (s) => s.inService,
  occupied: (s) => s.counts.occupied,
  reserved: (s) => s.counts.reserved,
  free: (s) => s.counts.free,
  rate: (s) => s.rate ?? -1,
  expiring: (s) => s.expiringHolds,
  // Never confirmed sorts as the oldest confirmation of all.
  confirmed: (s) => s.lastConfirmedAt?.getTime() ?? 0,
};

export function parseSort(sort: string | undefined, dir: string | undefined): { sort: ShelterSort; dir: SortDirection } {
  const known = (SHELTER_SORTS as readonly string[]).includes(sort ?? '') ? (sort as ShelterSort) : 'name';
  return { sort: known, dir: dir === 'desc' ? 'desc' : 'asc' };
}

/** Sorted by one column, ties by name, so the order never jumps between refreshes. */
export function sortShelters(shelters: ShelterNow[], sort: ShelterSort, dir: SortDirection): ShelterNow[] {
  const key = keyOf[sort];
  const sign = dir === 'asc' ? 1 : -1;
  return [...shelters].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) return (ka < kb ? -1 : 1) * sign;
    return a.name.localeCompare(b.name);
  });
}
