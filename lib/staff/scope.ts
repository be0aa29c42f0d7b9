import type { Db } from '@/db';
import type { StaffUser } from '@/lib/auth/staff';
import { cityScopeOf, type CityScope } from '@/lib/cities/scope';
import { DomainError } from '@/lib/errors';

/**
 * The cities a staff member (or an invitation) reaches: a guide's or admin's staff_cities, a host's
 * shelters' cities. 'all' for a guide or admin with no row, and for what cannot be placed in a city
 * (a host with no shelter, or a shelter from before cities): only all-city admins see those.
 */
export type Reach = 'all' | string[];

const reachOf = (role: string, held: string[], shelterCities: (string | null)[]): Reach => {
  if (role !== 'host') return held.length > 0 ? held : 'all';
  if (shelterCities.length === 0 || shelterCities.some((city) => city === null)) return 'all';
  return [...new Set(shelterCities as string[])];
};

function collect(rows: [string, string | null][]): Map<string, (string | null)[]> {
  const map = new Map<string, (string | null)[]>();
  for (const [owner, city] of rows) map.set(owner, [...(map.get(owner) ?? []), city]);
  return map;
}

/** Every account's reach, in three reads whatever the number of staff. */
export function staffReach(db: Db): Map<string, Reach> {
  const people = db.$client.prepare('select id, role from users').raw().all() as [string, string][];
  const held = collect(db.$client.prepare('select user_id, city_id from staff_cities').raw().all() as [string, string][]);
  const hosted = collect(
    db.$client.prepare('select m.user_id, s.city_id from shelter_members m join shelters s on s.id = m.shelter_id').raw().all() as [
      string,
      string | null,
    ][],
  );
  return new Map(people.map(([id, role]) => [id, reachOf(role, (held.get(id) ?? []) as string[], hosted.get(id) ?? [])]));
}

/** Every open or past invitation's reach, as for the account it will make. */
export function invitationReach(db: Db): Map<string, Reach> {
  const invitations = db.$client.prepare('select id, role from invitations').raw().all() as [string, string][];
  const held = collect(db.$client.prepare('select invitation_id, city_id from invitation_cities').raw().all() as [string, string][]);
  const hosted = collect(
    db.$client
      .prepare('select i.invitation_id, s.city_id from invitation_shelters i join shelters s on s.id = i.shelter_id')
      .raw()
      .all() as [string, string | null][],
  );
  return new Map(invitations.map(([id, role]) => [id, reachOf(role, (held.get(id) ?? []) as string[], hosted.get(id) ?? [])]));
}

/** An admin sees and edits a person only if every city the person reaches is one the admin holds. */
export function withinScope(scope: CityScope, reach: Reach | undefined): boolean {
  if (scope === 'all') return true;
  if (!reach || reach === 'all') return false;
  return reach.every((city) => scope.includes(city));
}

/**
 * The cities an admin gives a guide or admin (none: every city). A scoped admin gives only cities they
 * hold and never every city; an all-city admin any city that exists.
 */
export function assertGivableCities(db: Db, admin: StaffUser, cityIds: string[]): void {
  const scope = cityScopeOf(admin);
  if (scope !== 'all' && cityIds.length === 0) throw new DomainError('allCitiesNotYours', 'cityIds');
  if (cityIds.length === 0) return;
  const known = db.$client
    .prepare('select id from cities where id in (select value from json_each(?))')
    .pluck()
    .all(JSON.stringify(cityIds));
  if (known.length !== cityIds.length) throw new DomainError('invalid', 'cityIds');
  if (scope !== 'all' && cityIds.some((city) => !scope.includes(city))) throw new DomainError('cityNotYoursToGive', 'cityIds');
}

/** A host's shelters, given by a scoped admin, lie in the admin's cities. */
export function assertGivableShelters(db: Db, admin: StaffUser, shelterIds: string[]): void {
  const scope = cityScopeOf(admin);
  if (scope === 'all' || shelterIds.length === 0) return;
  const cities = db.$client
    .prepare('select city_id from shelters where id in (select value from json_each(?))')
    .pluck()
    .all(JSON.stringify(shelterIds)) as (string | null)[];
  if (cities.some((city) => city === null || !scope.includes(city))) throw new DomainError('shelterNotYours', 'shelterIds');
}
