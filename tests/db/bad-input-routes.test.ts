import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { hashLinkToken, newLinkToken } from '@/lib/placement/links';
import { formStamp } from '@/lib/requests/form-guard';
import { routeHandlers, type Handler } from '../support/app-tree';
import { badPosts, junk, leaks, type Entry, type Fields } from '../support/bad-input';
import { makeArrival, makeRoom, makeShelter, makeStay } from '../support/fixtures';
import { makeOffer } from '../support/offers';
import { createTestDb, snapshot } from '../support/test-db';

// Every public POST route handler, sent hundreds of hostile bodies: never a 500, never a write,
// nothing internal in the page that comes back.
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));

const RUNS = 150;
const NOW = new Date('2026-03-01T12:00:00Z');
vi.useFakeTimers({ toFake: ['Date'], now: NOW });
const test = createTestDb();
process.env.DATABASE_PATH = test.path;
process.env.AUTH_SECRET = 'bad-routes-secret-bad-routes-secret-xx';
process.env.AUTH_TRUST_HOST = 'true';
const { db, sqlite } = test;
afterAll(() => {
  vi.useRealTimers();
  test.cleanup();
});

const ORIGIN = 'http://localhost:3000';
const shelter = makeShelter(db, { name: 'Listed Hall', listedPublicly: true, status: 'open' });
const guideStay = makeStay(db, {
  arrivalId: makeArrival(db).id,
  shelterId: shelter.id,
  bedIds: [makeRoom(db, shelter.id, 'mixed', 1).beds[0].id],
});
const guideToken = newLinkToken();
sqlite.prepare('update stays set link_token_hash = ? where id = ?').run(hashLinkToken(guideToken), guideStay.id);
const waitingToken = newLinkToken();
makeArrival(db, { alias: 'Waiting', contact: '@waiting', selfRegistered: true, requestTokenHash: hashLinkToken(waitingToken) });

const offerToken = makeOffer(db, shelter.cityId!, NOW, '2026-03-02', '2026-03-09').token;
const offerFields: Fields = {
  cityId: { kind: 'text', valid: shelter.cityId! },
  kind: { kind: 'enum', valid: 'room' },
  capacity: { kind: 'number', valid: '2' },
  guests: { kind: 'enum', valid: 'anyone' },
  'languages[]': { kind: 'list', valid: ['ru'] },
  from1: { kind: 'text', valid: '2026-03-02' },
  to1: { kind: 'text', valid: '2026-03-05' },
  longestNights: { kind: 'number', valid: '3' },
  contact: { kind: 'text', valid: '+90 555 123 45 67' },
  note: { kind: 'free', valid: '' },
  lang: { kind: 'free', valid: 'ru' },
};

const requestFields: Fields = {
  alias: { kind: 'text', valid: 'Lena' },
  adultMen: { kind: 'number', valid: '0' },
  adultWomen: { kind: 'number', valid: '1' },
  children: { kind: 'number', valid: '0' },
  'languages[]': { kind: 'list', valid: ['ru'] },
  contact: { kind: 'text', valid: '@lena' },
  needNote: { kind: 'free', valid: '' },
  arrivedAt: { kind: 'free', valid: '2026-03-01T10:00' },
  lang: { kind: 'free', valid: 'ru' },
};
/** The anti-bot fields, mostly as the form hands them out, so that most posts get as far as validation. */
const botFields = fc
  .tuple(
    fc.oneof({ arbitrary: fc.constant(formStamp(new Date(NOW.getTime() - 60_000))), weight: 8 }, junk),
    fc.oneof({ arbitrary: fc.constant(''), weight: 8 }, junk),
  )
  .map(([stamp, website]): Entry[] => [
    ['stamp', stamp],
    ['website', website],
  ]);

type Case = {
  path: fc.Arbitrary<{ path: string; params: Record<string, string> }>;
  fields: Fields;
  more?: fc.Arbitrary<Entry[]>;
  statuses: number[];
  ignore?: string[];
};
const anyToken = fc.oneof(
  { arbitrary: fc.constantFrom(waitingToken, guideToken), weight: 6 },
  fc.constantFrom('x'.repeat(43), `${waitingToken.slice(0, -1)}A`),
  junk,
);

/** One entry per handler that takes a body; a new one without a case fails the enumeration test. */
const CASES: Record<string, Case> = {
  'app/request/route.ts#POST': {
    path: fc.constant({ path: '/request', params: {} }),
    fields: requestFields,
    more: botFields,
    statuses: [400, 403, 422, 429],
  },
  'app/s/[token]/route.ts#POST': {
    path: anyToken.map((token) => ({ path: `/s/${encodeURIComponent(token.toWellFormed())}`, params: { token } })),
    // Withdrawing a request, the guest's "late, about 23:30" (tests/db/guest-said.test.ts writes the valid ones), or
    // their word after the stay (tests/db/guest-word.test.ts).
    fields: {
      intent: { kind: 'enum', valid: 'cancel' },
      eta: { kind: 'free', valid: '23:30' },
      answer: { kind: 'free', valid: 'wrong' },
      note: { kind: 'free', valid: '<b>Cold</b>' },
      lang: { kind: 'free', valid: 'ru' },
    },
    statuses: [400, 403, 404, 409, 429],
    // A link that does not work is counted against the client's address, in SQLite.
    ignore: ['login_throttles'],
  },
  'app/offer/route.ts#POST': {
    path: fc.constant({ path: '/offer', params: {} }),
    fields: offerFields,
    more: botFields,
    statuses: [400, 403, 409, 422, 429],
  },
  'app/offer/[token]/route.ts#POST': {
    path: fc
      .oneof({ arbitrary: fc.constant(offerToken), weight: 6 }, fc.constantFrom('x'.repeat(43), `${offerToken.slice(0, -1)}A`), junk)
      .map((token) => ({ path: `/offer/${encodeURIComponent(token.toWellFormed())}`, params: { token } })),
    // A change, with every field of the form (a pause or a withdrawal when `intent` is junk); tests/db/offer-form.test.ts writes the valid ones.
    fields: { ...offerFields, intent: { kind: 'enum', valid: 'edit' } },
    statuses: [400, 403, 404, 409, 422, 429],
    ignore: ['login_throttles'],
  },
  // Auth.js itself: a post without its CSRF token, or to an action it does not know, is turned away.
  'app/api/auth/[...nextauth]/route.ts#POST': {
    path: fc
      .oneof(
        fc.constantFrom(
          'callback/credentials',
          'signin/credentials',
          'signin',
          'signout',
          'session',
          'csrf',
          'providers',
          'callback/github',
        ),
        junk.map((s) => encodeURIComponent(s.toWellFormed())),
      )
      .map((rest) => ({ path: `/api/auth/${rest}`, params: { nextauth: rest } })),
    fields: {
      email: { kind: 'email', valid: 'host@x.test' },
      password: { kind: 'text', valid: 'a wrong but long password' },
      csrfToken: { kind: 'free', valid: 'nope' },
    },
    statuses: [302, 303, 400, 403, 404, 405],
    ignore: ['login_throttles'],
  },
};

let handlers = new Map<string, Handler>();
beforeAll(async () => {
  handlers = await routeHandlers(['POST', 'PUT', 'PATCH', 'DELETE']);
});

const ENCODINGS = ['urlencoded', 'multipart', 'json', 'garbage', 'none'] as const;
type Encoding = (typeof ENCODINGS)[number];
const wellFormed = (list: Entry[]): Entry[] =>
  list.map(([name, value]) => [name.toWellFormed(), typeof value === 'string' ? value.toWellFormed() : value]);

function body(encoding: Encoding, list: Entry[], garbage: string): { body?: BodyInit; type?: string } {
  const strings = list.filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  if (encoding === 'urlencoded') return { body: new URLSearchParams(strings), type: 'application/x-www-form-urlencoded' };
  if (encoding === 'multipart') {
    const data = new FormData();
    for (const [name, value] of list) data.append(name, value);
    return { body: data };
  }
  if (encoding === 'json') return { body: JSON.stringify(Object.fromEntries(strings)), type: 'application/json' };
  if (encoding === 'garbage') return { body: garbage, type: 'multipart/form-data; boundary=----x' };
  return {};
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
const oneLine = (s: string) => s.replace(/\r\n?/g, '\n');
/** The page without what the visitor typed (the form gives it back to them, escaped). */
function withoutEcho(html: string, sent: string[]): string {
  let rest = oneLine(html);
  for (const value of sent.map(oneLine).sort((a, b) => b.length - a.length))
    if (value.trim()) rest = rest.split(escapeHtml(value)).join('').split(value).join('');
  return rest;
}
const internalIds = () =>
  (sqlite.prepare("select name from sqlite_master where type = 'table' and sql like '%\"id\" text%'").all() as { name: string }[]).flatMap(
    ({ name }) => (sqlite.prepare(`select id from "${name}"`).all() as { id: string }[]).map((row) => row.id),
  );

describe('bad input to every public POST route', () => {
  it('each route handler that takes a body has a case here', () => {
    expect([...handlers.keys()].sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [key, spec] of Object.entries(CASES)) {
    it(`${key}: ${RUNS} hostile bodies, never a 500, no write, nothing internal`, async () => {
      // Auth.js logs every refused post to the console by design; the assertions below are what count.
      const quiet = key.includes('nextauth') ? vi.spyOn(console, 'error').mockImplementation(() => undefined) : null;
      onTestFinished(() => quiet?.mockRestore());
      const arb = fc.record({
        target: spec.path,
        post: badPosts(spec.fields),
        more: spec.more ?? fc.constant([]),
        encoding: fc.oneof({ arbitrary: fc.constantFrom<Encoding>('urlencoded', 'multipart'), weight: 6 }, fc.constantFrom(...ENCODINGS)),
        origin: fc.oneof({ arbitrary: fc.constant(ORIGIN), weight: 6 }, fc.constantFrom(null, 'https://elsewhere.example', 'null')),
        address: fc.ipV4(),
        garbage: junk,
      });
      await fc.assert(
        fc.asyncProperty(arb, async ({ target, post, more, encoding, origin, address, garbage }) => {
          const entries = wellFormed([...post.entries, ...more]);
          const { body: content, type } = body(encoding, entries, garbage);
          const headers: Record<string, string> = {
            host: 'localhost:3000',
            'x-forwarded-for': address,
            ...(type ? { 'content-type': type } : {}),
            ...(origin ? { origin } : {}),
          };
          const before = snapshot(sqlite, spec.ignore);
          let response: Response;
          try {
            response = await handlers.get(key)!(new Request(`${ORIGIN}${target.path}`, { method: 'POST', headers, body: content }), {
              params: Promise.resolve(target.params),
            });
          } catch (error) {
            throw new Error(`500: ${(error as Error)?.stack ?? String(error)}`);
          }
          expect(spec.statuses).toContain(response.status);
          expect(snapshot(sqlite, spec.ignore)).toEqual(before);
          const sent = [...entries.flat(), garbage, target.path, ...Object.values(target.params)].filter(
            (v): v is string => typeof v === 'string',
          );
          const said = withoutEcho(`${[...response.headers].join('\n')}\n${await response.text()}`, sent);
          expect(leaks(said), said.slice(0, 300)).toEqual([]);
          expect(internalIds().filter((rowId) => said.includes(rowId))).toEqual([]);
        }),
        { numRuns: RUNS, seed: key.length },
      );
    }, 60_000);
  }
});
