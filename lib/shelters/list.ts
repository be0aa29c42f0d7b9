import { asc } from 'drizzle-orm';
import type { Db } from '@/db';
import { shelters } from '@/db/schema';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { holdsCity } from '@/lib/cities/scope';
import { sheltersTonight } from '@/lib/occupancy/free-tonight';
import { pageOf, type Paged } from '@/lib/paging';
import { emptyCounts, type BedCounts } from './bed-state';

export type ShelterSummary = typeof shelters.$inferSelect & { counts: BedCounts; editable: boolean };

/** A page of the staff list: fifty cards are a long scroll on a phone already. */
export const SHELTERS_PER_LIST_PAGE = 50;

/**
 * The shelters listed to a staff member, one page of them: a host their own; a guide the open ones
 * and an admin all, of the cities they hold (a scoped guide opens another city's shelter only from a
 * household moving there). In order of name, or city by city when `cityNames` (city id → the name
 * the caller reads) is given. Only the page's beds are counted, by the one definition of tonight
 * (lib/occupancy/free-tonight.ts): the network's fifty thousand would be counted for fifty cards.
 */
export function shelterList(
  db: Db,
  user: StaffUser,
  now: Date,
  options: { page?: number; cityNames?: Map<string, string> } = {},
): Paged<ShelterSummary> {
  const visible = db
    .select()
    .from(shelters)
    .orderBy(asc(shelters.name))
    .all()
    // What the caller may open, kept to the cities they hold: a guide opens another city's open
    // shelter from a household's page, but lists only their own cities' (a host's reach is their shelters).
    .filter((shelter) => can(user, 'shelter.view', { shelter }) && holdsCity(user, shelter.cityId));
  const { cityNames } = options;
  if (cityNames) {
    const cityOf = (cityId: string | null) => cityNames.get(cityId ?? '') ?? '';
    visible.sort((a, b) => cityOf(a.cityId).localeCompare(cityOf(b.cityId)) || a.name.localeCompare(b.name));
  }
  const shown = pageOf(visible, options.page ?? 1, SHELTERS_PER_LIST_PAGE);
  const counts = new Map(
    sheltersTonight(db, now, { shelterIds: shown.rows.map((shelter) => shelter.id) }).map((shelter) => [shelter.id, shelter.counts]),
  );
  return {
    ...shown,
    rows: shown.rows.map((shelter) => ({
      ...shelter,
      counts: counts.get(shelter.id) ?? emptyCounts(),
      editable: can(user, 'shelter.edit', { shelter }),
    })),
  };
}
