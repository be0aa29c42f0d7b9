import type { Db } from '@/db';
import { arrivalWithStay } from '@/lib/arrivals/queries';
import type { StaffUser } from '@/lib/auth/staff';
import { notAllowed, notFound } from '@/lib/errors';
import { eraseHousehold } from './erase';
import { guideMayOpen } from './shares';

/** Forget now: a guide or admin erases a household's details at once, after confirming. */
export function forgetHousehold(db: Db, user: StaffUser, arrivalId: string, now: Date): void {
  if (user.role !== 'coordinator' && user.role !== 'admin') throw notAllowed();
  const found = arrivalWithStay(db, arrivalId);
  if (!found || found.arrival.erasedAt || !guideMayOpen(user, found.arrival, found.current?.stay)) throw notFound();
  eraseHousehold(db, arrivalId, now, user.id);
}
