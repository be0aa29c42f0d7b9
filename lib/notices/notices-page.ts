import 'server-only';
import type { Db } from '@/db';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { listCities } from '@/lib/cities/cities';
import { cityNoticesFor } from './live';

/**
 * An admin's notices to the guests of whole cities, or null for anyone else: the notices live in the
 * cities they hold, and those cities (each with its clock, on which a notice's end is told).
 */
export function cityNoticesPage(db: Db, user: StaffUser, now: Date, locale: string) {
  if (!can(user, 'notice.postCity')) return null;
  return {
    cities: listCities(db, locale)
      .filter((city) => can(user, 'notice.postCity', { city: city.id }))
      .map(({ id, name, timeZone }) => ({ id, name, timeZone })),
    notices: cityNoticesFor(db, user, now),
  };
}
