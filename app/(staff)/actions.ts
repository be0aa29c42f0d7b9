'use server';

import { getDb, write } from '@/db';
import { signOut } from '@/lib/auth';
import { currentUser } from '@/lib/auth/current-user';
import { endSessions } from '@/lib/staff/accounts';

/** Ends this session for good: the cookie is cleared and every session issued so far is void. */
export async function signOutEverywhere(): Promise<void> {
  const user = await currentUser();
  if (user) write(getDb(), (tx) => endSessions(tx, user.id, new Date()));
  await signOut({ redirectTo: '/login' });
}
