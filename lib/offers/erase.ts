import { and, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { Db } from '@/db';
import { offers } from '@/db/schema';
import { recordAudit } from '@/lib/audit';

const DAY = 86_400_000;

/** Withdrawn and declined offers ended at least `days` ago whose contact, note and link are not yet erased. */
export const offersDue = (db: Db, now: Date, days: number, limit: number) =>
  db
    .select({ id: offers.id })
    .from(offers)
    .where(
      and(
        isNull(offers.erasedAt),
        inArray(offers.status, ['withdrawn', 'declined']),
        lte(offers.endedAt, new Date(now.getTime() - days * DAY)),
      ),
    )
    .limit(limit)
    .all()
    .map((row) => row.id);

/**
 * Erases what names or reaches the person behind an offer (contact, note, link); what was offered,
 * where and when stays, as counts. Checked again here, inside the caller's transaction.
 */
export function eraseOffers(db: Db, ids: string[], now: Date, days: number): number {
  let erased = 0;
  for (const id of ids) {
    const done = db
      .update(offers)
      .set({ contact: null, note: null, tokenHash: null, erasedAt: now })
      .where(
        and(
          eq(offers.id, id),
          isNull(offers.erasedAt),
          inArray(offers.status, ['withdrawn', 'declined']),
          lte(offers.endedAt, new Date(now.getTime() - days * DAY)),
        ),
      )
      .run();
    if (done.changes === 0) continue;
    erased++;
    recordAudit(db, { at: now, actorId: null, actorKind: 'system', action: 'offer.erase', entity: 'offer', entityId: id });
  }
  return erased;
}
