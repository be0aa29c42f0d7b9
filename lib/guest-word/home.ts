import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { offers, shelters } from '@/db/schema';

/**
 * Whether a shelter is a private home (decision 0025): a person's flat, where one guest's "something
 * was wrong" is enough to pause it.
 */
export function isPrivateHome(db: Db, shelterId: string): boolean {
  return db.select({ kind: shelters.kind }).from(shelters).where(eq(shelters.id, shelterId)).get()?.kind === 'home';
}

/**
 * Whether the offer a home was made from is active: a home takes guests only then (lib/homes), so a
 * look at a guest's word may reopen it only then too.
 */
export function homeOfferActive(db: Db, shelterId: string): boolean {
  return db.select({ status: offers.status }).from(offers).where(eq(offers.shelterId, shelterId)).get()?.status === 'active';
}
