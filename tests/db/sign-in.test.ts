import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginThrottles, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { checkCredentials } from '@/lib/auth/sign-in';
import { THROTTLE } from '@/lib/auth/throttle';
import { makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const test = createTestDb();
const { db } = test;
afterAll(test.cleanup);

const RIGHT = 'correct horse battery';
const WRONG = 'incorrect horse battery';
const START = new Date('2026-03-01T10:00:00Z');
const at = (ms: number) => new Date(START.getTime() + ms);

let passwordHash: string;
beforeAll(async () => {
  passwordHash = await hashPassword(RIGHT);
});

let addressCounter = 0;
/** Each test signs in from its own address, so address counts never leak between tests. */
function client() {
  addressCounter += 1;
  const address = `203.0.113.${addressCounter}`;
  const delays: number[] = [];
  const attempt = (email: string, password: string, now: Date) =>
    checkCredentials(db, { email, password, address, now }, { sleep: async (ms) => void delays.push(ms) });
  return { address, delays, attempt };
}

const newUser = () => makeUser(db, 'host', { passwordHash });

describe('checkCredentials', () => {
  it('signs in with the right password', async () => {
    const user = newUser();
    const result = await client().attempt(user.email, RIGHT, START);
    expect(result.kind).toBe('ok');
    expect(result.kind === 'ok' && result.user.id).toBe(user.id);
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const user = newUser();
    const { attempt } = client();
    const wrongPassword = await attempt(user.email, WRONG, START);
    const unknownEmail = await attempt('nobody@example.test', RIGHT, at(1000));
    expect(wrongPassword).toEqual({ kind: 'rejected' });
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it('slows down repeated failures with growing delays, without sleeping for real', async () => {
    const user = newUser();
    const { attempt, delays } = client();
    for (let i = 0; i < THROTTLE.emailLimit; i++) {
      expect((await attempt(user.email, WRONG, at(i * 1000))).kind).not.toBe('ok');
    }
    expect(delays.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThan(delays[i - 1]);
    for (const delay of delays) expect(delay).toBeLessThanOrEqual(THROTTLE.maxDelay);
  });

  it('locks an email after too many failures, even for the right password, until the lock passes', async () => {
    const user = newUser();
    const { attempt } = client();
    const results = [];
    let lastFailure = START;
    for (let i = 0; i < THROTTLE.emailLimit; i++) {
      lastFailure = at(i * 10_000);
      results.push((await attempt(user.email, WRONG, lastFailure)).kind);
    }
    expect(results.slice(0, -1).every((kind) => kind === 'rejected')).toBe(true);
    const until = new Date(lastFailure.getTime() + THROTTLE.lock);

    const whileLocked = await attempt(user.email, RIGHT, new Date(lastFailure.getTime() + 60_000));
    expect(whileLocked).toEqual({ kind: 'locked', until });

    // Locked for a while, never for good.
    const afterwards = await attempt(user.email, RIGHT, new Date(until.getTime() + 1));
    expect(afterwards.kind).toBe('ok');
  });

  it('forgets an email’s failures after a successful sign-in', async () => {
    const user = newUser();
    const { attempt, delays } = client();
    for (let i = 0; i < THROTTLE.emailLimit - 1; i++) await attempt(user.email, WRONG, at(i * 1000));
    expect((await attempt(user.email, RIGHT, at(10_000))).kind).toBe('ok');

    delays.length = 0;
    const after = [];
    for (let i = 0; i < THROTTLE.emailLimit - 1; i++) after.push((await attempt(user.email, WRONG, at(20_000 + i * 1000))).kind);
    // Counting had started again: no lock and, at first, no slowing down.
    expect(after).toEqual(Array(THROTTLE.emailLimit - 1).fill('rejected'));
    expect(delays.length).toBeLessThan(THROTTLE.emailLimit - 1);
    expect((await attempt(user.email, RIGHT, at(30_000))).kind).toBe('ok');
  });

  it('locks an address that fails across many different emails', async () => {
    const user = newUser();
    const { attempt } = client();
    const kinds = [];
    for (let i = 0; i < THROTTLE.addressLimit; i++) {
      kinds.push((await attempt(`guess${i}@example.test`, WRONG, at(i * 1000))).kind);
    }
    expect(kinds.slice(0, -1).every((kind) => kind === 'rejected')).toBe(true);
    // The address is locked even for an account it never tried.
    const fromThatAddress = await attempt(user.email, RIGHT, at(THROTTLE.addressLimit * 1000));
    expect(fromThatAddress.kind).toBe('locked');
    // Another address is not affected.
    expect((await client().attempt(user.email, RIGHT, at(THROTTLE.addressLimit * 1000))).kind).toBe('ok');
  });

  it('refuses a disabled account even with the right password', async () => {
    const user = newUser();
    db.update(users).set({ disabledAt: START }).where(eq(users.id, user.id)).run();
    expect(await client().attempt(user.email, RIGHT, at(1000))).toEqual({ kind: 'rejected' });
  });

  it('keeps no email or IP address in the clear in the throttle table', async () => {
    const user = newUser();
    const { attempt, address } = client();
    await attempt(user.email, WRONG, START);
    await attempt('Someone.Else@Example.test', WRONG, at(1000));
    const rows = db.select().from(loginThrottles).all();
    expect(rows.length).toBeGreaterThan(0);
    const dump = JSON.stringify(rows).toLowerCase();
    for (const secret of [user.email, 'someone.else@example.test', address, user.email.split('@')[0]]) {
      expect(dump).not.toContain(secret.toLowerCase());
    }
    for (const row of rows) {
      expect(row.key).not.toContain('@');
      expect(row.key).not.toMatch(/\d+\.\d+\.\d+\.\d+/);
    }
  });
});
