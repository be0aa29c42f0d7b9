import type { Db } from '@/db';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { notAllowed, notFound } from '@/lib/errors';
import { eraseHousehold } from './erase';
import { mayActOnHousehold } from './shares';

/** Forget now: a guide or admin erases a household's details at once, after confirming. */
export function forgetHousehold(db: Db, user: StaffUser, arrivalId: string, now: Date): void {
  if (!can(user, 'household.place')) throw notAllowed();
  if (!mayActOnHousehold(db, user, arrivalId)) throw notFound();
  eraseHousehold(db, arrivalId, now, user.id);
}
