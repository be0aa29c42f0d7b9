import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { cityScopeOf } from '@/lib/cities/scope';
import { DomainError } from '@/lib/errors';

/** Where a household is now (its queue) and, if it said so, the city it is moving to. */
export type HouseholdCities = { cityId: string | null; destinationCityId: string | null };

/**
 * Where a placement goes, seen from the household: in its own city; in the city it is moving to;
 * elsewhere. A household with no city (from a deleted city; all-city staff only) is at home anywhere.
 */
export type PlacementKind = 'home' | 'destination' | 'elsewhere';

export function placementKind(household: HouseholdCities, shelterCityId: string | null): PlacementKind {
  if (household.cityId === null || shelterCityId === household.cityId) return 'home';
  return shelterCityId !== null && shelterCityId === household.destinationCityId ? 'destination' : 'elsewhere';
}

/**
 * Whether this caller may put this household in a shelter of `shelterCityId`, and if so whether it is a
 * cross-city placement, recorded as such (`stay.reserve_elsewhere`). The caller may already act on the
 * household (lib/privacy/shares.ts: they hold its city). Then:
 * - its own city: always;
 * - the city it is moving to: a deliberate choice (`elsewhere`), even if the caller does not hold
 *   that city, as a guide in Yerevan sends people on to Istanbul's shelters;
 * - any other city: a deliberate choice, and only in a city the caller holds.
 * Refusals are checked before anything is written.
 */
export function checkPlacementCity(
  user: StaffUser,
  household: HouseholdCities,
  shelterCityId: string | null,
  elsewhere: boolean,
): PlacementKind {
  const kind = placementKind(household, shelterCityId);
  if (kind === 'home') return kind;
  if (kind === 'elsewhere' && !can(user, 'household.place', { city: shelterCityId })) throw new DomainError('cityNotYours');
  if (!elsewhere) throw new DomainError('elsewhereNotChosen');
  return kind;
}

/** The cities whose shelters "show shelters in other cities" lists for this household: the caller's, less its own two. */
export function elsewhereCities(user: Pick<StaffUser, 'role' | 'cityIds'>, household: HouseholdCities, allCityIds: string[]): string[] {
  const scope = cityScopeOf(user);
  const reachable = scope === 'all' ? allCityIds : allCityIds.filter((id) => scope.includes(id));
  return reachable.filter((id) => id !== household.cityId && id !== household.destinationCityId);
}

export const auditActionFor = (kind: PlacementKind) => (kind === 'home' ? 'stay.reserve' : 'stay.reserve_elsewhere');
