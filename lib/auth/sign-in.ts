import { eq } from 'drizzle-orm';
import { write, type Db } from '@/db';
import { users } from '@/db/schema';
import { renewedDeviceCookie, trustedNonce } from './device-cookie';
import { dummyPasswordHash, verifyPassword } from './password';
import { hasSecondFactor, useSecondFactorCode, validTicket } from './second-factor';
import { recordLoginFailure, recordLoginSuccess, throttleKeys, throttleState, type ThrottleKeys } from './throttle';

export type SignInAttempt = {
  email: string;
  password: string;
  /** The second factor: a code from the app or a recovery code, asked for once the password is right. */
  code?: string;
  /** From the server only, after a password change: stands in for the code (see secondFactorTicket). */
  ticket?: string;
  address: string;
  /** This browser's device cookie, if it has one. */
  deviceCookie?: string;
  now: Date;
};

export type SignInResult =
  | { kind: 'ok'; user: typeof users.$inferSelect; deviceCookie: string }
  | { kind: 'rejected' }
  | { kind: 'codeNeeded' }
  | { kind: 'codeRejected' }
  | { kind: 'locked'; until: Date };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Which counters this attempt answers to: a browser with a genuine device cookie for the email its
 * own, unless that cookie is locked itself; then, as OWASP's algorithm says, it is an untrusted
 * client like any other, held to the email's and the address's counters.
 */
export function attemptKeys(db: Db, input: Pick<SignInAttempt, 'email' | 'address' | 'deviceCookie' | 'now'>): ThrottleKeys {
  const nonce = trustedNonce(input.deviceCookie, input.email, input.now);
  const trusted = throttleKeys(input.email, input.address, nonce);
  if (nonce && !throttleState(db, trusted, input.now).lockedUntil) return trusted;
  return throttleKeys(input.email, input.address);
}

function failure(db: Db, keys: ThrottleKeys, now: Date, kind: 'rejected' | 'codeRejected'): SignInResult {
  const after = write(db, (tx) => recordLoginFailure(tx, keys, now));
  return after.lockedUntil ? { kind: 'locked', until: after.lockedUntil } : { kind };
}

/**
 * Checks an email, password and, if the account has one, second factor. A wrong email and a wrong
 * password take as long and answer the same; a wrong code counts as a failure exactly like a wrong
 * password. Repeated failures are slowed down and then refused until the lock passes. On success the
 * browser's device cookie is renewed for this email.
 */
export async function checkCredentials(
  db: Db,
  input: SignInAttempt,
  options: {
    sleep?: (ms: number) => Promise<unknown>;
    /** What an unknown email's password is checked against; a test passes a cheap hash. */
    unknownEmailHash?: string;
  } = {},
): Promise<SignInResult> {
  const keys = attemptKeys(db, input);
  const before = throttleState(db, keys, input.now);
  if (before.lockedUntil) return { kind: 'locked', until: before.lockedUntil };
  if (before.delayMs > 0) await (options.sleep ?? sleep)(before.delayMs);

  const user = db.select().from(users).where(eq(users.email, input.email)).get();
  const matches = await verifyPassword(input.password, user?.passwordHash ?? options.unknownEmailHash ?? (await dummyPasswordHash()));
  if (!user || !matches || user.disabledAt) return failure(db, keys, input.now, 'rejected');
  if (hasSecondFactor(user) && !(input.ticket && validTicket(input.ticket, user.id, input.now))) {
    if (!input.code) return { kind: 'codeNeeded' };
    const code = input.code;
    if (!write(db, (tx) => useSecondFactorCode(tx, user, code, input.now))) return failure(db, keys, input.now, 'codeRejected');
  }
  write(db, (tx) => recordLoginSuccess(tx, keys));
  return { kind: 'ok', user, deviceCookie: renewedDeviceCookie(input.deviceCookie, user.email, input.now) };
}

export function lockedUntil(db: Db, input: Pick<SignInAttempt, 'email' | 'address' | 'deviceCookie' | 'now'>): Date | null {
  return throttleState(db, attemptKeys(db, input), input.now).lockedUntil;
}
