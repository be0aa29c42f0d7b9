import { createHash } from 'node:crypto';
import { and, eq, gte, lt, lte } from 'drizzle-orm';
import type { Db } from '@/db';
import { loginThrottles, stays } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { addNights, tonightIn } from '@/lib/nights/calendar';
import { zonedWallClockToUtc } from '@/lib/time';

/** A guest may tell the shelter something at most `max` times an hour per stay; more is a stuck button or a game. */
export const GUEST_SAID_LIMITS = { window: 3600_000, max: 6 };
/** "I'll be late" is about tonight: a time further off than this is a mistake, not a plan. */
export const LATE_HORIZON_MS = 12 * 3600_000;

export type GuestSaid = { said: 'on_my_way' | 'late'; at: Date; eta: Date | null };
export type LateRefusal = 'lateTooFar';

/**
 * "23:30" said at `now`, read in the shelter's zone: the next time the clock shows it. Said at 23:00,
 * "00:30" is tomorrow's 00:30; "21:00" would be tomorrow evening, more than 12 hours off, and refused.
 */
export function lateEta(time: string, timeZone: string, now: Date): Date | LateRefusal {
  const today = tonightIn(timeZone, now);
  let eta = zonedWallClockToUtc(`${today}T${time}`, timeZone);
  if (eta <= now) eta = zonedWallClockToUtc(`${addNights(today, 1)}T${time}`, timeZone);
  return eta.getTime() - now.getTime() > LATE_HORIZON_MS ? 'lateTooFar' : eta;
}

// Kept in the sign-in throttle's table under keys of its own, like lib/arrival/link-throttle.ts:
// a stay's id, hashed, so the table says nothing readable about who is coming where.
const PREFIX = 'said:';
const keyOf = (stayId: string) => PREFIX + createHash('sha256').update(stayId).digest('base64url');

/**
 * Records what the guest said on a held stay, in the caller's write transaction: counted against the
 * hourly limit first, and refused with nothing written once it is reached. The audit trail gets the
 * stay's id and what kind of message it was, never the time said.
 */
export function recordGuestSaid(
  db: Db,
  stay: { id: string; shelterId: string },
  said: Omit<GuestSaid, 'at'>,
  now: Date,
  limits = GUEST_SAID_LIMITS,
): 'recorded' | 'tooMany' {
  const key = keyOf(stay.id);
  const row = db.select().from(loginThrottles).where(eq(loginThrottles.key, key)).get();
  const fresh = !row || now.getTime() - row.windowStartedAt.getTime() >= limits.window;
  const count = fresh ? 0 : row.failures;
  if (count >= limits.max) return 'tooMany';
  const values = { failures: count + 1, windowStartedAt: fresh ? now : row.windowStartedAt, lockedUntil: null };
  db.insert(loginThrottles).values({ key, ...values }).onConflictDoUpdate({ target: loginThrottles.key, set: values }).run();
  // Counts whose hour is over count for nothing: their rows go (a key range, so indexed).
  const over = new Date(now.getTime() - limits.window);
  db.delete(loginThrottles).where(and(gte(loginThrottles.key, PREFIX), lt(loginThrottles.key, 'said;'), lte(loginThrottles.windowStartedAt, over))).run();
  db.update(stays).set({ guestSaid: said.said, guestSaidAt: now, guestEta: said.eta }).where(eq(stays.id, stay.id)).run();
  recordAudit(db, { at: now, actorId: null, action: `stay.guest_${said.said}`, entity: 'stay', entityId: stay.id, shelterId: stay.shelterId });
  return 'recorded';
}
