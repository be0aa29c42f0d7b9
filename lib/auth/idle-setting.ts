import type { Db } from '@/db';
import { networkSettings } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { notAllowed } from '@/lib/errors';
import { IDLE_MINUTES } from './idle';
import { can } from './policy';
import type { StaffUser } from './staff';

/** The network's idle limit for staff sessions, in minutes; read at each sign-in. */
export function idleMinutesOf(db: Db): number {
  return db.select({ idleMinutes: networkSettings.idleMinutes }).from(networkSettings).get()?.idleMinutes ?? IDLE_MINUTES.default;
}

/** Admins of every city only; applies to sessions signed in from now on (a session keeps the limit it began with). */
export function saveIdleMinutes(db: Db, user: StaffUser, idleMinutes: number, now: Date): void {
  if (!can(user, 'network.configure')) throw notAllowed();
  const values = { idleMinutes, updatedAt: now, updatedBy: user.id };
  db.insert(networkSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: networkSettings.id, set: values })
    .run();
  recordAudit(db, { at: now, actorId: user.id, action: 'network.idle_limit', entity: 'network' });
}
