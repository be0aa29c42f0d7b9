import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { meetingPoints } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { impliedCity, knownCity } from '@/lib/cities/choice';
import { DomainError, notAllowed, notFound } from '@/lib/errors';
import type { MeetingPointInput } from '@/lib/validation/meeting-point';
import { writeMeetingPointNames } from './names';

/** Admins keep meeting points: an admin of every city all of them, an admin of some cities their cities' own. */
export const mayKeepMeetingPoints = (user: StaffUser) => can(user, 'meetingPoint.edit');

/** A point belongs to its city's admins; one with no city is every city's, kept by an admin of every city. */
export const mayKeepMeetingPoint = (user: StaffUser, cityId: string | null) => can(user, 'meetingPoint.edit', { city: cityId });

// The caller's role first, then the point's city, so an answer never tells an outsider of a point elsewhere.
function assertMayKeep(user: StaffUser) {
  if (!mayKeepMeetingPoints(user)) throw notAllowed();
}

/** Names are unique regardless of case: "Esenler" and "esenler" would be the same place to a guide. */
function assertNameFree(db: Db, name: string, exceptId?: string) {
  const clash = db
    .select({ id: meetingPoints.id })
    .from(meetingPoints)
    .where(sql`lower(${meetingPoints.name}) = lower(${name})`)
    .get();
  if (clash && clash.id !== exceptId) throw new DomainError('meetingPointNameTaken', 'name');
}

/** The point's city: the one the form names, or the network's only one; with several, the form must say. */
const cityOf = (db: Db, input: MeetingPointInput) => (input.cityId ? knownCity(db, input.cityId, 'cityId').id : impliedCity(db, 'cityId'));

/** A point the caller keeps; another city's is not found, as one that does not exist. */
function keptPoint(db: Db, user: StaffUser, id: string) {
  const point = db.select({ id: meetingPoints.id, cityId: meetingPoints.cityId }).from(meetingPoints).where(eq(meetingPoints.id, id)).get();
  if (!point || !mayKeepMeetingPoint(user, point.cityId)) throw notFound();
  return point;
}

/** The city a form names for a point, which the caller must hold. */
function keptCity(db: Db, user: StaffUser, input: MeetingPointInput): string | null {
  const cityId = cityOf(db, input);
  if (!mayKeepMeetingPoint(user, cityId)) throw new DomainError('cityNotHeld', 'cityId');
  return cityId;
}

export function createMeetingPoint(db: Db, user: StaffUser, input: MeetingPointInput, now: Date): string {
  assertMayKeep(user);
  const cityId = keptCity(db, user, input);
  assertNameFree(db, input.name);
  const point = db
    .insert(meetingPoints)
    .values({ name: input.name, cityId, latitude: input.latitude, longitude: input.longitude, createdBy: user.id, createdAt: now })
    .returning({ id: meetingPoints.id })
    .get();
  if (input.names) writeMeetingPointNames(db, point.id, input.names);
  recordAudit(db, { at: now, actorId: user.id, action: 'meetingPoint.create', entity: 'meetingPoint', entityId: point.id });
  return point.id;
}

/** Renames (in any language) or moves a point; households there stay there, and their distances follow the new place. */
export function updateMeetingPoint(db: Db, user: StaffUser, input: MeetingPointInput & { meetingPointId: string }, now: Date): void {
  assertMayKeep(user);
  const point = keptPoint(db, user, input.meetingPointId);
  const cityId = keptCity(db, user, input);
  assertNameFree(db, input.name, point.id);
  db.update(meetingPoints)
    .set({ name: input.name, cityId, latitude: input.latitude, longitude: input.longitude })
    .where(eq(meetingPoints.id, point.id))
    .run();
  if (input.names) writeMeetingPointNames(db, point.id, input.names);
  recordAudit(db, { at: now, actorId: user.id, action: 'meetingPoint.update', entity: 'meetingPoint', entityId: point.id });
}

/** Households that were at the point are then nowhere in particular (the foreign key sets them to null). */
export function deleteMeetingPoint(db: Db, user: StaffUser, meetingPointId: string, now: Date): void {
  assertMayKeep(user);
  const point = keptPoint(db, user, meetingPointId);
  db.delete(meetingPoints).where(eq(meetingPoints.id, point.id)).run();
  recordAudit(db, { at: now, actorId: user.id, action: 'meetingPoint.delete', entity: 'meetingPoint', entityId: point.id });
}
