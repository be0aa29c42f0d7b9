import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { networkSettings, recoveryCodes, users, type Role } from '@/db/schema';
import { derivedKey } from './keys';
import { normalizeCode, openSecret, recoveryCodeHash, totpStep } from './totp';

type UserRow = typeof users.$inferSelect;

export const hasSecondFactor = (user: Pick<UserRow, 'totpSecret' | 'totpEnabledAt'>) => Boolean(user.totpSecret && user.totpEnabledAt);

/**
 * Accepts a code from the authenticator app, or one of the account's recovery codes, at most once:
 * an app code only for a time step later than the last one accepted, a recovery code only unused.
 * Run inside write(), so two requests racing with the same code cannot both pass.
 */
export function useSecondFactorCode(db: Db, user: Pick<UserRow, 'id' | 'totpSecret' | 'totpEnabledAt'>, code: string, now: Date): boolean {
  if (!hasSecondFactor(user)) return false;
  const normalized = normalizeCode(code);
  if (/^\d{6}$/.test(normalized)) {
    const step = totpStep(openSecret(user.totpSecret!, user.id), normalized, now);
    const last = db.select({ step: users.totpLastStep }).from(users).where(eq(users.id, user.id)).get()?.step ?? null;
    if (step === null || (last !== null && step <= last)) return false;
    db.update(users).set({ totpLastStep: step }).where(eq(users.id, user.id)).run();
    return true;
  }
  const used = db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.userId, user.id), eq(recoveryCodes.codeHash, recoveryCodeHash(normalized)), isNull(recoveryCodes.usedAt)))
    .run();
  return used.changes === 1;
}

/** Whether the network asks this role for a second factor ('admins' or 'everyone' under Settings). */
export function secondFactorRequired(db: Db, role: Role): boolean {
  const policy = db.select({ policy: networkSettings.secondFactor }).from(networkSettings).get()?.policy ?? 'off';
  return policy === 'everyone' || (policy === 'admins' && role === 'admin');
}

/** A staff member the network requires a second factor of, who has none yet: they may only enrol. */
export function mustEnrol(db: Db, user: { id: string; role: Role }): boolean {
  if (!secondFactorRequired(db, user.role)) return false;
  const row = db
    .select({ totpSecret: users.totpSecret, totpEnabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, user.id))
    .get();
  return !row || !hasSecondFactor(row);
}

const TICKET_MS = 60_000;
const ticketMac = (userId: string, issuedAt: string) =>
  createHmac('sha256', derivedKey('second factor ticket')).update(`${userId}.${issuedAt}`).digest();

/**
 * Stands in for the code when the server itself signs a person in again right after they proved who
 * they are in a session that passed both factors (a password change ends every session, this one's
 * too). The password is still checked. Minted and spent within one server action; never sent out.
 */
export function secondFactorTicket(userId: string, now: Date): string {
  const issuedAt = String(now.getTime());
  return `${issuedAt}.${ticketMac(userId, issuedAt).toString('base64url')}`;
}

export function validTicket(ticket: string, userId: string, now: Date): boolean {
  const [issuedAt, given] = ticket.split('.');
  if (!issuedAt || !given || !/^\d+$/.test(issuedAt)) return false;
  const age = now.getTime() - Number(issuedAt);
  const expected = ticketMac(userId, issuedAt);
  const actual = Buffer.from(given, 'base64url');
  return age >= 0 && age < TICKET_MS && actual.length === expected.length && timingSafeEqual(actual, expected);
}
