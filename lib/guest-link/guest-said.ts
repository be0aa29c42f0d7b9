import { createHash } from 'node:crypto';
import { and, eq, gte, lt, lte } from 'drizzle-orm';
import type { Db } from '@/db';
import { loginThrottles, shelters, stays } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { lateHold, type LateRefusal } from './late-hold';

/** A guest may tell the shelter something at most `max` times an hour per stay; more is a stuck button or a game. */
export const GUEST_SAID_LIMITS = { window: 3600_000, max: 6 };
export type GuestSaid = { said: 'on_my_way' | 'late'; at: Date; eta: Date | null };
export type SayOutcome = 'recorded' | 'tooMany' | 'holdEnded' | LateRefusal;

// Kept in the sign-in throttle's table under keys of its own, like lib/guest-link/link-throttle.ts:
// a stay's id, hashed, so the table says nothing readable about who is coming where.
const PREFIX = 'said:';
const keyOf = (stayId: string) => PREFIX + createHash('sha256').update(stayId).digest('base64url');

/**
 * What the guest tells the shelter about a stay, read and written in the caller's write transaction:
 * a hold that has ended takes nothing; "late, about 23:30" moves the hold as lateHold says, or is
 * refused with nothing written; every message counts against the hourly limit.
 */
export function tellShelter(
  db: Db,
  stayId: string,
  said: { intent: 'on_my_way' } | { intent: 'late'; time: string },
  now: Date,
): SayOutcome {
  const row = db
    .select({
      stay: {
        id: stays.id,
        shelterId: stays.shelterId,
        status: stays.status,
        holdUntil: stays.holdUntil,
        firstNight: stays.firstNight,
        guestSaid: stays.guestSaid,
      },
      shelter: shelters,
    })
    .from(stays)
    .innerJoin(shelters, eq(shelters.id, stays.shelterId))
    .where(eq(stays.id, stayId))
    .get();
  if (!row || row.stay.status !== 'reserved' || row.stay.holdUntil <= now) return 'holdEnded';
  if (said.intent === 'on_my_way')
    return recordGuestSaid(db, row.stay, { said: 'on_my_way', eta: null, holdUntil: row.stay.holdUntil }, now);
  const late = lateHold(row.shelter, row.stay, said.time, now);
  if ('refused' in late) return late.refused;
  return recordGuestSaid(db, row.stay, { said: 'late', eta: late.eta, holdUntil: late.holdUntil }, now);
}

/**
 * Records what the guest said, counted against the hourly limit first, and refused with nothing
 * written once it is reached. The audit trail gets the stay's id and what kind of message it was,
 * never the time said.
 */
function recordGuestSaid(
  db: Db,
  stay: { id: string; shelterId: string },
  said: Omit<GuestSaid, 'at'> & { holdUntil: Date },
  now: Date,
  limits = GUEST_SAID_LIMITS,
): 'recorded' | 'tooMany' {
  const key = keyOf(stay.id);
  const row = db.select().from(loginThrottles).where(eq(loginThrottles.key, key)).get();
  const fresh = !row || now.getTime() - row.windowStartedAt.getTime() >= limits.window;
  const count = fresh ? 0 : row.failures;
  if (count >= limits.max) return 'tooMany';
  const values = { failures: count + 1, windowStartedAt: fresh ? now : row.windowStartedAt, lockedUntil: null };
  db.insert(loginThrottles)
    .values({ key, ...values })
    .onConflictDoUpdate({ target: loginThrottles.key, set: values })
    .run();
  // Counts whose hour is over count for nothing: their rows go (a key range, so indexed).
  const over = new Date(now.getTime() - limits.window);
  db.delete(loginThrottles)
    .where(and(gte(loginThrottles.key, PREFIX), lt(loginThrottles.key, 'said;'), lte(loginThrottles.windowStartedAt, over)))
    .run();
  db.update(stays)
    .set({ guestSaid: said.said, guestSaidAt: now, guestEta: said.eta, holdUntil: said.holdUntil })
    .where(eq(stays.id, stay.id))
    .run();
  recordAudit(db, {
    at: now,
    actorId: null,
    actorKind: 'guest',
    action: `stay.guest_${said.said}`,
    entity: 'stay',
    entityId: stay.id,
    shelterId: stay.shelterId,
  });
  return 'recorded';
}
