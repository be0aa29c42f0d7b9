import 'server-only';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db';
import { auth } from './index';
import { mustEnrol } from './second-factor';
import { loadStaffUser, type StaffUser } from './staff';

/**
 * The signed-in staff member, re-checked against the database, or null. Cached for one server
 * render (layout and page ask alike); each server action call reads it afresh.
 */
export const currentUser = cache(async (): Promise<StaffUser | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  return loadStaffUser(
    getDb(),
    { userId: session.user.id, signedInAt: session.signedInAt, lastActiveAt: session.lastActiveAt, idleMinutes: session.idleMinutes },
    new Date(),
  );
});

/**
 * For pages: the caller, or off to the sign-in page. Every page calls this itself; layouts are not a
 * check. Someone the network requires a second factor of, who has none yet, is sent to enrol on
 * /account (the one page that passes `enrolling`) wherever they go.
 */
export async function requireStaff(options: { enrolling?: boolean } = {}): Promise<StaffUser> {
  const user = await currentUser();
  if (!user) redirect('/login');
  if (!options.enrolling && mustEnrol(getDb(), user)) redirect('/account');
  return user;
}
