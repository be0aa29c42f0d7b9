import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { shelters, stayWords } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { DomainError, notAllowed } from '@/lib/errors';
import { homeOfferActive } from './home';

/** Whether a guest's "something was wrong" that nobody has looked at yet holds this home paused. */
export function homeHeldByWord(db: Db, shelterId: string): boolean {
  const row = db
    .select({ stayId: stayWords.stayId })
    .from(stayWords)
    .where(and(eq(stayWords.shelterId, shelterId), eq(stayWords.pausedHome, true), isNull(stayWords.lookedAt)))
    .limit(1)
    .get();
  return row !== undefined;
}

/**
 * A staff member of the stay's city has looked at a guest's word (audited), and may reopen the home
 * it paused once no other word nobody has looked at holds it. An unknown stay and another city's are
 * refused alike. Looking twice is refused; reopening a home that is not paused by a word is too.
 */
export function lookAtWord(db: Db, user: StaffUser, input: { stayId: string; reopen: boolean }, now: Date): { shelterId: string } {
  const row = db
    .select({ word: stayWords, shelter: { id: shelters.id, cityId: shelters.cityId, status: shelters.status } })
    .from(stayWords)
    .innerJoin(shelters, eq(shelters.id, stayWords.shelterId))
    .where(eq(stayWords.stayId, input.stayId))
    .get();
  if (!row || !can(user, 'stay.feedback', { shelter: row.shelter })) throw notAllowed();
  const { word, shelter } = row;
  if (word.lookedAt && !input.reopen) throw new DomainError('wordAlreadyLooked');
  if (input.reopen && !(word.pausedHome && shelter.status === 'paused')) throw new DomainError('homeNotPausedByWord');
  if (!word.lookedAt) {
    db.update(stayWords).set({ lookedAt: now, lookedBy: user.id }).where(eq(stayWords.stayId, word.stayId)).run();
    recordAudit(db, {
      at: now,
      actorId: user.id,
      action: 'stay.guest_word_looked',
      entity: 'stay',
      entityId: word.stayId,
      shelterId: shelter.id,
    });
  }
  if (input.reopen) {
    if (homeHeldByWord(db, shelter.id)) throw new DomainError('homeHeldByOtherWord');
    // Paused or withdrawn by its person meanwhile: the home opens again with its offer, not here.
    if (!homeOfferActive(db, shelter.id)) throw new DomainError('homeOpensWithOffer');
    db.update(shelters).set({ status: 'open' }).where(eq(shelters.id, shelter.id)).run();
    recordAudit(db, {
      at: now,
      actorId: user.id,
      action: 'shelter.reopen_after_guest_word',
      entity: 'shelter',
      entityId: shelter.id,
      shelterId: shelter.id,
    });
  }
  return { shelterId: shelter.id };
}
