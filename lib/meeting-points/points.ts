import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { meetingPoints } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff';
import { holdsCity } from '@/lib/cities/scope';
import { DomainError } from '@/lib/errors';
import { pointsInLocale } from './names';

/** A meeting point as anyone on staff may see it: a public place (an airport) in a city, never a household's. */
export type MeetingPoint = { id: string; name: string; cityId: string | null; latitude: number; longitude: number };

const columns = {
  id: meetingPoints.id,
  name: meetingPoints.name,
  cityId: meetingPoints.cityId,
  latitude: meetingPoints.latitude,
  longitude: meetingPoints.longitude,
};

/**
 * Every point, or with `caller` only those in the caller's cities: a Yerevan guide is not offered
 * Istanbul's airports. With `locale`, each is named in that language where it has a name there, and
 * listed in that order; without it, by the names admins typed first (the form that keeps them).
 */
export function listMeetingPoints(db: Db, caller?: Pick<StaffUser, 'role' | 'cityIds'>, locale?: string): MeetingPoint[] {
  const all = db.select(columns).from(meetingPoints).orderBy(asc(meetingPoints.name)).all();
  const held = caller ? all.filter((point) => holdsCity(caller, point.cityId)) : all;
  if (!locale) return held;
  return pointsInLocale(db, held, locale).sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** The point, named in `locale` when given (else by its own name). */
export function meetingPointById(db: Db, id: string | null | undefined, locale?: string): MeetingPoint | null {
  if (!id) return null;
  const point = db.select(columns).from(meetingPoints).where(eq(meetingPoints.id, id)).get();
  if (!point) return null;
  return locale ? pointsInLocale(db, [point], locale)[0] : point;
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
