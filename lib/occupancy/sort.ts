import { pageOf, requestedPage } from '@/lib/paging';
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

export const SHELTERS_PER_PAGE = 50;

/** `city`: the slug of the one city shown, kept across sorting and paging. */
export type TableView = { sort: ShelterSort; dir: SortDirection; page: number; attention: boolean; city?: string };

/** The table's view from the query string; anything unknown falls back to the default. */
export function parseTableView(params: {
  sort?: string;
  dir?: string;
  page?: string;
  attention?: string;
}): TableView & { badPage: boolean } {
  const sort = (SHELTER_SORTS as readonly string[]).includes(params.sort ?? '') ? (params.sort as ShelterSort) : 'name';
  return { sort, dir: params.dir === 'desc' ? 'desc' : 'asc', attention: params.attention === '1', ...requestedPage(params.page) };
}

export const needsLook = (shelter: ShelterNow) => shelter.stale || shelter.full || shelter.expiringHolds > 0;

/**
 * One page of the table. A network of a thousand shelters is read a page at a time: the whole table
 * would be more than a megabyte of HTML to render and send every 30 seconds.
 */
export function tablePage(shelters: ShelterNow[], view: TableView) {
  const shown = view.attention ? shelters.filter(needsLook) : shelters;
  return pageOf(sortShelters(shown, view.sort, view.dir), view.page, SHELTERS_PER_PAGE);
}

/** The occupancy page (or the nights ahead, `path`) at this view of the table, changed as asked. */
export function viewHref(view: TableView, change: Partial<TableView>, path: '/occupancy' | '/occupancy/ahead' = '/occupancy'): string {
  const next = { ...view, ...change };
  const query = new URLSearchParams({ sort: next.sort, dir: next.dir });
  if (next.attention) query.set('attention', '1');
  if (next.page > 1) query.set('page', String(next.page));
  if (next.city) query.set('city', next.city);
  return `${path}?${query}`;
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
