import 'server-only';
import type { Db } from '@/db';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { utcToZonedWallClock } from '@/lib/calendar/zones';
import { preselectedCity } from '@/lib/cities/choice';
import { listCities } from '@/lib/cities/cities';
import { cityTimeZone } from '@/lib/cities/clock';
import { listMeetingPoints } from '@/lib/meeting-points/points';
import { languagesByUse, SHOWN_LANGUAGES } from './languages';

/**
 * What the intake form offers its caller, or null when they may not register households (hosts):
 * where the household is now (a city the guide holds, with its clock now, on which the arrival time
 * is typed), where it is going (any city), the guide's meeting points, and the languages most used first.
 */
export function intakePage(db: Db, user: StaffUser, now: Date, locale: string) {
  if (!can(user, 'household.register')) return null;
  const all = listCities(db, locale);
  const here = all
    .filter((city) => can(user, 'household.register', { city: city.id }))
    .map(({ id, name, timeZone }) => ({ id, name, now: utcToZonedWallClock(now, timeZone) }));
  const preselected = preselectedCity(here, user);
  return {
    /** Now on the clock of the city already chosen (the network's while none is). */
    arrivedAtDefault: utcToZonedWallClock(now, cityTimeZone(db, preselected)),
    languages: languagesByUse(db, now),
    shownLanguages: SHOWN_LANGUAGES,
    meetingPoints: listMeetingPoints(db, user, locale).map(({ id, name, cityId }) => ({ id, name, cityId })),
    cities: { here, there: all.map(({ id, name }) => ({ id, name })), preselected },
  };
}
