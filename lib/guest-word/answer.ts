import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { prepared } from '@/db/prepared';
import { shelters, stays, stayWords, type StayWordAnswer } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { isPrivateHome } from './home';

export type GuestWord = { answer: StayWordAnswer; answeredAt: Date };
export type WordOutcome = 'recorded' | 'already' | 'notAsked';

/** The question is asked once the guest has checked out, for as long as their link lives. */
export const wordAsked = (stay: { status: string }) => stay.status === 'checked_out';

// Read on every opening of a link after check-out: compiled once per connection.
const wordOf = (db: Db) =>
  db
    .select({ answer: stayWords.answer, answeredAt: stayWords.answeredAt })
    .from(stayWords)
    .where(eq(stayWords.stayId, sql.placeholder('stayId')))
    .prepare();

/** What the guest answered about this stay, if they have: the page then thanks them instead of asking. */
export function guestWordOf(db: Db, stayId: string): GuestWord | null {
  return prepared(db, wordOf).get({ stayId }) ?? null;
}

/**
 * Records the guest's word about a stay they have checked out of, in the caller's write transaction.
 * Given once: a second post (a second tab, the back button, someone else holding the link) writes
 * nothing and says so. "Something was wrong" about a private home pauses it (an open one) until a
 * staff member of its city looks; a regular shelter is not paused by one guest's word. The audit
 * trail gets the stay's id and what happened, never the note.
 */
export function giveWord(db: Db, stayId: string, word: { answer: StayWordAnswer; note: string | null }, now: Date): WordOutcome {
  const stay = db
    .select({ id: stays.id, status: stays.status, shelterId: stays.shelterId, shelterStatus: shelters.status })
    .from(stays)
    .innerJoin(shelters, eq(shelters.id, stays.shelterId))
    .where(eq(stays.id, stayId))
    .get();
  if (!stay || !wordAsked(stay)) return 'notAsked';
  const home = word.answer === 'wrong' && isPrivateHome(db, stay.shelterId);
  const inserted = db
    .insert(stayWords)
    .values({ stayId, shelterId: stay.shelterId, answer: word.answer, note: word.note, answeredAt: now, pausedHome: home })
    .onConflictDoNothing()
    .run();
  if (inserted.changes === 0) return 'already';
  const guest = { at: now, actorId: null, actorKind: 'guest' as const, shelterId: stay.shelterId };
  recordAudit(db, { ...guest, action: `stay.guest_word_${word.answer}`, entity: 'stay', entityId: stayId });
  if (home && stay.shelterStatus === 'open') {
    db.update(shelters).set({ status: 'paused' }).where(eq(shelters.id, stay.shelterId)).run();
    recordAudit(db, { ...guest, action: 'shelter.pause_by_guest_word', entity: 'shelter', entityId: stay.shelterId });
  }
  return 'recorded';
}
