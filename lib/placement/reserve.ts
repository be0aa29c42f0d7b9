import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { arrivals, stayBeds, stays } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { StaffUser } from '@/lib/auth/staff';
import { DomainError, notAllowed } from '@/lib/errors';
import { checkBedChoice } from './bed-choice';
import { expireHolds } from './expiry';
import { issueLink } from './links';

export const ACTIVE_STAY_STATUSES = ['reserved', 'checked_in'] as const;
export const isActiveStay = (stay: { status: string }) => (ACTIVE_STAY_STATUSES as readonly string[]).includes(stay.status);

/** When a reservation made now stops holding its beds. */
export const holdUntilAt = (shelter: { holdHours: number }, now: Date) => new Date(now.getTime() + shelter.holdHours * 3600_000);

/** A request withdrawn by the person or judged not genuine is out of the queue for good. */
export const isWithdrawn = (arrival: { status: string }) => arrival.status === 'cancelled' || arrival.status === 'not_genuine';

export function householdOf(db: Db, arrivalId: string) {
  const arrival = db.select().from(arrivals).where(eq(arrivals.id, arrivalId)).get();
  if (!arrival || arrival.erasedAt || isWithdrawn(arrival)) throw new DomainError('notFound');
  return arrival;
}

export function activeStayOf(db: Db, arrivalId: string) {
  return db
    .select()
    .from(stays)
    .where(and(eq(stays.arrivalId, arrivalId), inArray(stays.status, [...ACTIVE_STAY_STATUSES])))
    .get();
}

/**
 * Holds the beds for a stay. If another stay holds one already, the unique partial index refuses it
 * and the caller sees "those beds were just taken", even if a check before were ever wrong.
 */
export function holdBeds(db: Db, stayId: string, bedIds: string[], now: Date): void {
  try {
    db.insert(stayBeds).values([...new Set(bedIds)].map((bedId) => ({ stayId, bedId, heldAt: now }))).run();
  } catch (error) {
    const code = (error as { code?: string })?.code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' && String((error as Error).message).includes('stay_beds')) throw new DomainError('bedsTaken');
    throw error;
  }
}

/**
 * Holds beds for a household for the shelter's hold time and issues the arrival's link. Must run in
 * one BEGIN IMMEDIATE transaction: the checks and the insert see the same database, and the unique
 * index on active holds refuses a double booking even if a check were ever wrong.
 */
export function reserveBeds(
  db: Db,
  user: StaffUser,
  input: { arrivalId: string; bedIds: string[] },
  now: Date,
): { stayId: string; token: string; holdUntil: Date; shelterId: string; languages: string[] } {
  if (user.role !== 'coordinator' && user.role !== 'admin') throw notAllowed();
  expireHolds(db, now);
  const arrival = householdOf(db, input.arrivalId);
  if (activeStayOf(db, arrival.id)) throw new DomainError('alreadyPlaced');
  const shelter = checkBedChoice(db, arrival, input.bedIds);
  const holdUntil = holdUntilAt(shelter, now);
  const stay = db
    .insert(stays)
    .values({ arrivalId: arrival.id, shelterId: shelter.id, status: 'reserved', holdUntil, reservedBy: user.id, createdAt: now })
    .returning()
    .get();
  holdBeds(db, stay.id, input.bedIds, now);
  db.update(arrivals).set({ status: 'placed' }).where(eq(arrivals.id, arrival.id)).run();
  recordAudit(db, { at: now, actorId: user.id, action: 'stay.reserve', entity: 'stay', entityId: stay.id, shelterId: shelter.id });
  const token = issueLink(db, stay, user.id, now);
  return { stayId: stay.id, token, holdUntil, shelterId: shelter.id, languages: arrival.languages };
}
