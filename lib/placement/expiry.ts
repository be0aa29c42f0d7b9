import { and, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { Db } from '@/db';
import { prepared, valueOf } from '@/db/prepared';
import { arrivals, stayBeds, stays } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { releaseNights } from '@/lib/nights/ledger';

const passed = () => and(eq(stays.status, 'reserved'), lte(stays.holdUntil, valueOf(stays.holdUntil, 'now')));

// Asked on every reservation and every read of availability: compiled once per connection.
const dueHolds = (db: Db) =>
  db
    .select({ id: stays.id, arrivalId: stays.arrivalId, shelterId: stays.shelterId, holdUntil: stays.holdUntil })
    .from(stays)
    .where(passed())
    .prepare();
const anyHoldDue = (db: Db) => db.select({ id: stays.id }).from(stays).where(passed()).limit(1).prepare();

/**
 * Ends every reservation whose hold has passed: its beds are free again and the household goes back
 * to the waiting queue. Every night the reservation held is released. Runs inside the caller's write transaction; idempotent.
 */
export function expireHolds(db: Db, now: Date): number {
  const due = prepared(db, dueHolds).all({ now });
  for (const stay of due) {
    db.update(stays).set({ status: 'expired', endedAt: stay.holdUntil }).where(eq(stays.id, stay.id)).run();
    releaseNights(db, stay.id);
    db.update(stayBeds)
      .set({ releasedAt: stay.holdUntil })
      .where(and(eq(stayBeds.stayId, stay.id), isNull(stayBeds.releasedAt)))
      .run();
    recordAudit(db, { at: now, actorId: null, action: 'stay.expire', entity: 'stay', entityId: stay.id, shelterId: stay.shelterId });
  }
  if (due.length > 0) {
    db.update(arrivals)
      .set({ status: 'waiting' })
      .where(
        and(
          inArray(
            arrivals.id,
            due.map((stay) => stay.arrivalId),
          ),
          eq(arrivals.status, 'placed'),
        ),
      )
      .run();
  }
  return due.length;
}

/** Whether any hold has passed: a cheap read, so that readers take the write lock only when needed. */
export function holdsDue(db: Db, now: Date): boolean {
  return !!prepared(db, anyHoldDue).get({ now });
}
