import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { statement } from '@/db/prepared';
import { cities, invitationCities, invitations, invitationShelters, shelterMembers, shelters, staffCities, users } from '@/db/schema';
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

const everyAccount = statement(() => sql`select ${users.id}, ${users.role} from ${users}`);
const accountCities = statement(() => sql`select ${staffCities.userId}, ${staffCities.cityId} from ${staffCities}`);
const hostedCities = statement(
  () => sql`
  select ${shelterMembers.userId}, ${shelters.cityId} from ${shelterMembers} join ${shelters} on ${shelters.id} = ${shelterMembers.shelterId}`,
);
const everyInvitation = statement(() => sql`select ${invitations.id}, ${invitations.role} from ${invitations}`);
const invitedCities = statement(() => sql`select ${invitationCities.invitationId}, ${invitationCities.cityId} from ${invitationCities}`);
const invitedShelterCities = statement(
  () => sql`
  select ${invitationShelters.invitationId}, ${shelters.cityId}
    from ${invitationShelters} join ${shelters} on ${shelters.id} = ${invitationShelters.shelterId}`,
);

/** Every account's reach, in three reads whatever the number of staff. */
export function staffReach(db: Db): Map<string, Reach> {
  const people = everyAccount(db).raw().all() as [string, string][];
  const held = collect(accountCities(db).raw().all() as [string, string][]);
  const hosted = collect(hostedCities(db).raw().all() as [string, string | null][]);
  return new Map(people.map(([id, role]) => [id, reachOf(role, (held.get(id) ?? []) as string[], hosted.get(id) ?? [])]));
}

/** Every open or past invitation's reach, as for the account it will make. */
export function invitationReach(db: Db): Map<string, Reach> {
  const invitations = everyInvitation(db).raw().all() as [string, string][];
  const held = collect(invitedCities(db).raw().all() as [string, string][]);
  const hosted = collect(invitedShelterCities(db).raw().all() as [string, string | null][]);
  return new Map(invitations.map(([id, role]) => [id, reachOf(role, (held.get(id) ?? []) as string[], hosted.get(id) ?? [])]));
}

/** An admin sees and edits a person only if every city the person reaches is one the admin holds. */
export function withinScope(scope: CityScope, reach: Reach | undefined): boolean {
  if (scope === 'all') return true;
  if (!reach || reach === 'all') return false;
  return reach.every((city) => scope.includes(city));
}

const knownCities = statement(() => sql`select ${cities.id} from ${cities} where ${cities.id} in (select value from json_each(?))`);
const citiesOfShelters = statement(
  () => sql`select ${shelters.cityId} from ${shelters} where ${shelters.id} in (select value from json_each(?))`,
);

/**
 * The cities an admin gives a guide or admin (none: every city). A scoped admin gives only cities they
 * hold and never every city; an all-city admin any city that exists.
 */
export function assertGivableCities(db: Db, admin: StaffUser, cityIds: string[]): void {
  const scope = cityScopeOf(admin);
  if (scope !== 'all' && cityIds.length === 0) throw new DomainError('allCitiesNotYours', 'cityIds');
  if (cityIds.length === 0) return;
  const known = knownCities(db).pluck().all(JSON.stringify(cityIds));
  if (known.length !== cityIds.length) throw new DomainError('invalid', 'cityIds');
  if (scope !== 'all' && cityIds.some((city) => !scope.includes(city))) throw new DomainError('cityNotYoursToGive', 'cityIds');
}

/** A host's shelters, given by a scoped admin, lie in the admin's cities. */
export function assertGivableShelters(db: Db, admin: StaffUser, shelterIds: string[]): void {
  const scope = cityScopeOf(admin);
  if (scope === 'all' || shelterIds.length === 0) return;
  const shelterCities = citiesOfShelters(db).pluck().all(JSON.stringify(shelterIds)) as (string | null)[];
  if (shelterCities.some((city) => city === null || !scope.includes(city))) throw new DomainError('shelterNotYours', 'shelterIds');
}
