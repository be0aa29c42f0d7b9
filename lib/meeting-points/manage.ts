import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { meetingPoints } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { isNetworkAdmin } from '@/lib/auth/network-admin';
import type { StaffUser } from '@/lib/auth/staff';
import { DomainError, notAllowed, notFound } from '@/lib/errors';
import type { MeetingPointInput } from '@/lib/validation/meeting-point';

/** The meeting points are shared by every city, so only an admin of every city keeps them. */
export const mayKeepMeetingPoints = (user: StaffUser) => isNetworkAdmin(user);

function assertMayKeep(user: StaffUser) {
  if (!mayKeepMeetingPoints(user)) throw notAllowed();
}

/** Names are unique regardless of case: "Esenler" and "esenler" would be the same place to a guide. */
function assertNameFree(db: Db, name: string, exceptId?: string) {
  const clash = db.select({ id: meetingPoints.id }).from(meetingPoints).where(sql`lower(${meetingPoints.name}) = lower(${name})`).get();
  if (clash && clash.id !== exceptId) throw new DomainError('meetingPointNameTaken', 'name');
}

function existing(db: Db, id: string) {
  const point = db.select({ id: meetingPoints.id }).from(meetingPoints).where(eq(meetingPoints.id, id)).get();
  if (!point) throw notFound();
  return point;
}

export function createMeetingPoint(db: Db, user: StaffUser, input: MeetingPointInput, now: Date): string {
  assertMayKeep(user);
  assertNameFree(db, input.name);
  const point = db
    .insert(meetingPoints)
    .values({ name: input.name, latitude: input.latitude, longitude: input.longitude, createdBy: user.id, createdAt: now })
    .returning({ id: meetingPoints.id })
    .get();
  recordAudit(db, { at: now, actorId: user.id, action: 'meetingPoint.create', entity: 'meetingPoint', entityId: point.id });
  return point.id;
}

/** Renames or moves a point; households there stay there, and their distances follow the new place. */
export function updateMeetingPoint(db: Db, user: StaffUser, input: MeetingPointInput & { meetingPointId: string }, now: Date): void {
  assertMayKeep(user);
  const point = existing(db, input.meetingPointId);
  assertNameFree(db, input.name, point.id);
  db.update(meetingPoints).set({ name: input.name, latitude: input.latitude, longitude: input.longitude }).where(eq(meetingPoints.id, point.id)).run();
  recordAudit(db, { at: now, actorId: user.id, action: 'meetingPoint.update', entity: 'meetingPoint', entityId: point.id });
}

/** Households that were at the point are then nowhere in particular (the foreign key sets them to null). */
export function deleteMeetingPoint(db: Db, user: StaffUser, meetingPointId: string, now: Date): void {
  assertMayKeep(user);
  const point = existing(db, meetingPointId);
  db.delete(meetingPoints).where(eq(meetingPoints.id, point.id)).run();
  recordAudit(db, { at: now, actorId: user.id, action: 'meetingPoint.delete', entity: 'meetingPoint', entityId: point.id });
}
