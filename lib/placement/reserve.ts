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

export function householdOf(db: Db, arrivalId: string) {
  const arrival = db.select().from(arrivals).where(eq(arrivals.id, arrivalId)).get();
  if (!arrival || arrival.erasedAt) throw new DomainError('notFound');
  return arrival;
}

export function activeStayOf(db: Db, arrivalId: string) {
  return db
    .select()
    .from(stays)
    .where(and(eq(stays.arrivalId, arrivalId), inArray(stays.status, [...ACTIVE_STAY_STATUSES])))
    .get();
}

/** True when SQLite refused a second active hold on a bed (the unique partial index). */
export function isDoubleHold(error: unknown): boolean {
  return (error as { code?: string })?.code === 'SQLITE_CONSTRAINT_UNIQUE' && String((error as Error).message).includes('stay_beds');
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
): { stayId: string; token: string; holdUntil: Date; shelterId: string } {
  if (user.role !== 'coordinator' && user.role !== 'admin') throw notAllowed();
  expireHolds(db, now);
  const arrival = householdOf(db, input.arrivalId);
  if (activeStayOf(db, arrival.id)) throw new DomainError('alreadyPlaced');
  const shelter = checkBedChoice(db, arrival, input.bedIds);
  const holdUntil = new Date(now.getTime() + shelter.holdHours * 3600_000);
  const stay = db
    .insert(stays)
    .values({ arrivalId: arrival.id, shelterId: shelter.id, status: 'reserved', holdUntil, reservedBy: user.id, createdAt: now })
    .returning()
    .get();
  try {
    db.insert(stayBeds).values([...new Set(input.bedIds)].map((bedId) => ({ stayId: stay.id, bedId }))).run();
  } catch (error) {
    if (isDoubleHold(error)) throw new DomainError('bedsTaken');
    throw error;
  }
  db.update(arrivals).set({ status: 'placed' }).where(eq(arrivals.id, arrival.id)).run();
  recordAudit(db, { at: now, actorId: user.id, action: 'stay.reserve', entity: 'stay', entityId: stay.id, shelterId: shelter.id });
  const token = issueLink(db, stay, user.id, now);
  return { stayId: stay.id, token, holdUntil, shelterId: shelter.id };
}
