import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { offers } from '@/db/schema';

/**
 * Whether a shelter is a private home: the shelter an offer from /offer became (offers.shelter_id).
 * Read only; a home is a person's flat, where one guest's "something was wrong" is enough to pause it.
 */
export function isPrivateHome(db: Db, shelterId: string): boolean {
  return db.select({ id: offers.id }).from(offers).where(eq(offers.shelterId, shelterId)).limit(1).get() !== undefined;
}
