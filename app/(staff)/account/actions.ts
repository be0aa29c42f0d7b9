'use server';
import { write } from '@/db';
import { ROLES } from '@/db/schema';
import { signIn } from '@/lib/auth';
import { staffAction } from '@/lib/auth/action';
import { hashPassword } from '@/lib/auth/password';
import { requestClient } from '@/lib/auth/request-client';
import { secondFactorTicket } from '@/lib/auth/second-factor';
import { checkCredentials, checkPasswordOrCode } from '@/lib/auth/sign-in';
import { DomainError } from '@/lib/errors';
import { changeOwnPassword } from '@/lib/staff/accounts';
import { confirmEnrolment, startEnrolment, turnOffOwnSecondFactor } from '@/lib/staff/second-factor';
import { changePasswordSchema, secondFactorOffSchema, totpCodeSchema } from '@/lib/validation/staff';
import { z } from 'zod';

const lockedError = (until: Date, now: Date) =>
  new DomainError('signInLocked', undefined, { minutes: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000)) });

/**
 * The current password is checked like a sign-in, throttle included, so a borrowed session cannot be
 * used to guess it. The change ends every session; this browser then signs in with the new password.
 */
export const changePassword = staffAction({ roles: ROLES, schema: changePasswordSchema }, async (input, { user, db, now }) => {
  const check = await checkCredentials(db, { email: user.email, password: input.currentPassword, ...(await requestClient()), now });
  if (check.kind === 'locked') throw lockedError(check.until, now);
  // 'codeNeeded' means the password was right; this session passed the second factor already.
  if (check.kind !== 'ok' && check.kind !== 'codeNeeded') throw new DomainError('account.wrongPassword', 'currentPassword');
  const passwordHash = await hashPassword(input.password);
  write(db, (tx) => changeOwnPassword(tx, user.id, passwordHash, now));
  // Issued after `now` (two scrypt runs later), so this new session outlives the cut-off.
  await signIn('credentials', { email: user.email, password: input.password, ticket: secondFactorTicket(user.id, new Date()), redirect: false });
  // A fresh request, carrying the new cookie: this one's own cookie was just voided with the rest.
  return { redirectTo: '/account?changed=1' };
});

/** Step one of enrolling: a new secret, shown on /account as a QR code and as text. */
export const startSecondFactor = staffAction({ roles: ROLES, schema: z.object({}), enrolling: true }, (_input, { user, db }) => {
  write(db, (tx) => startEnrolment(tx, user));
  return { revalidate: ['/account'], message: 'account.secondFactorStarted' };
});

/**
 * Step two: the first code from the app turns it on; the recovery codes come back once, here. No
 * revalidation: a refreshed page would replace the form showing them before they were written down.
 */
export const confirmSecondFactor = staffAction({ roles: ROLES, schema: totpCodeSchema, enrolling: true }, ({ code }, { user, db, now }) => {
  const codes = write(db, (tx) => confirmEnrolment(tx, user, code, now));
  return { message: 'account.secondFactorOn', data: { recoveryCodes: codes.join(' ') } };
});

/** Off again, after a current code, a recovery code or the password; every session ends, this one too. */
export const turnOffSecondFactor = staffAction({ roles: ROLES, schema: secondFactorOffSchema }, async ({ answer }, { user, db, now }) => {
  const check = await checkPasswordOrCode(db, { email: user.email, answer, ...(await requestClient()), now });
  if (check === 'rejected') throw new DomainError('account.wrongPasswordOrCode', 'answer');
  if (check !== 'ok') throw lockedError(check.lockedUntil, now);
  write(db, (tx) => turnOffOwnSecondFactor(tx, user, now));
  return { redirectTo: '/login' };
});
