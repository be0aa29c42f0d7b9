import type { Role } from '@/db/schema';

/** Who holds cities: a role, and the cities held (none: every city). */
type Holder = { role: Role; cityIds?: readonly string[] | null };

/**
 * Which cities a staff member works in. A guide or admin holds one city, several, or (no rows in
 * staff_cities) all of them; a host's reach is their shelters, whatever city those are in.
 */
export type CityScope = 'all' | readonly string[];

export const cityScopeOf = (user: Holder): CityScope =>
  user.role === 'host' || !user.cityIds || user.cityIds.length === 0 ? 'all' : user.cityIds;

/** Whether the caller holds this city. Something with no city yet is for all-city staff only. */
export function holdsCity(user: Holder, cityId: string | null | undefined): boolean {
  const scope = cityScopeOf(user);
  if (scope === 'all') return true;
  return cityId != null && scope.includes(cityId);
}
