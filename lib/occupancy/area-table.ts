import 'server-only';
import type { Db } from '@/db';
import type { StaffUser } from '@/lib/auth/staff';
import { occupancyArea } from './area';
import { networkNow } from './now';
import { tablePage, type TableView } from './sort';

/**
 * The caller's area (their cities, or the one asked for by `city`), its figures now, and the page of
 * its shelters' table that `table` asks for: what the occupancy page and the nights ahead both show,
 * so the two list the same shelters.
 */
export function areaTable(db: Db, user: StaffUser, query: { city?: string; table: Omit<TableView, 'city'> }, now: Date, locale: string) {
  const area = occupancyArea(db, user, query.city, locale);
  const network = networkNow(db, now, area.cityIds);
  const table = { ...query.table, city: area.city?.slug };
  return { area, network, table, shelters: tablePage(network.shelters, table) };
}
