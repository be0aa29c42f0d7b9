import 'server-only';
import type { Db } from '@/db';
import type { StaffUser } from '@/lib/auth/staff';
import { listCities } from '@/lib/cities/cities';
import { holdsCity } from '@/lib/cities/scope';
import { mayKeepMeetingPoints } from './manage';
import { meetingPointNamesOf } from './names';
import { listMeetingPoints } from './points';

/**
 * The meeting points an admin keeps, or null for anyone else: each of their cities' points under the
 * name its admin typed first, with its names in other languages to edit, and the cities a point may be in.
 */
export function meetingPointsPage(db: Db, user: StaffUser, locale: string) {
  if (!mayKeepMeetingPoints(user)) return null;
  const points = listMeetingPoints(db, user);
  return {
    points,
    names: Object.fromEntries(
      meetingPointNamesOf(
        db,
        points.map((point) => point.id),
      ),
    ),
    cities: listCities(db, locale)
      .filter((city) => holdsCity(user, city.id))
      .map(({ id, name }) => ({ id, name })),
  };
}
