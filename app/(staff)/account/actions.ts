'use server';

import { write, type Db } from '@/db';
import { signIn } from '@/lib/auth';
import { staffAction } from '@/lib/auth/action';
import { hashPassword } from '@/lib/auth/password';
import { requestClient } from '@/lib/auth/request-client';
import { secondFactorTicket } from '@/lib/auth/second-factor';
import { checkCredentials } from '@/lib/auth/sign-in';
import type { StaffUser } from '@/lib/auth/staff';
import { DomainError } from '@/lib/errors';
import { changeOwnPassword } from '@/lib/staff/accounts';
import { confirmEnrolment, renewRecoveryCodes, startEnrolment, turnOffOwnSecondFactor } from '@/lib/staff/second-factor';
import { changePasswordSchema, passwordAndCodeSchema, startSecondFactorSchema, totpCodeSchema } from '@/lib/validation/staff';

const lockedError = (until: Date, now: Date) =>
  new DomainError('signInLocked', undefined, { minutes: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000)) });

/**
 * The current password is checked like a sign-in, throttle included, so a borrowed session cannot be
 * used to guess it. The change ends every session; this browser then signs in with the new password.
 */
export const changePassword = staffAction(
  { permission: 'account.manage', schema: changePasswordSchema },
  async (input, { user, db, now }) => {
    const check = await checkCredentials(db, { email: user.email, password: input.currentPassword, ...(await requestClient()), now });
    if (check.kind === 'locked') throw lockedError(check.until, now);
    // 'codeNeeded' means the password was right; this session passed the second factor already.
    if (check.kind !== 'ok' && check.kind !== 'codeNeeded') throw new DomainError('account.wrongPassword', 'currentPassword');
    const passwordHash = await hashPassword(input.password);
    write(db, (tx) => changeOwnPassword(tx, user.id, passwordHash, now));
    // Issued after `now` (two scrypt runs later), so this new session outlives the cut-off.
    await signIn('credentials', {
      email: user.email,
      password: input.password,
      ticket: secondFactorTicket(user.id, new Date()),
      redirect: false,
    });
    // A fresh request, carrying the new cookie: this one's own cookie was just voided with the rest.
    return { redirectTo: '/account?changed=1' };
  },
);

/**
 * The person at the keyboard proves they own the account, as at sign-in and throttled alike, so a
 * borrowed session can neither guess nor change how the account signs in: the current password, and,
 * once a second factor is on, a current code or a recovery code.
 */
async function proveOwner(db: Db, user: StaffUser, now: Date, password: string, code?: string): Promise<void> {
  const check = await checkCredentials(db, { email: user.email, password, code, ...(await requestClient()), now });
  if (check.kind === 'locked') throw lockedError(check.until, now);
  if (check.kind === 'rejected') throw new DomainError('account.wrongPassword', 'currentPassword');
  if (check.kind === 'codeNeeded') throw new DomainError('codeRequired', 'code');
  if (check.kind === 'codeRejected') throw new DomainError('codeWrong', 'code');
}

/** Step one of enrolling, after the password: a new secret, shown on /account as a QR code and as text. */
export const startSecondFactor = staffAction(
  { permission: 'account.manage', schema: startSecondFactorSchema, enrolling: true },
  async ({ currentPassword }, { user, db, now }) => {
    await proveOwner(db, user, now, currentPassword);
    write(db, (tx) => startEnrolment(tx, user));
    return { revalidate: ['/account'], message: 'account.secondFactorStarted' };
  },
);

/**
 * Step two: the first code from the app turns it on and ends every session of the account, this one
 * too once the page is left: the recovery codes come back once, here, and the person then signs in
 * again with a code. No revalidation: a refreshed page would replace the codes before they were kept.
 */
export const confirmSecondFactor = staffAction(
  { permission: 'account.manage', schema: totpCodeSchema, enrolling: true },
  ({ code }, { user, db, now }) => {
    const codes = write(db, (tx) => confirmEnrolment(tx, user, code, now));
    return { message: 'account.secondFactorOn', data: { recoveryCodes: codes.join(' ') } };
  },
);

/** New recovery codes in place of the old, the factor staying on; shown once, like the first ones. */
export const newRecoveryCodes = staffAction(
  { permission: 'account.manage', schema: passwordAndCodeSchema },
  async ({ currentPassword, code }, { user, db, now }) => {
    await proveOwner(db, user, now, currentPassword, code);
    const codes = write(db, (tx) => renewRecoveryCodes(tx, user, now));
    return { message: 'account.recoveryCodesRenewed', data: { recoveryCodes: codes.join(' ') } };
  },
);

/** Off again, after the password and a current code or recovery code; every session ends, this one too. */
export const turnOffSecondFactor = staffAction(
  { permission: 'account.manage', schema: passwordAndCodeSchema },
  async ({ currentPassword, code }, { user, db, now }) => {
    await proveOwner(db, user, now, currentPassword, code);
    write(db, (tx) => turnOffOwnSecondFactor(tx, user, now));
    return { redirectTo: '/login' };
  },
);
