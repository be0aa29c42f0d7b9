import 'server-only';
import { NETWORK_TIME_ZONE } from '@/lib/time';
import type { Db } from '@/db';
import type { StaffUser } from '@/lib/auth/staff';
import type { HistoryScope } from './history';

export type ScopeChoice = { id: string; name: string; timeZone: string };

/** The shelters whose history the caller may read: an admin every one, a host their own, a guide none. */
export function historyShelters(db: Db, user: StaffUser): ScopeChoice[] {
  if (user.role === 'coordinator') return [];
  const all = db.$client.prepare('select id, name, time_zone as timeZone from shelters order by name').all() as ScopeChoice[];
  return user.role === 'admin' ? all : all.filter((shelter) => user.shelterIds.includes(shelter.id));
}

/**
 * The scope asked for, if the caller may read it. An unknown id and another host's shelter get the
 * same answer, so the page never tells a host which ids exist.
 */
export function resolveScope(
  user: StaffUser,
  choices: ScopeChoice[],
  requested: string | undefined,
): { scope: HistoryScope | null; timeZone: string; unknownShelter: boolean } {
  const shelter = requested && requested !== 'network' ? choices.find((choice) => choice.id === requested) : undefined;
  const unknownShelter = !!requested && requested !== 'network' && !shelter;
  if (shelter) return { scope: { shelterId: shelter.id, timeZone: shelter.timeZone }, timeZone: shelter.timeZone, unknownShelter };
  if (user.role === 'admin') return { scope: 'network', timeZone: NETWORK_TIME_ZONE, unknownShelter };
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
