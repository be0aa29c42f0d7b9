import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { statement } from '@/db/prepared';
import { shelters } from '@/db/schema';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { NETWORK_TIME_ZONE } from '@/lib/calendar/zones';
import type { OccupancyArea } from './area';
import type { HistoryScope } from './history';

export type ScopeChoice = { id: string; name: string; timeZone: string };

const everyShelter = statement(
  () =>
    sql`select ${shelters.id}, ${shelters.name}, ${shelters.timeZone} as timeZone, ${shelters.cityId} as cityId from ${shelters} order by ${shelters.name}`,
);

/**
 * The shelters whose history the caller may read: an admin every one (an admin of some cities, those
 * cities' shelters), a host their own, a guide none; and of those, only the ones in `cityIds` if given.
 */
export function historyShelters(db: Db, user: StaffUser, cityIds: string[] | null = null): ScopeChoice[] {
  if (!can(user, 'occupancy.history')) return [];
  const all = everyShelter(db).all() as (ScopeChoice & { cityId: string | null })[];
  return all
    .filter((shelter) => can(user, 'occupancy.history', { shelter }))
    .filter((shelter) => !cityIds || (shelter.cityId !== null && cityIds.includes(shelter.cityId)))
    .map(({ id, name, timeZone }) => ({ id, name, timeZone }));
}

/**
 * The scope asked for, if the caller may read it. An unknown id and another host's shelter get the
 * same answer, so the page never tells a host which ids exist.
 */
export function resolveScope(
  user: StaffUser,
  choices: ScopeChoice[],
  requested: string | undefined,
  area: Pick<OccupancyArea, 'cityIds' | 'city' | 'cities'> = { cityIds: null, city: null, cities: [] },
): { scope: HistoryScope | null; timeZone: string; unknownShelter: boolean } {
  const shelter = requested && requested !== 'network' ? choices.find((choice) => choice.id === requested) : undefined;
  const unknownShelter = !!requested && requested !== 'network' && !shelter;
  if (shelter) return { scope: { shelterId: shelter.id, timeZone: shelter.timeZone }, timeZone: shelter.timeZone, unknownShelter };
  // Without a shelter, an admin reads the network, or (one city picked, or an admin of some cities) their cities.
  if (can(user, 'occupancy.overview') && area.cityIds) {
    // One city's days are its own; several cities' are the network's.
    const only = area.city ?? (area.cityIds.length === 1 ? area.cities.find((city) => city.id === area.cityIds![0]) : undefined);
    const timeZone = only?.timeZone ?? NETWORK_TIME_ZONE;
    return { scope: { cityIds: area.cityIds, timeZone }, timeZone, unknownShelter };
  }
  if (can(user, 'occupancy.overview')) return { scope: 'network', timeZone: NETWORK_TIME_ZONE, unknownShelter };
  const own = choices[0];
  return own
    ? { scope: { shelterId: own.id, timeZone: own.timeZone }, timeZone: own.timeZone, unknownShelter }
    : { scope: null, timeZone: NETWORK_TIME_ZONE, unknownShelter };
}

/** Above this many shelters a drop-down would be kilobytes of options: the form asks for a name. */
export const PICKER_LIMIT = 60;

/** Shelters whose name contains `name`, ignoring case and accents; an exact name wins outright. */
export function sheltersNamed(choices: ScopeChoice[], name: string): ScopeChoice[] {
  const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en').trim();
  const wanted = fold(name);
  const exact = choices.filter((choice) => fold(choice.name) === wanted);
  return exact.length > 0 ? exact : choices.filter((choice) => fold(choice.name).includes(wanted));
}
