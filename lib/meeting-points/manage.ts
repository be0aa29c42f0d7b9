import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { meetingPoints } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { StaffUser } from '@/lib/auth/staff';
import { DomainError, notAllowed, notFound } from '@/lib/errors';
import type { MeetingPointInput } from '@/lib/validation/meeting-point';
import { impliedCity, knownCity } from '@/lib/cities/choice';

function assertAdmin(user: StaffUser) {
  if (user.role !== 'admin') throw notAllowed();
}

/** Names are unique regardless of case: "Esenler" and "esenler" would be the same place to a guide. */
function assertNameFree(db: Db, name: string, exceptId?: string) {
  const clash = db.select({ id: meetingPoints.id }).from(meetingPoints).where(sql`lower(${meetingPoints.name}) = lower(${name})`).get();
  if (clash && clash.id !== exceptId) throw new DomainError('meetingPointNameTaken', 'name');
}

/** The point's city: the one the form names, or the network's only one; with several, the form must say. */
const cityOf = (db: Db, input: MeetingPointInput) => (input.cityId ? knownCity(db, input.cityId, 'cityId').id : impliedCity(db, 'cityId'));

function existing(db: Db, id: string) {
  const point = db.select({ id: meetingPoints.id }).from(meetingPoints).where(eq(meetingPoints.id, id)).get();
  if (!point) throw notFound();
  return point;
}

export function createMeetingPoint(db: Db, user: StaffUser, input: MeetingPointInput, now: Date): string {
  assertAdmin(user);
  assertNameFree(db, input.name);
  const point = db
    .insert(meetingPoints)
    .values({ name: input.name, cityId: cityOf(db, input), latitude: input.latitude, longitude: input.longitude, createdBy: user.id, createdAt: now })
    .returning({ id: meetingPoints.id })
    .get();
  recordAudit(db, { at: now, actorId: user.id, action: 'meetingPoint.create', entity: 'meetingPoint', entityId: point.id });
  return point.id;
}

/** Renames or moves a point; households there stay there, and their distances follow the new place. */
export function updateMeetingPoint(db: Db, user: StaffUser, input: MeetingPointInput & { meetingPointId: string }, now: Date): void {
  assertAdmin(user);
  const point = existing(db, input.meetingPointId);
  assertNameFree(db, input.name, point.id);
  db.update(meetingPoints).set({ name: input.name, cityId: cityOf(db, input), latitude: input.latitude, longitude: input.longitude }).where(eq(meetingPoints.id, point.id)).run();
  recordAudit(db, { at: now, actorId: user.id, action: 'meetingPoint.update', entity: 'meetingPoint', entityId: point.id });
}

/** Households that were at the point are then nowhere in particular (the foreign key sets them to null). */
export function deleteMeetingPoint(db: Db, user: StaffUser, meetingPointId: string, now: Date): void {
  assertAdmin(user);
  const point = existing(db, meetingPointId);
  db.delete(meetingPoints).where(eq(meetingPoints.id, point.id)).run();
  recordAudit(db, { at: now, actorId: user.id, action: 'meetingPoint.delete', entity: 'meetingPoint', entityId: point.id });
}
