import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, write, type Db } from '@/db';
import { checkCredentials } from '@/lib/auth/sign-in';
import { linkBlocked, recordLinkMiss, type LinkLimits } from '@/lib/guest-link/link-throttle';
import { RATE_LIMITS } from '@/lib/security/rate-limits';
import { makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const test = createTestDb();
afterAll(test.cleanup);
const { db, sqlite } = test;

const T0 = new Date('2026-10-01T18:00:00Z').getTime();
const at = (ms: number) => new Date(T0 + ms);
const MINUTE = 60_000;
// Explicit limits, so the tests do not depend on the production defaults.
const LIMITS: LinkLimits = {
  ...RATE_LIMITS['link.address'],
  window: 10 * MINUTE,
  delay: { after: 5, first: 100, max: 2_000 },
  block: { at: 30, for: 15 * MINUTE, recount: false },
};
let n = 0;
/** A fresh client address per test: the table is shared by the file. */
const newAddress = () => `198.51.100.${++n}`;

/** Records `count` misses for `address` at `now` and returns the delays given. */
function miss(address: string, count: number, now: Date, limits = LIMITS, on: Db = db): number[] {
  return Array.from({ length: count }, () => write(on, (tx) => recordLinkMiss(tx, address, now, limits)));
}

describe('arrival-link throttle', () => {
  it('does not slow down or block the first misses, nor an address it has never seen', () => {
    const address = newAddress();
    expect(linkBlocked(db, address, at(0))).toBe(false);
    expect(miss(address, 5, at(0))).toEqual([0, 0, 0, 0, 0]);
    expect(linkBlocked(db, address, at(0))).toBe(false);
  });

  it('after delay.after misses, doubles the delay each time and caps it at delay.max', () => {
    const delays = miss(newAddress(), 12, at(0));
    expect(delays.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(delays.slice(5)).toEqual([100, 200, 400, 800, 1600, 2000, 2000]);
    expect(Math.max(...miss(newAddress(), 200, at(0), { ...LIMITS, block: { ...LIMITS.block, at: 1_000 } }))).toBe(2_000);
  });

  it('blocks the address at block.at misses until now + block.for, then lets it through again', () => {
    const address = newAddress();
    miss(address, 29, at(0));
    expect(linkBlocked(db, address, at(0))).toBe(false);
    miss(address, 1, at(1_000));
    expect(linkBlocked(db, address, at(1_000))).toBe(true);
    expect(linkBlocked(db, address, at(1_000 + 15 * MINUTE - 1))).toBe(true);
    expect(linkBlocked(db, address, at(1_000 + 15 * MINUTE))).toBe(false);
    // Once free, the counting starts over (the window has passed too): the next miss is not slowed.
    expect(miss(address, 1, at(1_000 + 15 * MINUTE))).toEqual([0]);
  });

  it('does not block or slow another address', () => {
    const [guesser, other] = [newAddress(), newAddress()];
    miss(guesser, 30, at(0));
    expect(linkBlocked(db, guesser, at(0))).toBe(true);
    expect(linkBlocked(db, other, at(0))).toBe(false);
    expect(miss(other, 1, at(0))).toEqual([0]);
  });

  it('starts counting again once the window has passed since the first miss', () => {
    const address = newAddress();
    miss(address, 7, at(0));
    expect(miss(address, 1, at(10 * MINUTE - 1))).toEqual([400]);
    expect(miss(address, 5, at(10 * MINUTE))).toEqual([0, 0, 0, 0, 0]);
    expect(miss(address, 1, at(10 * MINUTE))).toEqual([100]);
  });

  it('keeps a block that started in an earlier window when a new window begins', () => {
    const address = newAddress();
    const limits = { ...LIMITS, window: MINUTE, block: { ...LIMITS.block, for: 10 * MINUTE } };
    miss(address, 30, at(0), limits);
    miss(address, 1, at(2 * MINUTE), limits);
    expect(linkBlocked(db, address, at(2 * MINUTE))).toBe(true);
    expect(linkBlocked(db, address, at(10 * MINUTE))).toBe(false);
  });

  it('forgets addresses whose window and block are over, and never stores an address in the clear', () => {
    const linkRows = () => sqlite.prepare("select key from login_throttles where key like 'link:%'").pluck().all() as string[];
    const [stale, blocked] = [newAddress(), newAddress()];
    miss(stale, 1, at(100 * MINUTE));
    miss(blocked, 30, at(100 * MINUTE));
    expect(linkRows().join()).not.toMatch(/198\.51\.100/);
    const before = linkRows().length;
    miss(newAddress(), 1, at(111 * MINUTE));
    // The stale one went; the blocked one (blocked until 115) and the new one stay.
    expect(linkRows().length).toBe(before);
    expect(linkBlocked(db, blocked, at(111 * MINUTE))).toBe(true);
  });

  it('uses the production limits by default: 20 misses in 10 minutes block for 15', () => {
    const address = newAddress();
    for (let i = 0; i < 19; i++) write(db, (tx) => recordLinkMiss(tx, address, at(0)));
    expect(linkBlocked(db, address, at(0))).toBe(false);
    expect(write(db, (tx) => recordLinkMiss(tx, address, at(0)))).toBe(RATE_LIMITS['link.address'].delay.max);
    expect(linkBlocked(db, address, at(15 * MINUTE - 1))).toBe(true);
  });
});

describe('a restart', () => {
  it('forgives neither a link guesser nor a password guesser', async () => {
    const address = newAddress();
    miss(address, 30, at(0));
    const user = makeUser(db, 'host');
    const now = new Date();
    const noSleep = { sleep: async () => undefined };
    for (let i = 0; i < 5; i++) await checkCredentials(db, { email: user.email, password: `wrong guess ${i}`, address, now }, noSleep);

    // A new process: its own connection to the same file, nothing carried over in memory.
    const restarted = openDatabase(test.path);
    try {
      expect(linkBlocked(restarted.db, address, at(MINUTE))).toBe(true);
      const outcome = await checkCredentials(
        restarted.db,
        { email: user.email, password: 'wrong guess 6', address: newAddress(), now },
        noSleep,
      );
      expect(outcome.kind).toBe('locked');
    } finally {
      restarted.sqlite.close();
    }
  });
});
