import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { arrivals, meetingPoints } from '@/db/schema';
import type { TranslatedNames } from '@/lib/i18n/translated-name';
import { distanceKm, shownKm } from './distance';
import { meetingPointNamesOf } from './names';

/**
 * How far the shelter is from where the guide met the household (an airport, the bus station), for
 * the household's own page: the point's name in every language it has (the page picks the reader's)
 * and the straight-line distance. The point's own coordinates stay on the server.
 */
export type GuestMeetingPoint = { name: string; names: TranslatedNames; km: number };

export function meetingPointForGuest(
  db: Db,
  arrivalId: string,
  shelter: { latitude: number | null; longitude: number | null },
): GuestMeetingPoint | null {
  if (shelter.latitude === null || shelter.longitude === null) return null;
  const point = db
    .select({ id: meetingPoints.id, name: meetingPoints.name, latitude: meetingPoints.latitude, longitude: meetingPoints.longitude })
    .from(arrivals)
    .innerJoin(meetingPoints, eq(meetingPoints.id, arrivals.meetingPointId))
    .where(eq(arrivals.id, arrivalId))
    .get();
  if (!point) return null;
  const km = shownKm(distanceKm(point, { latitude: shelter.latitude, longitude: shelter.longitude }));
  return { name: point.name, names: meetingPointNamesOf(db, [point.id]).get(point.id) ?? {}, km };
}
