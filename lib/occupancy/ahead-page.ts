import 'server-only';
import type { Db } from '@/db';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { forecastView } from '@/lib/forecast/forecast-view';
import { areaTable } from './area-table';
import type { TableView } from './sort';

/**
 * The next nights for whoever may see occupancy now, of the same area and the same page of shelters
 * as the occupancy page's table (the link between the two keeps the view). Its own page, not a
 * section of the occupancy page: that one refreshes every 30 seconds for the figures now, and the
 * network's forecast costs more than all of them together (issue 29); the nights ahead change with
 * bookings, not by the minute, and are read when asked for.
 */
export function aheadPage(db: Db, user: StaffUser, query: { city?: string; table: Omit<TableView, 'city'> }, now: Date, locale: string) {
  if (!can(user, 'occupancy.now')) return null;
  const { area, table, shelters } = areaTable(db, user, query, now, locale);
  return {
    area,
    table,
    shelters,
    /** The area's next nights, with the expected free beds of the table's page of shelters. */
    forecast: forecastView(db, now, { cityIds: area.cityIds, shelters: shelters.rows }),
  };
}

export type AheadPage = NonNullable<ReturnType<typeof aheadPage>>;
