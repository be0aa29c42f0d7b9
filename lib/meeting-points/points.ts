import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { meetingPoints } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff';
import { holdsCity } from '@/lib/cities/scope';
import { DomainError } from '@/lib/errors';

/** A meeting point as anyone on staff may see it: a public place (an airport) in a city, never a household's. */
export type MeetingPoint = { id: string; name: string; cityId: string | null; latitude: number; longitude: number };

const columns = {
  id: meetingPoints.id,
  name: meetingPoints.name,
  cityId: meetingPoints.cityId,
  latitude: meetingPoints.latitude,
  longitude: meetingPoints.longitude,
};

/** Every point, or with `caller` only those in the caller's cities: a Yerevan guide is not offered Istanbul's airports. */
export function listMeetingPoints(db: Db, caller?: Pick<StaffUser, 'role' | 'cityIds'>): MeetingPoint[] {
  const all = db.select(columns).from(meetingPoints).orderBy(asc(meetingPoints.name)).all();
  return caller ? all.filter((point) => holdsCity(caller, point.cityId)) : all;
}

export function meetingPointById(db: Db, id: string | null | undefined): MeetingPoint | null {
  if (!id) return null;
  return db.select(columns).from(meetingPoints).where(eq(meetingPoints.id, id)).get() ?? null;
}

/** Whether a household in `cityId` can be at this point: one in its city, or one the network has not placed in any. */
export const pointIsIn = (point: Pick<MeetingPoint, 'cityId'>, cityId: string | null | undefined) =>
  point.cityId === null || point.cityId === (cityId ?? null);

/**
 * The point a form names for a household in `cityId`: refused as unknown when the network has no such
 * point, and next to the field when it is in another city.
 */
export function meetingPointFor(db: Db, id: string, cityId: string | null | undefined): MeetingPoint {
  const point = meetingPointById(db, id);
  if (!point) throw new DomainError('unknownMeetingPoint', 'meetingPointId');
  if (!pointIsIn(point, cityId)) throw new DomainError('meetingPointOtherCity', 'meetingPointId');
  return point;
}
