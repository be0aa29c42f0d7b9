import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { loginThrottles, users } from '@/db/schema';
import { checkCredentials } from '@/lib/auth/sign-in';
import { RATE_LIMITS } from '@/lib/security/rate-limits';
import { FIXTURE_HASH, fixtureHash, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const { 'signIn.email': EMAIL, 'signIn.address': ADDRESS, 'signIn.device': DEVICE } = RATE_LIMITS;
const test = createTestDb();
const { db } = test;
// Device cookies are MAC'd with a key derived from it.
process.env.AUTH_SECRET = 'sign-in-test-secret-sign-in-test-secret';
afterAll(test.cleanup);

const RIGHT = 'correct horse battery';
const WRONG = 'incorrect horse battery';
const START = new Date('2026-03-01T10:00:00Z');
const at = (ms: number) => new Date(START.getTime() + ms);

// Real scrypt hashes with cheap parameters: what is tested here is the throttle, not the hash's cost.
const passwordHash = fixtureHash(RIGHT);

let addressCounter = 0;
/** Each test signs in from its own address, so address counts never leak between tests. */
function client(address = `203.0.113.${++addressCounter}`) {
  const delays: number[] = [];
  const attempt = (email: string, password: string, now: Date, deviceCookie?: string) =>
    checkCredentials(
      db,
      { email, password, address, deviceCookie, now },
      {
        sleep: async (ms) => void delays.push(ms),
        unknownEmailHash: FIXTURE_HASH,
      },
    );
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
    for (let i = 0; i < EMAIL.block.at; i++) {
      expect((await attempt(user.email, WRONG, at(i * 1000))).kind).not.toBe('ok');
    }
    expect(delays.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThan(delays[i - 1]);
    for (const delay of delays) expect(delay).toBeLessThanOrEqual(EMAIL.delay.max);
  });

  it('locks an email after too many failures, even for the right password, until the lock passes', async () => {
    const user = newUser();
    const { attempt } = client();
    const results = [];
    let lastFailure = START;
    for (let i = 0; i < EMAIL.block.at; i++) {
      lastFailure = at(i * 10_000);
      results.push((await attempt(user.email, WRONG, lastFailure)).kind);
    }
    expect(results.slice(0, -1).every((kind) => kind === 'rejected')).toBe(true);
    const until = new Date(lastFailure.getTime() + EMAIL.block.for);

    const whileLocked = await attempt(user.email, RIGHT, new Date(lastFailure.getTime() + 60_000));
    expect(whileLocked).toEqual({ kind: 'locked', until });

    // Locked for a while, never for good.
    const afterwards = await attempt(user.email, RIGHT, new Date(until.getTime() + 1));
    expect(afterwards.kind).toBe('ok');
  });

  it('forgets an email’s failures after a successful sign-in', async () => {
    const user = newUser();
    const { attempt, delays } = client();
    for (let i = 0; i < EMAIL.block.at - 1; i++) await attempt(user.email, WRONG, at(i * 1000));
    expect((await attempt(user.email, RIGHT, at(10_000))).kind).toBe('ok');

    delays.length = 0;
    const after = [];
    for (let i = 0; i < EMAIL.block.at - 1; i++) after.push((await attempt(user.email, WRONG, at(20_000 + i * 1000))).kind);
    // Counting had started again: no lock and, at first, no slowing down.
    expect(after).toEqual(Array(EMAIL.block.at - 1).fill('rejected'));
    expect(delays.length).toBeLessThan(EMAIL.block.at - 1);
    expect((await attempt(user.email, RIGHT, at(30_000))).kind).toBe('ok');
  });

  it('locks an address that fails across many different emails', async () => {
    const user = newUser();
    const { attempt } = client();
    const kinds = [];
    for (let i = 0; i < ADDRESS.block.at; i++) {
      kinds.push((await attempt(`guess${i}@example.test`, WRONG, at(i * 1000))).kind);
    }
    expect(kinds.slice(0, -1).every((kind) => kind === 'rejected')).toBe(true);
    // The address is locked even for an account it never tried.
    const fromThatAddress = await attempt(user.email, RIGHT, at(ADDRESS.block.at * 1000));
    expect(fromThatAddress.kind).toBe('locked');
    // Another address is not affected.
    expect((await client().attempt(user.email, RIGHT, at(ADDRESS.block.at * 1000))).kind).toBe('ok');
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

describe('device cookies (OWASP)', () => {
  /** The cookie a browser holds after signing in as `email` (every factor passed). */
  async function trustedBrowser(email: string, now: Date): Promise<string> {
    const result = await client().attempt(email, RIGHT, now);
    if (result.kind !== 'ok') throw new Error(`could not sign in: ${result.kind}`);
    return result.deviceCookie;
  }

  it('lets the owner’s browser in while a stranger has locked the email, from any address', async () => {
    const user = newUser();
    const cookie = await trustedBrowser(user.email, START);
    const attacker = client();
    for (let i = 0; i < EMAIL.block.at; i++) await attacker.attempt(user.email, WRONG, at(60_000 + i * 1000));
    const soon = at(120_000);
    // Strangers are refused, even with the right password: the lock holds for untrusted clients.
    expect((await client().attempt(user.email, RIGHT, soon)).kind).toBe('locked');
    expect((await attacker.attempt(user.email, RIGHT, soon)).kind).toBe('locked');
    // The owner's browser is not, from a new address or from the attacker's own.
    expect((await client().attempt(user.email, RIGHT, soon, cookie)).kind).toBe('ok');
    expect((await client(attacker.address).attempt(user.email, RIGHT, soon, cookie)).kind).toBe('ok');
    // And its success does not lift the lock for the stranger.
    expect((await client().attempt(user.email, RIGHT, at(121_000))).kind).toBe('locked');
  });

  it('lets a trusted browser in at an address that twenty made-up emails have locked', async () => {
    const user = newUser();
    const cookie = await trustedBrowser(user.email, START);
    const office = client();
    for (let i = 0; i < ADDRESS.block.at; i++) await office.attempt(`made-up-${i}@example.test`, WRONG, at(i * 1000));
    const after = at(ADDRESS.block.at * 1000);
    expect((await office.attempt(user.email, RIGHT, after)).kind).toBe('locked');
    expect((await office.attempt(user.email, RIGHT, after, cookie)).kind).toBe('ok');
  });

  it('counts a trusted browser’s failures under its own nonce: five lock that cookie, not the email', async () => {
    const user = newUser();
    const cookie = await trustedBrowser(user.email, START);
    const owner = client();
    const kinds = [];
    for (let i = 0; i < DEVICE.block.at; i++) kinds.push((await owner.attempt(user.email, WRONG, at(1000 + i * 1000), cookie)).kind);
    expect(kinds).toEqual([...Array(DEVICE.block.at - 1).fill('rejected'), 'locked']);
    // The same slowing down as for an email.
    expect(owner.delays.length).toBe(DEVICE.block.at - DEVICE.delay.after - 1);
    // Neither the email nor the address took those failures: a browser without the cookie signs in.
    expect((await client(owner.address).attempt(user.email, RIGHT, at(10_000))).kind).toBe('ok');
  });

  it('gives a locked cookie no more than an untrusted client: a brute forcer gets no extra tries', async () => {
    const user = newUser();
    const cookie = await trustedBrowser(user.email, START);
    const guesser = client();
    for (let i = 0; i < DEVICE.block.at; i++) await guesser.attempt(user.email, WRONG, at(1000 + i * 1000), cookie);
    // The cookie is locked, so the browser answers to the email's counter again: five more, then locked.
    const kinds = [];
    for (let i = 0; i < EMAIL.block.at + 1; i++) kinds.push((await guesser.attempt(user.email, WRONG, at(10_000 + i * 1000), cookie)).kind);
    expect(kinds).toEqual([...Array(EMAIL.block.at - 1).fill('rejected'), 'locked', 'locked']);
    expect((await client().attempt(user.email, RIGHT, at(20_000))).kind).toBe('locked');
  });

  it('trusts no cookie made for another email, forged, or older than 180 days', async () => {
    const [user, other] = [newUser(), newUser()];
    const otherCookie = await trustedBrowser(other.email, START);
    const cookie = await trustedBrowser(user.email, START);
    for (let i = 0; i < EMAIL.block.at; i++) await client().attempt(user.email, WRONG, at(1000 + i * 1000));
    const soon = at(10_000);
    const [nonce, issued, mac] = cookie.split('.');
    const forged = `${nonce}.${issued}.${mac.slice(0, -2)}${mac.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const bad of [otherCookie, forged, `${nonce}.${issued}.`, 'garbage']) {
      expect((await client().attempt(user.email, RIGHT, soon, bad)).kind, bad).toBe('locked');
    }
    const later = new Date(START.getTime() + 180 * 24 * 3600_000);
    for (let i = 0; i < EMAIL.block.at; i++) await client().attempt(user.email, WRONG, new Date(later.getTime() + i));
    expect((await client().attempt(user.email, RIGHT, new Date(later.getTime() + 10), cookie)).kind).toBe('locked');
  });

  it('keeps the cookies of others who share the browser, and a new nonce for each sign-in', async () => {
    const [first, second] = [newUser(), newUser()];
    const one = await client().attempt(first.email, RIGHT, START);
    const both = await client().attempt(second.email, RIGHT, at(1000), one.kind === 'ok' ? one.deviceCookie : undefined);
    const shared = both.kind === 'ok' ? both.deviceCookie : '';
    expect(shared.split('~')).toHaveLength(2);
    for (const email of [first.email, second.email]) {
      for (let i = 0; i < EMAIL.block.at; i++) await client().attempt(email, WRONG, at(2000 + i));
      expect((await client().attempt(email, RIGHT, at(3000), shared)).kind).toBe('ok');
    }
    const again = await client().attempt(first.email, RIGHT, at(4000), shared);
    expect(again.kind === 'ok' && again.deviceCookie.split('~')[0]).not.toBe(shared.split('~')[1]);
    expect(JSON.stringify(db.select().from(loginThrottles).all())).not.toContain(shared.split('~')[0].split('.')[0]);
  });
});
