import { createHash } from 'node:crypto';
import { and, count, countDistinct, eq, gt, gte, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { prepared } from '@/db/prepared';
import { loginThrottles, requestAttempts } from '@/db/schema';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Past `after` hits in the window, the next waits `first` ms, each further one twice as long, at most `max`. */
export type Delay = { after: number; first: number; max: number };
/**
 * At `at` hits in one window the subject is blocked for `for` ms from that hit. `recount`: the count
 * starts over with the block; without it each further hit in the window moves the block's end.
 */
export type Block = { at: number; for: number; recount: boolean };

/**
 * A counter in `login_throttles`: one row per key, `prefix:` and a hash of what is counted, so the
 * table holds no email, address, cookie or stay id in the clear. Its window opens with its first hit
 * (a fixed window: "20 in the 10 minutes since the first"). Past the threshold it blocks for a
 * while, or refuses until the window is over (`refuse`: at this many hits the next one is refused).
 * Kept in SQLite rather than memory, so a restart forgives no guesser and every process of a
 * cluster counts the same hits.
 */
export type CountedLimit = {
  kind: 'counter';
  prefix: string;
  window: number;
  delay?: Delay;
  /** Rows whose window and block are over are deleted as hits come in (a key range, so indexed). */
  forget: boolean;
} & ({ block: Block; refuse?: never } | { refuse: number; block?: never });

/**
 * A count over the log of accepted public requests, `request_attempts`: one row per request, with
 * hashes of its address, of its device (if any) and of its source network, counted over the last
 * `window` (a sliding window: one request counts against all three at once). `refuse`: at this
 * many the next request is refused. `alarm`: the threshold is the admin's ceiling (Settings,
 * `network_settings.requests_per_hour`), not a number of ours.
 */
export type LoggedLimit = { kind: 'log'; window: number } & (
  { counts: 'device' | 'address' | 'network'; refuse: number } | { counts: 'all'; alarm: 'ceiling' }
);

export type RateLimit = CountedLimit | LoggedLimit;

/**
 * Every rate limit of the app, by name. Callers name the limit they count against
 * (`RATE_LIMITS['link.address']`); the numbers live here only, each with why it is what it is.
 */
/** One account's failed sign-ins, counted by its email or by the owner's device cookie alike. */
const GUESSES_AT_ONE_ACCOUNT = {
  kind: 'counter',
  window: 15 * MINUTE,
  delay: { after: 2, first: 250, max: 2_000 },
  block: { at: 5, for: 15 * MINUTE, recount: true },
  forget: false,
} as const;

export const RATE_LIMITS = {
  /**
   * Failed sign-ins for one email, from clients without a device cookie for it (and wrong second
   * factor codes alike): slowed after 2, refused for 15 minutes after 5 within 15 minutes. Never for
   * good: the lock passes, and a fresh window with it. Only the owner's own browser escapes it
   * (`signIn.device`), so a stranger's guesses cannot lock the owner out.
   */
  'signIn.email': { ...GUESSES_AT_ONE_ACCOUNT, prefix: 'email' },
  /**
   * Failed sign-ins from one address, whatever the email, from clients without a device cookie:
   * four times the email's, as a shelter office on one NAT shares it; one party trying many
   * emails is still held to it. Not slowed: the email's counter says how long to wait.
   */
  'signIn.address': {
    kind: 'counter',
    prefix: 'addr',
    window: 15 * MINUTE,
    block: { at: 20, for: 15 * MINUTE, recount: true },
    forget: false,
  },
  /**
   * Failed sign-ins from a browser with a genuine device cookie for the email (lib/auth/device-cookie.ts),
   * which answers only to this counter: the same 5 and the same delays as the email's, locking only
   * that cookie (OWASP's "slow down online guessing attacks with device cookies").
   */
  'signIn.device': { ...GUESSES_AT_ONE_ACCOUNT, prefix: 'device' },
  /**
   * Guest links that do not work, from one address: slowed after 5 misses, blocked for 15 minutes at
   * 20 within 10 minutes. Only misses count, and a working link is served whatever its address's
   * count (app/s/[token]/route.ts): many people share one address, and a guesser among them must
   * not keep the others from their shelter page. Each miss past 20 moves the block's end.
   */
  'link.address': {
    kind: 'counter',
    prefix: 'link',
    window: 10 * MINUTE,
    delay: { after: 5, first: 100, max: 1_000 },
    block: { at: 20, for: 15 * MINUTE, recount: false },
    forget: true,
  },
  /** What a guest tells the shelter about one stay, at most 6 times an hour: more is a stuck button or a game. */
  'guestSaid.stay': { kind: 'counter', prefix: 'said', window: HOUR, refuse: 6, forget: true },
  /** Requests for a place from one device (the form's own cookie): a few an hour. */
  'request.device': { kind: 'log', window: HOUR, counts: 'device', refuse: 3 },
  /** From one address for a client that sends no device cookie (a bot clearing its cookies): as for one device. */
  'request.address': { kind: 'log', window: HOUR, counts: 'address', refuse: 3 },
  /**
   * From one address whatever the devices: the people behind one airport's Wi-Fi each ask freely,
   * while one client minting devices is still held to it.
   */
  'request.sharedAddress': { kind: 'log', window: HOUR, counts: 'address', refuse: 10 },
  /**
   * From one source network (lib/requests/source-network.ts): a few people behind one carrier's NAT
   * pool ask freely, while one party holding a block of addresses is held to it.
   */
  'request.network': { kind: 'log', window: HOUR, counts: 'network', refuse: 20 },
  /**
   * From one source network once all requests reach the admin's ceiling (`request.all`): the limit
   * of one address, so a flood adds at most 3 an hour for each network it comes from while a person
   * on any other network still gets through.
   */
  'request.floodedNetwork': { kind: 'log', window: HOUR, counts: 'network', refuse: 3 },
  /**
   * All requests, against the admin's ceiling per hour. Not a refusal, as one party or a few dozen
   * at their limits could then close the form for everyone: past it the form stays open, each source
   * network is held to `request.floodedNetwork`, and admins are told. A ceiling of 0 closes the form.
   */
  'request.all': { kind: 'log', window: HOUR, counts: 'all', alarm: 'ceiling' },
  /**
   * Places offered on /offer from one address: people offer their own home once, so a handful an
   * hour is plenty, while a shared address (a café, an office) still gets through.
   */
  'offer.address': { kind: 'counter', prefix: 'offer-addr', window: HOUR, refuse: 5, forget: true },
  /**
   * From one source network (lib/requests/source-network.ts): one party holding a block of addresses
   * is held to it. There is no ceiling for everyone: a flood from some networks never closes the
   * form for a person on another.
   */
  'offer.network': { kind: 'counter', prefix: 'offer-net', window: HOUR, refuse: 15, forget: true },
} satisfies Record<string, RateLimit>;

export type RateLimitName = keyof typeof RATE_LIMITS;

const hash = (text: string) => createHash('sha256').update(text).digest('base64url');

/** Where a counter stands for one subject: its hits in the current window, until when it is held back, and how long the next hit waits. */
export type Standing = { count: number; until: Date | null; delayMs: number };
type Row = typeof loginThrottles.$inferSelect;

const keyOf = (limit: CountedLimit, subject: string) => `${limit.prefix}:${hash(subject)}`;

// Read on every counted hit and before every guarded attempt: compiled once per connection.
const rowOf = (db: Db) =>
  db
    .select()
    .from(loginThrottles)
    .where(eq(loginThrottles.key, sql.placeholder('key')))
    .prepare();

function delayFor(hits: number, delay: Delay | undefined): number {
  const over = delay ? hits - delay.after : 0;
  return delay && over > 0 ? Math.min(delay.max, delay.first * 2 ** (over - 1)) : 0;
}

function standingOf(limit: CountedLimit, row: Omit<Row, 'key'> | undefined, now: Date): Standing {
  const current = row && now.getTime() - row.windowStartedAt.getTime() < limit.window;
  const hits = current ? row.failures : 0;
  let until = row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
  if (current && limit.refuse !== undefined && hits >= limit.refuse) {
    const windowEnd = new Date(row.windowStartedAt.getTime() + limit.window);
    if (!until || windowEnd > until) until = windowEnd;
  }
  return { count: hits, until, delayMs: delayFor(hits, limit.delay) };
}

/** Where `subject` stands against `limit` at `now`, without counting anything. */
export function checkLimit(db: Db, limit: CountedLimit, subject: string, now: Date): Standing {
  return standingOf(limit, prepared(db, rowOf).get({ key: keyOf(limit, subject) }), now);
}

/**
 * Counts one hit (a failed sign-in, a link that does not work, a message) against `limit` and
 * returns where `subject` stands after it. Reaching a block's threshold blocks from now. Run inside
 * `write()`: the read and the write must see the same row.
 */
export function recordHit(db: Db, limit: CountedLimit, subject: string, now: Date): Standing {
  const key = keyOf(limit, subject);
  const row = prepared(db, rowOf).get({ key });
  const fresh = !row || now.getTime() - row.windowStartedAt.getTime() >= limit.window;
  const hits = (fresh ? 0 : row.failures) + 1;
  const blocks = limit.block !== undefined && hits >= limit.block.at;
  const recount = blocks && limit.block.recount;
  const values = {
    failures: recount ? 0 : hits,
    windowStartedAt: fresh || recount ? now : row.windowStartedAt,
    lockedUntil: blocks ? new Date(now.getTime() + limit.block.for) : (row?.lockedUntil ?? null),
  };
  db.insert(loginThrottles)
    .values({ key, ...values })
    .onConflictDoUpdate({ target: loginThrottles.key, set: values })
    .run();
  if (limit.forget) forgetStale(db, limit, now);
  return standingOf(limit, values, now);
}

/** Forgets `subject`'s hits against `limit` (a sign-in that succeeded), its block with them. */
export function clearHits(db: Db, limit: CountedLimit, subject: string): void {
  db.delete(loginThrottles)
    .where(eq(loginThrottles.key, keyOf(limit, subject)))
    .run();
}

/** Subjects whose window and block are both over count for nothing: their rows go. */
function forgetStale(db: Db, limit: CountedLimit, now: Date): void {
  db.delete(loginThrottles)
    .where(
      and(
        // The limit's own keys: from `prefix:` up to `prefix;`, the next character.
        gte(loginThrottles.key, `${limit.prefix}:`),
        lt(loginThrottles.key, `${limit.prefix};`),
        lte(loginThrottles.windowStartedAt, new Date(now.getTime() - limit.window)),
        or(isNull(loginThrottles.lockedUntil), lte(loginThrottles.lockedUntil, now)),
      ),
    )
    .run();
}

/**
 * Whom a logged request counts against, as hashes: the table holds no address or device in the clear.
 * `deviceKey` is null for a client without a device cookie.
 */
export type LogClient = { addressKey: string; deviceKey: string | null; networkKey: string };

/** `network` is the address's source network (an IPv4 /24, an IPv6 /48); `device` a genuine device id or null. */
export const logClient = (address: string, device: string | null, network: string): LogClient => ({
  addressKey: hash(`request:${address}`),
  deviceKey: device ? hash(`request-device:${device}`) : null,
  networkKey: hash(`request-network:${network}`),
});

// The address's and the device's hashes share one column, `address/device` (`address/` without a
// device), so that either can be counted. Hashes are base64url: no GLOB wildcard in them.
const clientKeyOf = (client: LogClient) => `${client.addressKey}/${client.deviceKey ?? ''}`;
const LOG_KEPT = Math.max(...Object.values(RATE_LIMITS as Record<string, RateLimit>).map((l) => (l.kind === 'log' ? l.window : 0)));

function countedBy(limit: LoggedLimit, client: LogClient): SQL | undefined {
  switch (limit.counts) {
    case 'device':
      return sql`${requestAttempts.clientKey} glob ${`*/${client.deviceKey}`}`;
    case 'address':
      return sql`${requestAttempts.clientKey} glob ${`${client.addressKey}/*`}`;
    case 'network':
      return eq(requestAttempts.networkKey, client.networkKey);
    case 'all':
      return undefined;
  }
}

/** How many requests in `limit`'s window count against `client` (nothing counts against no device). */
export function loggedCount(db: Db, limit: LoggedLimit, client: LogClient, now: Date): number {
  if (limit.counts === 'device' && !client.deviceKey) return 0;
  return db
    .select({ n: count() })
    .from(requestAttempts)
    .where(and(countedBy(limit, client), gt(requestAttempts.at, new Date(now.getTime() - limit.window))))
    .get()!.n;
}

/** All requests in `limit`'s window and how many source networks they came from. */
export function loggedTotals(db: Db, limit: LoggedLimit, now: Date): { requests: number; networks: number } {
  return db
    .select({ requests: count(), networks: countDistinct(requestAttempts.networkKey) })
    .from(requestAttempts)
    .where(gt(requestAttempts.at, new Date(now.getTime() - limit.window)))
    .get()!;
}

/** Logs an accepted request, and forgets those older than every logged limit's window. */
export function recordLogged(db: Db, client: LogClient, now: Date): void {
  db.delete(requestAttempts)
    .where(lte(requestAttempts.at, new Date(now.getTime() - LOG_KEPT)))
    .run();
  db.insert(requestAttempts)
    .values({ clientKey: clientKeyOf(client), networkKey: client.networkKey, at: now })
    .run();
}
