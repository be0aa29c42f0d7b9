import 'server-only';
import type { Db } from '@/db';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { listCities } from '@/lib/cities/cities';
import { viewableShelter } from './access';
import { shelterTextsByLocale } from './profile';

/**
 * A shelter's profile to edit, or null when the caller may not change the shelter (the same as
 * unknown): every field of it with its texts by language, and the cities it may be in. Admins move a
 * shelter between the cities they hold; a host sees its city but does not choose it.
 */
export function profilePage(db: Db, user: StaffUser, shelterId: string, locale: string) {
  const shelter = viewableShelter(db, user, shelterId);
  if (!shelter || !can(user, 'shelter.edit', { shelter })) return null;
  // The two forms get the fields they edit, not the row: what the page's payload carries is chosen here.
  const { lateGraceMinutes, latestArrival, lastConfirmedAt: _shownOnTheBoard, ...profile } = shelter;
  return {
    shelter: { ...profile, texts: shelterTextsByLocale(db, shelter.id) },
    late: { id: shelter.id, lateGraceMinutes, latestArrival, checkInUntil: shelter.checkInUntil },
    cities: listCities(db, locale)
      .filter((city) => city.id === shelter.cityId || can(user, 'shelter.relocate', { city: city.id }))
      .map(({ id, name, timeZone }) => ({ id, name, timeZone })),
    chooseCity: can(user, 'shelter.relocate'),
  };
}
