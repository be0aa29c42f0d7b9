import 'server-only';
import { asc } from 'drizzle-orm';
import type { Db } from '@/db';
import { shelters } from '@/db/schema';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { listCities } from '@/lib/cities/cities';
import { cityScopeOf, holdsCity } from '@/lib/cities/scope';
import { staffList } from './accounts';
import { pendingInvitations } from './invitations';

/**
 * The staff page for an admin, or null for anyone else: the invitations still open and the people,
 * within the admin's reach (lib/staff/scope.ts); and what an invitation or a change of role may give,
 * which for an admin of some cities is their own cities, and those cities' shelters to a host.
 */
export function staffPage(db: Db, user: StaffUser, now: Date, locale: string) {
  if (!can(user, 'staff.manage')) return null;
  const cities = listCities(db, locale)
    .filter((city) => holdsCity(user, city.id))
    .map(({ id, name }) => ({ id, name }));
  const shelterOptions = db
    .select({ id: shelters.id, name: shelters.name, cityId: shelters.cityId })
    .from(shelters)
    .orderBy(asc(shelters.name))
    .all()
    .filter((shelter) => holdsCity(user, shelter.cityId))
    .map(({ id, name }) => ({ id, name }));
  const cityName = new Map(cities.map((city) => [city.id, city.name]));
  // Every city, or the names of the ones given (null for one the admin does not hold).
  const namesOf = (reach: 'all' | string[]) => (reach === 'all' ? ('all' as const) : reach.map((id) => cityName.get(id) ?? null));
  return {
    /** The admin themself: their own account is not theirs to change here. */
    userId: user.id,
    cities,
    shelters: shelterOptions,
    /** Whether the admin may leave every city box empty (an admin of all cities). */
    allCities: cityScopeOf(user) === 'all',
    invitations: pendingInvitations(db, user, now).map((invitation) => ({ ...invitation, cityNames: namesOf(invitation.cities) })),
    people: staffList(db, user).map((person) => ({ ...person, cityNames: namesOf(person.cities) })),
  };
}

export type StaffPage = NonNullable<ReturnType<typeof staffPage>>;
