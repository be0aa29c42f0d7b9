import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { arrivals, shelters } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { StaffUser } from '@/lib/auth/staff';
import { notAllowed } from '@/lib/errors';
import type { Whereabouts } from '@/lib/matching/suggest';
import { mayActOnHousehold } from '@/lib/privacy/shares';
import type { Coordinates } from './distance';
import { meetingPointById, meetingPointFor, type MeetingPoint } from './points';

/** Where the household is now (a meeting point, named in `locale`), for a caller the page has already let in. */
export function householdMeetingPoint(db: Db, arrivalId: string, locale?: string): MeetingPoint | null {
  const row = db.select({ meetingPointId: arrivals.meetingPointId }).from(arrivals).where(eq(arrivals.id, arrivalId)).get();
  return meetingPointById(db, row?.meetingPointId, locale);
}

/** A guide says where the household is now (they moved from the airport to the bus station), or nowhere. */
export function moveHouseholdTo(db: Db, user: StaffUser, arrivalId: string, meetingPointId: string | undefined, now: Date): void {
  if (!mayActOnHousehold(db, user, arrivalId, 'household.place')) throw notAllowed();
  if (meetingPointId) {
    const household = db.select({ cityId: arrivals.cityId }).from(arrivals).where(eq(arrivals.id, arrivalId)).get();
    meetingPointFor(db, meetingPointId, household?.cityId);
  }
  db.update(arrivals)
    .set({ meetingPointId: meetingPointId ?? null })
    .where(eq(arrivals.id, arrivalId))
    .run();
  recordAudit(db, { at: now, actorId: user.id, action: 'arrival.meetingPoint', entity: 'arrival', entityId: arrivalId });
}

/**
 * What the matcher needs to measure distances for this household: where it is now and where each
 * shelter with coordinates is, the point named in `locale` for the reasons that say it. Nothing when no one has said where the household is. The coordinates
 * stay on the server: only the distance in kilometres reaches a page.
 */
export function whereaboutsOf(db: Db, arrivalId: string, locale?: string): Whereabouts | undefined {
  const point = householdMeetingPoint(db, arrivalId, locale);
  if (!point) return undefined;
  const located = new Map<string, Coordinates>();
  for (const row of db.select({ id: shelters.id, latitude: shelters.latitude, longitude: shelters.longitude }).from(shelters).all()) {
    if (row.latitude !== null && row.longitude !== null) located.set(row.id, { latitude: row.latitude, longitude: row.longitude });
  }
  return { from: { name: point.name, latitude: point.latitude, longitude: point.longitude }, shelters: located };
}
