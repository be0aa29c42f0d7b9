import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { notices, shelters } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { StaffUser } from '@/lib/auth/staff';
import { DomainError, notAllowed } from '@/lib/errors';
import { mayWithdrawNotice } from './access';

/**
 * Takes a notice down before its end: by its author, the shelter's hosts, or an admin holding the
 * city. One the caller may not touch and one that does not exist are refused alike; one already
 * down or over is said to be so, with nothing written.
 */
export function withdrawNotice(db: Db, user: StaffUser, noticeId: string, now: Date) {
  const notice = db.select().from(notices).where(eq(notices.id, noticeId)).get();
  if (!notice) throw notAllowed();
  const shelter = notice.shelterId
    ? (db.select({ id: shelters.id, cityId: shelters.cityId }).from(shelters).where(eq(shelters.id, notice.shelterId)).get() ?? null)
    : null;
  if (!mayWithdrawNotice(user, notice, shelter)) throw notAllowed();
  if (notice.withdrawnAt || notice.endsAt <= now) throw new DomainError('noticeAlreadyDown');
  db.update(notices).set({ withdrawnAt: now }).where(eq(notices.id, notice.id)).run();
  recordAudit(db, {
    at: now,
    actorId: user.id,
    action: 'notice.withdrawn',
    entity: 'notice',
    entityId: notice.id,
    shelterId: notice.shelterId,
  });
  return { id: notice.id, shelterId: notice.shelterId, cityId: notice.cityId };
}
