import { eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import { networkSettings, recoveryCodes, users } from '@/db/schema';
import { mustEnrol } from '@/lib/auth/second-factor';
import { checkCredentials } from '@/lib/auth/sign-in';
import { DomainError } from '@/lib/errors';
import { RATE_LIMITS } from '@/lib/security/rate-limits';
import {
  confirmEnrolment,
  renewRecoveryCodes,
  resetSecondFactor,
  secondFactorStatus,
  startEnrolment,
  turnOffOwnSecondFactor,
} from '@/lib/staff/second-factor';
import { asStaff, FIXTURE_HASH, fixtureHash, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);
process.env.AUTH_SECRET = 'second-factor-test-secret-second-factor';

const PASSWORD = 'a quiet courtyard in balat';
const T0 = new Date('2026-11-03T09:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const noSleep = { sleep: async () => undefined, unknownEmailHash: FIXTURE_HASH };

const passwordHash = fixtureHash(PASSWORD);

let n = 0;
const address = () => `192.0.2.${++n}`;
/** The code an authenticator app holding `key` shows at `when`. */
const codeAt = (key: string, when: Date) =>
  TOTP.generate({ secret: Secret.fromBase32(key.replace(/\s+/g, '')), timestamp: when.getTime() });
const signIn = (email: string, code: string | undefined, now: Date, deviceCookie?: string) =>
  checkCredentials(db, { email, password: PASSWORD, code, address: address(), deviceCookie, now }, noSleep);

/** A staff member who has enrolled at T0; returns the key the page showed and the recovery codes. */
function enrolled(role: 'admin' | 'host' = 'host') {
  const user = makeUser(db, role, { passwordHash });
  write(db, (tx) => startEnrolment(tx, asStaff(user)));
  const status = secondFactorStatus(db, user.id);
  if (status.on || !status.pending) throw new Error('enrolment did not start');
  const key = status.pending.key;
  const codes = write(db, (tx) => confirmEnrolment(tx, asStaff(user), codeAt(key, T0), T0));
  return { user, key, codes };
}

describe('enrolling', () => {
  it('is live only once a first code from the app confirms it, and gives ten single-use recovery codes', async () => {
    const user = makeUser(db, 'host', { passwordHash });
    write(db, (tx) => startEnrolment(tx, asStaff(user)));
    const status = secondFactorStatus(db, user.id);
    expect(status).toMatchObject({
      on: false,
      pending: { key: expect.stringMatching(/^[A-Z2-7 ]+$/), uri: expect.stringMatching(/^otpauth:\/\/totp\/Waystation:/) },
    });
    // Not live yet: the password alone still signs in.
    expect((await signIn(user.email, undefined, T0)).kind).toBe('ok');
    const key = status.on ? '' : status.pending!.key;
    expect(() => write(db, (tx) => confirmEnrolment(tx, asStaff(user), '000000', T0))).toThrow(DomainError);
    const codes = write(db, (tx) => confirmEnrolment(tx, asStaff(user), codeAt(key, T0), T0));
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(secondFactorStatus(db, user.id)).toMatchObject({ on: true, recoveryCodesLeft: 10 });
  });

  it('ends every session of the account issued until then, as turning it off does', () => {
    const user = makeUser(db, 'host', { passwordHash });
    write(db, (tx) => startEnrolment(tx, asStaff(user)));
    const status = secondFactorStatus(db, user.id);
    const key = status.on ? '' : status.pending!.key;
    expect(db.select().from(users).where(eq(users.id, user.id)).get()!.sessionsValidAfter).toBeNull();
    write(db, (tx) => confirmEnrolment(tx, asStaff(user), codeAt(key, at(30)), at(30)));
    expect(db.select().from(users).where(eq(users.id, user.id)).get()!.sessionsValidAfter).toEqual(at(30));
  });

  it('gives new recovery codes in place of every old one, the factor staying on', async () => {
    const { user, key, codes } = enrolled();
    expect((await signIn(user.email, codes[0], at(10))).kind).toBe('ok');
    const fresh = write(db, (tx) => renewRecoveryCodes(tx, asStaff(user), at(20)));
    expect(fresh).toHaveLength(10);
    expect(secondFactorStatus(db, user.id)).toMatchObject({ on: true, recoveryCodesLeft: 10 });
    expect((await signIn(user.email, codes[1], at(30))).kind).toBe('codeRejected');
    expect((await signIn(user.email, fresh[0], at(40))).kind).toBe('ok');
    expect((await signIn(user.email, codeAt(key, at(60)), at(60))).kind).toBe('ok');
    const without = makeUser(db, 'host', { passwordHash });
    expect(() => write(db, (tx) => renewRecoveryCodes(tx, asStaff(without), at(70)))).toThrow(DomainError);
  });

  it('keeps the secret sealed and the recovery codes hashed: the database alone gives neither away', () => {
    const { user, key, codes } = enrolled();
    const dump = JSON.stringify([
      sqlite.prepare('select * from users where id = ?').get(user.id),
      sqlite.prepare('select * from recovery_codes').all(),
    ]);
    expect(dump).not.toContain(key.replace(/\s+/g, ''));
    for (const code of codes) expect(dump).not.toContain(code.replace('-', ''));
    // A sealed secret copied onto another account does not open there.
    const other = makeUser(db, 'host');
    const sealed = db.select({ s: users.totpSecret }).from(users).where(eq(users.id, user.id)).get()!.s;
    db.update(users).set({ totpSecret: sealed }).where(eq(users.id, other.id)).run();
    expect(() => secondFactorStatus(db, other.id)).toThrow();
  });
});

describe('signing in with a second factor', () => {
  it('asks for the code after the right password, accepts it once, and refuses it again', async () => {
    const { user, key } = enrolled();
    const now = at(90);
    expect(await signIn(user.email, undefined, now)).toEqual({ kind: 'codeNeeded' });
    // A wrong password never gets as far as the code.
    expect((await checkCredentials(db, { email: user.email, password: 'not it at all', address: address(), now }, noSleep)).kind).toBe(
      'rejected',
    );
    const code = codeAt(key, now);
    expect((await signIn(user.email, code, now)).kind).toBe('ok');
    expect((await signIn(user.email, code, at(95))).kind).toBe('codeRejected');
    // The code of the step before, still within the drift allowed, is refused too: steps only go forward.
    expect((await signIn(user.email, codeAt(key, at(60)), at(95))).kind).toBe('codeRejected');
    expect((await signIn(user.email, codeAt(key, at(120)), at(120))).kind).toBe('ok');
  });

  it('takes a recovery code in the same field, once', async () => {
    const { user, codes } = enrolled();
    expect((await signIn(user.email, codes[3].toUpperCase().replace('-', ' '), at(30))).kind).toBe('ok');
    expect((await signIn(user.email, codes[3], at(31))).kind).toBe('codeRejected');
    expect(secondFactorStatus(db, user.id)).toMatchObject({ on: true, recoveryCodesLeft: 9 });
  });

  it('counts wrong codes exactly like wrong passwords: five lock strangers out, not the owner’s browser', async () => {
    const { user, key } = enrolled();
    const first = await signIn(user.email, codeAt(key, at(30)), at(30));
    const cookie = first.kind === 'ok' ? first.deviceCookie : undefined;
    const stranger = address();
    const kinds = [];
    for (let i = 0; i < RATE_LIMITS['signIn.email'].block.at; i++) {
      kinds.push(
        (await checkCredentials(db, { email: user.email, password: PASSWORD, code: '123456', address: stranger, now: at(40 + i) }, noSleep))
          .kind,
      );
    }
    expect(kinds).toEqual([...Array(RATE_LIMITS['signIn.email'].block.at - 1).fill('codeRejected'), 'locked']);
    expect((await signIn(user.email, codeAt(key, at(90)), at(90))).kind).toBe('locked');
    expect((await signIn(user.email, codeAt(key, at(90)), at(90), cookie)).kind).toBe('ok');
  });

  it('turning it off ends every session and lets the password alone sign in again', async () => {
    const { user } = enrolled();
    write(db, (tx) => turnOffOwnSecondFactor(tx, asStaff(user), at(62)));
    const row = db.select().from(users).where(eq(users.id, user.id)).get()!;
    expect(row).toMatchObject({ totpSecret: null, totpEnabledAt: null, sessionsValidAfter: at(62) });
    expect(db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id)).all()).toEqual([]);
    expect((await signIn(user.email, undefined, at(63))).kind).toBe('ok');
  });

  it('an admin’s reset ends the account’s sessions and lets the password alone sign in, to enrol again', async () => {
    const admin = makeUser(db, 'admin');
    const { user } = enrolled();
    expect(() => write(db, (tx) => resetSecondFactor(tx, asStaff(user), admin.id, at(10)))).toThrow(DomainError);
    expect(() => write(db, (tx) => resetSecondFactor(tx, asStaff(admin), admin.id, at(10)))).toThrow(DomainError);
    write(db, (tx) => resetSecondFactor(tx, asStaff(admin), user.id, at(10)));
    expect(db.select().from(users).where(eq(users.id, user.id)).get()).toMatchObject({ totpEnabledAt: null, sessionsValidAfter: at(10) });
    expect((await signIn(user.email, undefined, at(11))).kind).toBe('ok');
  });
});

describe('the network’s policy', () => {
  it('requires enrolment of admins or of everyone, and of nobody who has enrolled', () => {
    const [admin, host] = [makeUser(db, 'admin'), makeUser(db, 'host')];
    const policy = (secondFactor: 'off' | 'admins' | 'everyone') =>
      db
        .insert(networkSettings)
        .values({ id: 1, secondFactor })
        .onConflictDoUpdate({ target: networkSettings.id, set: { secondFactor } })
        .run();
    expect([mustEnrol(db, admin), mustEnrol(db, host)]).toEqual([false, false]);
    policy('admins');
    expect([mustEnrol(db, admin), mustEnrol(db, host)]).toEqual([true, false]);
    policy('everyone');
    expect([mustEnrol(db, admin), mustEnrol(db, host)]).toEqual([true, true]);
    expect(mustEnrol(db, enrolled('admin').user)).toBe(false);
    policy('off');
  });
});
