import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { recoveryCodes, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { hasSecondFactor } from '@/lib/auth/second-factor';
import type { StaffUser } from '@/lib/auth/staff';
import { groupedKey, newRecoveryCodes, newTotpSecret, openSecret, recoveryCodeHash, sealSecret, totpStep, totpUri } from '@/lib/auth/totp';
import { DomainError } from '@/lib/errors';
import { endSessions, otherAccount } from './accounts';

const userRow = (db: Db, userId: string) => db.select().from(users).where(eq(users.id, userId)).get();

export type SecondFactorStatus =
  { on: false; pending: { key: string; uri: string } | null } | { on: true; since: Date; recoveryCodesLeft: number };

/** What /account shows: on since when (and recovery codes left), or off, with an enrolment begun. */
export function secondFactorStatus(db: Db, userId: string): SecondFactorStatus {
  const user = userRow(db, userId);
  if (!user) return { on: false, pending: null };
  if (hasSecondFactor(user)) {
    const left = db.select({ usedAt: recoveryCodes.usedAt }).from(recoveryCodes).where(eq(recoveryCodes.userId, userId)).all();
    return { on: true, since: user.totpEnabledAt!, recoveryCodesLeft: left.filter((code) => !code.usedAt).length };
  }
  if (!user.totpSecret) return { on: false, pending: null };
  const key = openSecret(user.totpSecret, user.id);
  return { on: false, pending: { key: groupedKey(key), uri: totpUri(key, user.email) } };
}

/** A new secret, sealed and waiting for its first code; a new start replaces one not confirmed. */
export function startEnrolment(db: Db, user: StaffUser): void {
  const row = userRow(db, user.id);
  if (!row) throw new DomainError('notFound');
  if (hasSecondFactor(row)) throw new DomainError('secondFactorAlreadyOn');
  db.update(users)
    .set({ totpSecret: sealSecret(newTotpSecret(), user.id), totpLastStep: null })
    .where(eq(users.id, user.id))
    .run();
}

/**
 * The first code from the app proves the app holds the secret; only then is the factor live, and every
 * session of the account issued until now ends: one opened with a stolen password must not outlive
 * the factor that would have stopped it (the enrolling browser signs in again, with a code). Returns
 * ten recovery codes, shown once: only their keyed hashes are kept.
 */
export function confirmEnrolment(db: Db, user: StaffUser, code: string, now: Date): string[] {
  const row = userRow(db, user.id);
  if (!row?.totpSecret || hasSecondFactor(row)) throw new DomainError('secondFactorNotStarted');
  const step = totpStep(openSecret(row.totpSecret, row.id), code, now);
  if (step === null) throw new DomainError('codeWrong', 'code');
  db.update(users).set({ totpEnabledAt: now, totpLastStep: step }).where(eq(users.id, user.id)).run();
  endSessions(db, user.id, now);
  recordAudit(db, { at: now, actorId: user.id, action: 'user.second_factor.on', entity: 'user', entityId: user.id });
  return replaceRecoveryCodes(db, user.id, now);
}

/** Ten new recovery codes in place of all the old ones, used or not; returned once, kept only as keyed hashes. */
function replaceRecoveryCodes(db: Db, userId: string, now: Date): string[] {
  const codes = newRecoveryCodes();
  db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  db.insert(recoveryCodes)
    .values(codes.map((c) => ({ userId, codeHash: recoveryCodeHash(c), createdAt: now })))
    .run();
  return codes;
}

/** New recovery codes while the factor stays on (the old ones run out or were seen); the action has checked password and code. */
export function renewRecoveryCodes(db: Db, user: StaffUser, now: Date): string[] {
  const row = userRow(db, user.id);
  if (!row || !hasSecondFactor(row)) throw new DomainError('secondFactorNotOn');
  recordAudit(db, { at: now, actorId: user.id, action: 'user.second_factor.recovery_codes', entity: 'user', entityId: user.id });
  return replaceRecoveryCodes(db, user.id, now);
}

/** Off, with its recovery codes, and every session of the account ends (a thief's among them). */
function clearSecondFactor(db: Db, userId: string, now: Date): void {
  db.update(users).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null }).where(eq(users.id, userId)).run();
  db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  endSessions(db, userId, now);
}

/** The caller turns their own second factor off; the action has checked the password and a current code. */
export function turnOffOwnSecondFactor(db: Db, user: StaffUser, now: Date): void {
  const row = userRow(db, user.id);
  if (!row || !hasSecondFactor(row)) throw new DomainError('secondFactorNotOn');
  clearSecondFactor(db, user.id, now);
  recordAudit(db, { at: now, actorId: user.id, action: 'user.second_factor.off', entity: 'user', entityId: user.id });
}

/** An admin resets someone's second factor (a lost phone): they sign in with the password and enrol again. */
export function resetSecondFactor(db: Db, admin: StaffUser, userId: string, now: Date): void {
  const user = otherAccount(db, admin, userId);
  if (!hasSecondFactor(user)) throw new DomainError('secondFactorNotOn');
  clearSecondFactor(db, user.id, now);
  recordAudit(db, { at: now, actorId: admin.id, action: 'user.second_factor.reset', entity: 'user', entityId: user.id });
}
