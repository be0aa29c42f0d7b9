import 'server-only';
import type { Db } from '@/db';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { twoInOneBedByShelter } from '@/lib/shelters/bed-conflicts';
import { areaTable } from './area-table';
import { needsLook, type TableView } from './sort';

/**
 * Occupancy now for its caller, or null when they may not see it (hosts): a guide or admin of some
 * cities gets those cities' shelters and totals; the network's, only one of all (or one city asked
 * for by `city`, an id or a slug). The shelters' table comes a page at a time, as `table` asks.
 */
export function overviewPage(db: Db, user: StaffUser, query: { city?: string; table: Omit<TableView, 'city'> }, now: Date, locale: string) {
  if (!can(user, 'occupancy.now')) return null;
  const { area, network, table, shelters } = areaTable(db, user, query, now, locale);
  const onlyCity = area.city ?? (area.cityIds?.length === 1 ? area.cities.find((city) => city.id === area.cityIds![0]) : undefined);
  return {
    area,
    /** The one city the figures are of, if only one; none for the network or several cities. */
    onlyCity: onlyCity ?? null,
    totals: network.totals,
    free: network.free,
    waiting: network.waiting,
    twoInOneBed: twoInOneBedByShelter(db, area.cityIds, now),
    /** The table's view (kept across sorting and paging), and its page of shelters. */
    table,
    shelters,
    shelterCount: network.shelters.length,
    attentionCount: network.shelters.filter(needsLook).length,
    /** Admins read the history of several shelters at once; guides only the figures now. */
    mayReadHistory: can(user, 'occupancy.overview'),
  };
}

export type OverviewPage = NonNullable<ReturnType<typeof overviewPage>>;
