import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { arrivals, stays } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { DomainError, notAllowed, notFound } from '@/lib/errors';
import { activeStayOf } from '@/lib/placement/reserve';
import { releaseBeds } from '@/lib/placement/stays';
import { mayActOnHousehold } from '@/lib/privacy/shares';

/**
 * A guide says a registration was made by mistake or twice: it ends, like a request not genuine,
 * and is not counted as a registration in history, unmet demand or waits. Beds it held are freed at
 * once. Someone already checked in is a real guest: that stay ends by check-out, not by this.
 */
export function markMistaken(db: Db, user: StaffUser, arrivalId: string, now: Date): void {
  if (!can(user, 'household.place')) throw notAllowed();
  const arrival = db.select().from(arrivals).where(eq(arrivals.id, arrivalId)).get();
  if (!arrival || arrival.erasedAt || !mayActOnHousehold(db, user, arrivalId)) throw notFound();
  if (arrival.status !== 'waiting' && arrival.status !== 'placed') throw new DomainError('householdEnded');
  const stay = activeStayOf(db, arrivalId);
  if (stay && stay.status !== 'reserved') throw new DomainError('alreadyCheckedIn');
  if (stay) {
    db.update(stays).set({ status: 'cancelled', endedAt: now }).where(eq(stays.id, stay.id)).run();
    releaseBeds(db, stay.id, now);
    recordAudit(db, { at: now, actorId: user.id, action: 'stay.cancel', entity: 'stay', entityId: stay.id, shelterId: stay.shelterId });
  }
  db.update(arrivals).set({ status: 'mistaken', endedAt: now }).where(eq(arrivals.id, arrivalId)).run();
  recordAudit(db, { at: now, actorId: user.id, action: 'arrival.mistaken', entity: 'arrival', entityId: arrivalId });
}
