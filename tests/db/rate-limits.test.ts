import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import { loginThrottles, requestAttempts } from '@/db/schema';
import {
  checkLimit,
  logClient,
  loggedCount,
  loggedTotals,
  RATE_LIMITS,
  recordHit,
  recordLogged,
  type CountedLimit,
  type LogClient,
  type RateLimitName,
} from '@/lib/security/rate-limits';
import { createTestDb } from '../support/test-db';

// The table of named limits (lib/security/rate-limits.ts), written out by hand, and each limit
// tripping where the table says through the limiter's own functions. The callers' tests (sign-in,
// throttles, guest-said, request-devices, request-flood) hold what each does with its limits.
const test = createTestDb();
afterAll(test.cleanup);
const { db } = test;

const MINUTE = 60_000;
const T0 = new Date('2026-10-01T18:00:00Z').getTime();
const at = (ms: number) => new Date(T0 + ms);
let n = 0;
/** A subject of its own for each case: the tables are shared by the file. */
const fresh = () => `subject-${++n}`;

/** Name: what is counted, in which window, and what happens past it. */
const TABLE: Record<RateLimitName, string> = {
  'signIn.email': 'counter email: 15 min; slowed after 2 (250 ms doubling, at most 2000); blocked 15 min at 5, then recounted',
  'signIn.address': 'counter addr: 15 min; blocked 15 min at 20, then recounted',
  'signIn.device': 'counter device: 15 min; slowed after 2 (250 ms doubling, at most 2000); blocked 15 min at 5, then recounted',
  'link.address': 'counter link: 10 min; slowed after 5 (100 ms doubling, at most 1000); blocked 15 min at 20; forgotten',
  'guestSaid.stay': 'counter said: 60 min; refused at 6; forgotten',
  'request.device': 'log of device: 60 min; refused at 3',
  'request.address': 'log of address: 60 min; refused at 3',
  'request.sharedAddress': 'log of address: 60 min; refused at 10',
  'request.network': 'log of network: 60 min; refused at 20',
  'request.floodedNetwork': 'log of network: 60 min; refused at 3',
  'request.all': 'log of all: 60 min; alarm at the ceiling',
  'offer.address': 'counter offer-addr: 60 min; refused at 5; forgotten',
  'offer.network': 'counter offer-net: 60 min; refused at 15; forgotten',
};

function describeLimit(limit: (typeof RATE_LIMITS)[RateLimitName]): string {
  if (limit.kind === 'log') {
    const past = 'refuse' in limit ? `refused at ${limit.refuse}` : 'alarm at the ceiling';
    return `log of ${limit.counts}: ${limit.window / MINUTE} min; ${past}`;
  }
  const counted = limit as CountedLimit;
  const parts = [`counter ${counted.prefix}: ${counted.window / MINUTE} min`];
  if (counted.delay) parts.push(`slowed after ${counted.delay.after} (${counted.delay.first} ms doubling, at most ${counted.delay.max})`);
  if (counted.block)
    parts.push(`blocked ${counted.block.for / MINUTE} min at ${counted.block.at}${counted.block.recount ? ', then recounted' : ''}`);
  if (counted.refuse !== undefined) parts.push(`refused at ${counted.refuse}`);
  if (counted.forget) parts.push('forgotten');
  return parts.join('; ');
}

const names = Object.keys(RATE_LIMITS) as RateLimitName[];
const counters = names.filter((name) => RATE_LIMITS[name].kind === 'counter');
const refusingLogs = names.filter((name) => RATE_LIMITS[name].kind === 'log' && 'refuse' in RATE_LIMITS[name]);
const counted = (name: RateLimitName) => RATE_LIMITS[name] as CountedLimit;

describe('the table of named limits', () => {
  it('holds these limits, and no other', () => {
    expect(Object.fromEntries(names.map((name) => [name, describeLimit(RATE_LIMITS[name])]))).toEqual(TABLE);
  });
});

describe.each(counters)('the counter %s', (name) => {
  const limit = counted(name);
  const threshold = limit.block?.at ?? limit.refuse!;
  const hits = (subject: string, count: number, now: Date) =>
    Array.from({ length: count }, () => write(db, (tx) => recordHit(tx, limit, subject, now)));

  it('holds nobody back below its threshold, and holds the subject back at it, as long as the table says', () => {
    const subject = fresh();
    expect(checkLimit(db, limit, subject, at(0))).toEqual({ count: 0, until: null, delayMs: 0 });
    const below = hits(subject, threshold - 1, at(0));
    expect(below.every((standing) => standing.until === null)).toBe(true);
    expect(checkLimit(db, limit, subject, at(0)).until).toBeNull();
    const [last] = hits(subject, 1, at(1_000));
    // A block runs from the hit that reached it; a refusal until the window that began with the first hit is over.
    const until = limit.block ? at(1_000 + limit.block.for) : at(limit.window);
    expect(last.until).toEqual(until);
    expect(checkLimit(db, limit, subject, new Date(until.getTime() - 1)).until).toEqual(until);
    expect(checkLimit(db, limit, subject, until).until).toBeNull();
    // Another subject is not held back.
    expect(checkLimit(db, limit, fresh(), at(1_000)).until).toBeNull();
  });

  it('slows down past its free hits, doubling up to its cap, if the table says so', () => {
    const delays = hits(fresh(), threshold - 1, at(0)).map((standing) => standing.delayMs);
    if (!limit.delay) return expect(delays.every((delay) => delay === 0)).toBe(true);
    const { after, first, max } = limit.delay;
    expect(delays.slice(0, after)).toEqual(Array(after).fill(0));
    delays.slice(after).forEach((delay, i) => expect(delay).toBe(Math.min(max, first * 2 ** i)));
  });

  it('counts again once its window has passed since the first hit', () => {
    const subject = fresh();
    hits(subject, threshold - 1, at(0));
    expect(checkLimit(db, limit, subject, at(limit.window - 1)).count).toBe(threshold - 1);
    expect(checkLimit(db, limit, subject, at(limit.window)).count).toBe(0);
    expect(hits(subject, 1, at(limit.window))[0]).toMatchObject({ count: 1, until: null });
  });
});

describe('the counters’ rows', () => {
  it('are keyed as before this table (a prefix and the SHA-256 of the subject), so rows already stored still count', () => {
    const sha = (text: string) => createHash('sha256').update(text).digest('base64url');
    const subject = fresh();
    for (const name of counters) {
      const limit = counted(name);
      db.insert(loginThrottles)
        .values({ key: `${limit.prefix}:${sha(subject)}`, failures: 2, windowStartedAt: at(0), lockedUntil: at(5 * MINUTE) })
        .run();
      expect(checkLimit(db, limit, subject, at(MINUTE))).toMatchObject({ count: 2, until: at(5 * MINUTE) });
    }
  });
});

describe.each(refusingLogs)('the logged limit %s', (name) => {
  const limit = RATE_LIMITS[name] as Extract<(typeof RATE_LIMITS)[RateLimitName], { refuse: number; kind: 'log' }>;
  const client = (address: string, device: string | null) => logClient(address, device, address.split('.').slice(0, 3).join('.'));
  /** Clients that count with `first` under this limit, each another way: the same device, address or network. */
  const alike = (first: LogClient, i: number, base: string) =>
    ({
      device: logClient(`${base}.${i}0`, `device-${base}`, `${base}-${i}`),
      address: client(`${base}.1`, `device-${base}-${i}`),
      network: client(`${base}.${i + 2}`, null),
    })[limit.counts];

  it('refuses at its threshold within its window, and counts nothing older', () => {
    const base = `10.${++n}.0`;
    const first = name === 'request.device' ? logClient(`${base}.1`, `device-${base}`, base) : client(`${base}.1`, null);
    for (let i = 0; i < limit.refuse - 1; i++) write(db, (tx) => recordLogged(tx, i === 0 ? first : alike(first, i, base), at(i)));
    expect(loggedCount(db, limit, first, at(MINUTE))).toBe(limit.refuse - 1);
    write(db, (tx) => recordLogged(tx, alike(first, limit.refuse, base), at(MINUTE)));
    expect(loggedCount(db, limit, first, at(MINUTE))).toBe(limit.refuse);
    // The window slides: the first request no longer counts once the window has passed since it.
    expect(loggedCount(db, limit, first, at(limit.window))).toBe(limit.refuse - 1);
    // Someone else, on another network, is not counted with them.
    expect(loggedCount(db, limit, client(`10.${++n}.0.1`, 'someone else'), at(MINUTE))).toBe(0);
  });
});

describe('the request log', () => {
  it('counts every request against the admin’s ceiling, with the source networks they came from', () => {
    const limit = RATE_LIMITS['request.all'];
    const before = loggedTotals(db, limit, at(10 * 60 * MINUTE));
    for (const address of ['10.200.1.1', '10.200.1.2', '10.200.2.1'])
      write(db, (tx) => recordLogged(tx, logClient(address, null, address.split('.').slice(0, 3).join('.')), at(10 * 60 * MINUTE)));
    const after = loggedTotals(db, limit, at(10 * 60 * MINUTE));
    expect(after).toEqual({ requests: before.requests + 3, networks: before.networks + 2 });
  });

  it('keeps the key format it had, `address/device` hashes, so requests already logged still count', () => {
    const sha = (text: string) => createHash('sha256').update(text).digest('base64url');
    const [address, device, network] = ['10.201.1.1', 'a-device', '10.201.1'];
    db.insert(requestAttempts)
      .values({
        clientKey: `${sha(`request:${address}`)}/${sha(`request-device:${device}`)}`,
        networkKey: sha(`request-network:${network}`),
        at: at(20 * 60 * MINUTE),
      })
      .run();
    const client = logClient(address, device, network);
    for (const name of ['request.device', 'request.address', 'request.network'] as const)
      expect(loggedCount(db, RATE_LIMITS[name], client, at(20 * 60 * MINUTE + 1))).toBe(1);
  });
});
