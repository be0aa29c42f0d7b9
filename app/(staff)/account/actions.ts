'use server';
import { headers } from 'next/headers';
import { write } from '@/db';
import { ROLES } from '@/db/schema';
import { signIn } from '@/lib/auth';
import { staffAction } from '@/lib/auth/action';
import { clientAddress } from '@/lib/auth/client-address';
import { hashPassword } from '@/lib/auth/password';
import { checkCredentials } from '@/lib/auth/sign-in';
import { DomainError } from '@/lib/errors';
import { changeOwnPassword } from '@/lib/staff/accounts';
import { changePasswordSchema } from '@/lib/validation/staff';

/**
 * The current password is checked like a sign-in, throttle included, so a borrowed session cannot be
 * used to guess it. The change ends every session; this browser then signs in with the new password.
 */
export const changePassword = staffAction({ roles: ROLES, schema: changePasswordSchema }, async (input, { user, db, now }) => {
  const address = clientAddress(await headers());
  const check = await checkCredentials(db, { email: user.email, password: input.currentPassword, address, now });
  if (check.kind === 'locked') {
    throw new DomainError('signInLocked', undefined, { minutes: Math.max(1, Math.ceil((check.until.getTime() - now.getTime()) / 60_000)) });
  }
  if (check.kind === 'rejected') throw new DomainError('account.wrongPassword', 'currentPassword');
  const passwordHash = await hashPassword(input.password);
  write(db, (tx) => changeOwnPassword(tx, user.id, passwordHash, now));
  // Issued after `now` (two scrypt runs later), so this new session outlives the cut-off.
  await signIn('credentials', { email: user.email, password: input.password, redirect: false });
  // A fresh request, carrying the new cookie: this one's own cookie was just voided with the rest.
  return { redirectTo: '/account?changed=1' };
});
