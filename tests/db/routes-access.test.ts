import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { arrivals } from '@/db/schema';
import { addNights, tonightIn } from '@/lib/calendar/nights';
import { uuidV5 } from '@/lib/exports/uuid';
import { hashLinkToken, newLinkToken } from '@/lib/placement/links';
import { formStamp } from '@/lib/requests/form-guard';
import { routeHandlers, type Handler } from '../support/app-tree';
import { makeArrival, makeRoom, makeShelter, makeStay } from '../support/fixtures';
import { makeOffer, offerForm } from '../support/offers';
import { createTestDb, snapshot } from '../support/test-db';

// Every route handler of the app, called as an anonymous visitor would: what it shows and what it writes.
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));

const test = createTestDb();
process.env.DATABASE_PATH = test.path;
process.env.AUTH_SECRET = 'routes-test-secret-routes-test-secret';
const { db, sqlite } = test;
afterAll(test.cleanup);

const ORIGIN = 'http://localhost:3000';
let handlers = new Map<string, Handler>();
beforeAll(async () => {
  handlers = await routeHandlers();
});

const call = (
  key: string,
  path: string,
  init: RequestInit & { headers?: Record<string, string> } = {},
  params: Record<string, string> = {},
) =>
  handlers.get(key)!(
    new Request(`${ORIGIN}${path}`, { ...init, headers: { host: 'localhost:3000', 'x-forwarded-for': '203.0.113.9', ...init.headers } }),
    { params: Promise.resolve(params) },
  );
const post = (body: Record<string, string>, origin: string | null = ORIGIN) => ({
  method: 'POST',
  body: new URLSearchParams(body),
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...(origin ? { origin } : {}) },
});

const listed = makeShelter(db, { name: 'Listed Hall', address: 'Secret Street 5', listedPublicly: true, status: 'open' });
makeRoom(db, listed.id, 'mixed', 2);
const hiddenFlat = makeShelter(db, { name: 'Hidden Flat', listedPublicly: false, status: 'open' });
const guideStay = makeStay(db, {
  arrivalId: makeArrival(db).id,
  shelterId: listed.id,
  bedIds: [makeRoom(db, listed.id, 'mixed', 1).beds[0].id],
});
const guideToken = newLinkToken();
sqlite.prepare('update stays set link_token_hash = ? where id = ?').run(hashLinkToken(guideToken), guideStay.id);

function selfRequest() {
  const token = newLinkToken();
  const arrival = makeArrival(db, {
    alias: 'Private Alias 77',
    contact: '@private77',
    selfRegistered: true,
    requestTokenHash: hashLinkToken(token),
  });
  return { token, arrival };
}
const waitingRequest = selfRequest();
const tomorrow = addNights(tonightIn('Europe/Istanbul', new Date()), 1);
const offerPost = (): Record<string, string> => ({
  ...offerForm(listed.cityId!, tomorrow, tomorrow),
  'languages[]': 'ru',
  lang: 'en',
  stamp: formStamp(new Date(Date.now() - 10_000)),
});
const requestForm = (extra: Record<string, string> = {}) => ({
  alias: 'Lena',
  adultMen: '0',
  adultWomen: '1',
  children: '0',
  contact: '@lena',
  lang: 'ru',
  stamp: formStamp(new Date(Date.now() - 10_000)),
  ...extra,
});

/** One entry per exported route handler; a new handler without one fails the enumeration test. */
const ROUTES: Record<string, () => Promise<void>> = {
  'app/api/auth/[...nextauth]/route.ts#GET': async () => undefined, // Auth.js itself: tests/e2e/sign-in.test.ts
  'app/api/auth/[...nextauth]/route.ts#POST': async () => undefined, // Auth.js itself: tests/db/sign-in.test.ts, e2e
  'app/api/online-requests/route.ts#GET': async () => {
    // Guides and admins only (tests/db/routes-callers.test.ts): a stranger learns not even a number.
    const response = await call('app/api/online-requests/route.ts#GET', '/api/online-requests');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toMatch(/count|\d/);
  },
  'app/(staff)/occupancy/export/route.ts#GET': async () => {
    // Admins only: signed-in callers of every role are tried in tests/e2e/occupancy.test.ts.
    const response = await call('app/(staff)/occupancy/export/route.ts#GET', '/occupancy/export?range=90');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('date,shelter');
  },
  'app/privacy/route.ts#GET': async () => {
    const response = await call('app/privacy/route.ts#GET', '/privacy?lang=uk');
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('Що ми зберігаємо про вас');
    expect(html).toContain('Через 14 дн.');
    // Someone who offers a place reads what is kept of it, and when it goes.
    expect(html).toContain('Якщо ви пропонуєте житло');
    expect(html).toContain('Через 14 дн. після того як ви відкличете пропозицію');
  },
  'app/api/health/route.ts#GET': async () => {
    const response = await call('app/api/health/route.ts#GET', '/api/health');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ok\n');
    expect(response.headers.get('cache-control')).toContain('no-store');
  },
  'app/s/sw.js/route.ts#GET': async () => {
    const response = await call('app/s/sw.js/route.ts#GET', '/s/sw.js');
    expect(response.headers.get('content-type')).toContain('javascript');
  },
  'app/public/shelters/route.ts#GET': async () => {
    const response = await call('app/public/shelters/route.ts#GET', '/shelters', { headers: { 'accept-language': 'tr' } });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('Listed Hall');
    expect(html).not.toContain('Hidden Flat');
    expect(html).not.toContain('Secret Street');
    expect(response.headers.get('content-security-policy')).toContain("form-action 'none'");
  },
  'app/open/hsds.json/route.ts#GET': async () => {
    // The public list as open data: no more than /shelters shows (tests/db/hsds-feed.test.ts).
    const response = await call('app/open/hsds.json/route.ts#GET', '/open/hsds.json');
    const json = await response.text();
    expect(response.status).toBe(200);
    expect(json).toContain('"name":"Listed Hall"');
    expect(json).not.toMatch(/Hidden Flat|Secret Street|Private Alias|private77/);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  },
  'app/open/route.ts#GET': async () => {
    const response = await call('app/open/route.ts#GET', '/open');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ version: '3.1' });
  },
  'app/open/services/route.ts#GET': async () => {
    // The Open Referral API: the same listed shelters as the file (tests/db/open-api.test.ts).
    const json = await (await call('app/open/services/route.ts#GET', '/open/services?per_page=10')).text();
    expect(json).toContain('"name":"Listed Hall"');
    expect(json).not.toMatch(/Hidden Flat|Secret Street|Private Alias|private77/);
    expect((await call('app/open/services/route.ts#GET', '/open/services?page=0')).status).toBe(400);
  },
  'app/open/services/[id]/route.ts#GET': async () => {
    const id = uuidV5(`service:${listed.id}`);
    const response = await call('app/open/services/[id]/route.ts#GET', `/open/services/${id}`, {}, { id });
    expect(response.status).toBe(200);
    expect(await response.text()).not.toContain('Secret Street');
    const hidden = uuidV5(`service:${hiddenFlat.id}`);
    expect((await call('app/open/services/[id]/route.ts#GET', `/open/services/${hidden}`, {}, { id: hidden })).status).toBe(404);
  },
  'app/request/route.ts#GET': async () => {
    const html = await (await call('app/request/route.ts#GET', '/request?lang=uk')).text();
    expect(html).toMatch(/<form [^>]*action="\/request" method="post">/);
    expect(html).toContain('Попросити місце');
  },
  'app/request/route.ts#POST': async () => {
    for (const origin of [null, 'https://elsewhere.example']) {
      const refused = await call('app/request/route.ts#POST', '/request', post(requestForm(), origin));
      expect(refused.status).toBe(403);
    }
    const response = await call('app/request/route.ts#POST', '/request', post(requestForm()));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/s\/[A-Za-z0-9_-]{43}\?lang=ru$/);
  },
  'app/offer/route.ts#GET': async () => {
    const html = await (await call('app/offer/route.ts#GET', '/offer?lang=tr')).text();
    expect(html).toMatch(/<form [^>]*action="\/offer" method="post">/);
    expect(html).toContain('Kalacak yer önerin');
  },
  'app/offer/route.ts#POST': async () => {
    for (const origin of [null, 'https://elsewhere.example']) {
      const refused = await call('app/offer/route.ts#POST', '/offer', post(offerPost(), origin));
      expect(refused.status).toBe(403);
    }
    const response = await call('app/offer/route.ts#POST', '/offer', post(offerPost()));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/offer\/[A-Za-z0-9_-]{43}\?lang=en$/);
  },
  'app/offer/[token]/route.ts#GET': async () => {
    const { token, reference } = makeOffer(db, listed.cityId!, new Date(), tomorrow, tomorrow, { contact: '@offer_owner77' });
    const html = await (await call('app/offer/[token]/route.ts#GET', `/offer/${token}`, {}, { token })).text();
    expect(html).toContain(reference);
    // The person sees what they offered, in the form to change it; never a hash.
    expect(html).toContain('@offer_owner77');
    expect(html).not.toContain(hashLinkToken(token));
    expect((await call('app/offer/[token]/route.ts#GET', '/offer/x', {}, { token: 'x'.repeat(43) })).status).toBe(404);
  },
  'app/offer/[token]/route.ts#POST': async () => {
    const { token } = makeOffer(db, listed.cityId!, new Date(), tomorrow, tomorrow);
    const pause = (origin: string | null) =>
      call('app/offer/[token]/route.ts#POST', `/offer/${token}`, post({ intent: 'pause' }, origin), { token });
    expect((await pause('https://elsewhere.example')).status).toBe(403);
    expect((await pause(null)).status).toBe(403);
    expect((await pause(ORIGIN)).status).toBe(303);
    expect(sqlite.prepare('select status from offers where token_hash = ?').pluck().get(hashLinkToken(token))).toBe('paused');
  },
  'app/s/[token]/route.ts#GET': async () => {
    const { token } = waitingRequest;
    const waiting = await call('app/s/[token]/route.ts#GET', `/s/${token}`, {}, { token });
    const html = await waiting.text();
    expect(waiting.status).toBe(200);
    expect(html).toContain('You are on the waiting list');
    expect(html).not.toContain('Private Alias 77');
    expect(html).not.toContain('private77');
    expect((await call('app/s/[token]/route.ts#GET', `/s/${guideToken}`, {}, { token: guideToken })).status).toBe(200);
    expect((await call('app/s/[token]/route.ts#GET', '/s/x', {}, { token: 'x'.repeat(43) })).status).toBe(404);
    expect(sqlite.prepare("select count(*) from login_throttles where key like 'link:%'").pluck().get()).toBe(1);
  },
  'app/s/[token]/route.ts#POST': async () => {
    const { token, arrival } = selfRequest();
    const status = () => db.select().from(arrivals).where(eq(arrivals.id, arrival.id)).get()!.status;
    const cancel = (origin: string | null, forToken = token) =>
      call('app/s/[token]/route.ts#POST', `/s/${forToken}`, post({ intent: 'cancel' }, origin), { token: forToken });
    expect((await cancel('https://elsewhere.example')).status).toBe(403);
    expect((await cancel(null)).status).toBe(403);
    expect(status()).toBe('waiting');
    // A guide's link has nothing to withdraw.
    expect((await cancel(ORIGIN, guideToken)).status).toBe(409);
    const done = await cancel(ORIGIN);
    expect(done.status).toBe(303);
    expect(status()).toBe('cancelled');
  },
};

/** The routes that only read, and what each may be called with; the others are checked to write only what they should. */
const READ_ONLY = [
  'app/api/health/route.ts#GET',
  'app/api/online-requests/route.ts#GET',
  'app/(staff)/occupancy/export/route.ts#GET',
  'app/privacy/route.ts#GET',
  'app/s/sw.js/route.ts#GET',
  'app/public/shelters/route.ts#GET',
  'app/open/hsds.json/route.ts#GET',
  'app/open/route.ts#GET',
  'app/open/services/route.ts#GET',
  'app/open/services/[id]/route.ts#GET',
  'app/request/route.ts#GET',
  'app/offer/route.ts#GET',
  'app/s/[token]/route.ts#GET',
];

describe('route handlers', () => {
  it('each exported route handler has a case here', () => {
    expect([...handlers.keys()].sort()).toEqual(Object.keys(ROUTES).sort());
  });

  for (const [key, check] of Object.entries(ROUTES)) {
    it(`${key} answers an anonymous visitor as it should${READ_ONLY.includes(key) ? ' and writes nothing' : ''}`, async () => {
      // A link that does not work is counted against the client's address (kept in login_throttles).
      const counted = key === 'app/s/[token]/route.ts#GET' || key === 'app/offer/[token]/route.ts#GET' ? ['login_throttles'] : [];
      const before = snapshot(sqlite, counted);
      await check();
      if (READ_ONLY.includes(key)) expect(snapshot(sqlite, counted)).toEqual(before);
    });
  }

  it('a refused post to /request writes nothing', async () => {
    const before = snapshot(sqlite);
    const tooFast = await call('app/request/route.ts#POST', '/request', post(requestForm({ stamp: formStamp(new Date()) })));
    const honeypot = await call('app/request/route.ts#POST', '/request', post(requestForm({ website: 'spam' })));
    const invalid = await call('app/request/route.ts#POST', '/request', post(requestForm({ contact: '' })));
    expect([tooFast.status, honeypot.status, invalid.status]).toEqual([400, 400, 422]);
    expect(await invalid.text()).toContain('Заполните это поле.');
    expect(snapshot(sqlite)).toEqual(before);
  });
});
