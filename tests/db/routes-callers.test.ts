import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addNights, tonightIn } from '@/lib/calendar/nights';
import { hashLinkToken, newLinkToken } from '@/lib/placement/links';
import { routeHandlers, type Handler } from '../support/app-tree';
import { makeArrival, makeCity, makeRoom, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { makeOffer } from '../support/offers';
import { RequestContext } from '../support/request-context';
import { createTestDb, snapshot } from '../support/test-db';

// Every route handler of the app, called by every kind of caller with a real session cookie: the
// staff-only ones answer their rightful callers alone, and the public ones answer everyone alike.
const context = vi.hoisted(() => ({ current: undefined as unknown as RequestContext }));
vi.mock('next/headers', () => ({ headers: async () => context.current.headers(), cookies: async () => context.current.cookies() }));

const test = createTestDb();
process.env.DATABASE_PATH = test.path;
process.env.AUTH_SECRET = 'callers-test-secret-callers-test-secret';
context.current = new RequestContext();
const { db, sqlite } = test;
afterAll(test.cleanup);

const shelter = makeShelter(db, { name: 'Listed Hall', address: 'Secret Street 5', listedPublicly: true, status: 'open' });
const other = makeShelter(db, { name: 'Other Hall', status: 'open' });
const { beds } = makeRoom(db, shelter.id, 'mixed', 2);
const stay = makeStay(db, { arrivalId: makeArrival(db, { alias: 'Private Alias 9' }).id, shelterId: shelter.id, bedIds: [beds[0].id] });
const token = newLinkToken();
sqlite.prepare('update stays set link_token_hash = ? where id = ?').run(hashLinkToken(token), stay.id);
const tomorrow = addNights(tonightIn('Europe/Istanbul', new Date()), 1);
const offer = makeOffer(db, shelter.cityId!, new Date(), tomorrow, tomorrow);

const CALLERS = {
  anonymous: null,
  disabled: makeUser(db, 'admin', { disabled: true }),
  otherHost: makeUser(db, 'host', { shelterIds: [other.id] }),
  guide: makeUser(db, 'guide'),
  admin: makeUser(db, 'admin'),
};
type Caller = keyof typeof CALLERS;

let handlers = new Map<string, Handler>();
beforeAll(async () => {
  handlers = await routeHandlers();
});

async function callAs(caller: Caller, key: string, path: string, init: RequestInit = {}, params: Record<string, string> = {}) {
  const user = CALLERS[caller];
  if (user) await context.current.signInAs(user, Date.now() - 1000);
  else context.current.clear();
  const headers = new Headers(context.current.headers());
  for (const [name, value] of new Headers(init.headers)) headers.set(name, value);
  const response = await handlers.get(key)!(new Request(`http://localhost:3000${path}`, { ...init, headers }), {
    params: Promise.resolve(params),
  });
  return { status: response.status, body: await response.text() };
}

type Case = { path: string; init?: RequestInit; params?: Record<string, string>; rightful: Caller[] | 'everyone'; readOnly?: boolean };
/** One entry per route handler; Auth.js's own endpoints are tested through sign-in (tests/db/sign-in, e2e). */
const CASES: Record<string, Case | 'auth.js'> = {
  'app/api/auth/[...nextauth]/route.ts#GET': 'auth.js',
  'app/api/auth/[...nextauth]/route.ts#POST': 'auth.js',
  'app/(staff)/occupancy/export/route.ts#GET': { path: '/occupancy/export?range=7', rightful: ['admin'] },
  'app/api/health/route.ts#GET': { path: '/api/health', rightful: 'everyone' },
  'app/api/online-requests/route.ts#GET': { path: '/api/online-requests', rightful: ['guide', 'admin'], readOnly: true },
  'app/privacy/route.ts#GET': { path: '/privacy?lang=ru', rightful: 'everyone' },
  'app/public/shelters/route.ts#GET': { path: '/shelters', rightful: 'everyone' },
  'app/open/hsds.json/route.ts#GET': { path: '/open/hsds.json', rightful: 'everyone' },
  'app/open/route.ts#GET': { path: '/open', rightful: 'everyone' },
  'app/open/services/route.ts#GET': { path: '/open/services', rightful: 'everyone' },
  'app/open/services/[id]/route.ts#GET': {
    path: '/open/services/00000000-0000-5000-8000-000000000000',
    params: { id: '00000000-0000-5000-8000-000000000000' },
    rightful: 'everyone',
  },
  'app/request/route.ts#GET': { path: '/request', rightful: 'everyone' },
  // A post without a valid form is refused alike for everyone; the form itself: tests/db/requests.test.ts.
  'app/request/route.ts#POST': {
    path: '/request',
    init: { method: 'POST', body: new URLSearchParams({ alias: '' }), headers: { origin: 'http://localhost:3000' } },
    rightful: 'everyone',
  },
  'app/s/[token]/route.ts#GET': { path: `/s/${token}`, params: { token }, rightful: 'everyone' },
  'app/s/[token]/route.ts#POST': {
    path: `/s/${token}`,
    init: { method: 'POST', body: new URLSearchParams({ intent: 'nonsense' }), headers: { origin: 'http://localhost:3000' } },
    params: { token },
    rightful: 'everyone',
  },
  'app/s/sw.js/route.ts#GET': { path: '/s/sw.js', rightful: 'everyone' },
  // An offer's form and link are the same for a signed-in staff member as for anyone: no session opens more.
  'app/offer/route.ts#GET': { path: '/offer', rightful: 'everyone' },
  'app/offer/route.ts#POST': {
    path: '/offer',
    init: { method: 'POST', body: new URLSearchParams({ capacity: '0' }), headers: { origin: 'http://localhost:3000' } },
    rightful: 'everyone',
  },
  'app/offer/[token]/route.ts#GET': { path: `/offer/${offer.token}`, params: { token: offer.token }, rightful: 'everyone' },
  'app/offer/[token]/route.ts#POST': {
    path: `/offer/${offer.token}`,
    init: { method: 'POST', body: new URLSearchParams({ intent: 'nonsense' }), headers: { origin: 'http://localhost:3000' } },
    params: { token: offer.token },
    rightful: 'everyone',
  },
};

describe('route handlers, by caller', () => {
  it('each exported route handler has a case here', () => {
    expect([...handlers.keys()].sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [key, spec] of Object.entries(CASES)) {
    if (spec === 'auth.js') continue;
    it(`${key}: ${spec.rightful === 'everyone' ? 'the same answer for every caller' : `only ${spec.rightful.join(', ')}`}`, async () => {
      const answers: Record<string, { status: number; body: string }> = {};
      for (const caller of Object.keys(CALLERS) as Caller[]) {
        const before = snapshot(sqlite, ['login_throttles', 'request_attempts']);
        const init = spec.init && {
          ...spec.init,
          body: spec.init.body ? new URLSearchParams(spec.init.body as URLSearchParams) : undefined,
        };
        answers[caller] = await callAs(caller, key, spec.path, init, spec.params);
        const wrote = snapshot(sqlite, ['login_throttles', 'request_attempts']) !== before;
        if (spec.rightful === 'everyone') {
          expect(wrote, `${caller} wrote`).toBe(false);
          continue;
        }
        const rightful = spec.rightful.includes(caller);
        expect(answers[caller].status, caller).toBe(rightful ? 200 : 404);
        expect(wrote, `${caller} wrote`).toBe(rightful && !spec.readOnly);
        if (!rightful) expect(answers[caller].body).not.toMatch(/Listed Hall|date,shelter/);
      }
      if (spec.rightful === 'everyone') {
        const statuses = new Set(Object.values(answers).map((answer) => answer.status));
        expect(statuses.size, JSON.stringify(Object.fromEntries(Object.entries(answers).map(([c, a]) => [c, a.status])))).toBe(1);
        for (const answer of Object.values(answers)) expect(answer.body).not.toContain('Private Alias 9');
      }
    });
  }
});

/**
 * The JSON and CSV routes for staff who hold one city: the header's count and the occupancy export
 * count and list only their cities; another city named in the query string is refused, not shown.
 */
describe('route handlers, for staff of one city', () => {
  const here = shelter.cityId!;
  const there = makeCity(db, 'Yerevan', { slug: 'yerevan' });
  const kentron = makeShelter(db, { name: 'Kentron Flat', cityId: there.id, status: 'open' });
  makeRoom(db, kentron.id, 'mixed', 3);
  const online = (cityId: string | null, count: number) => {
    for (let i = 0; i < count; i++) makeArrival(db, { selfRegistered: true, cityId });
  };
  const waitingOnlineIn = (cityId: string | null) =>
    sqlite
      .prepare("select count(*) from arrivals where status = 'waiting' and self_registered = 1 and erased_at is null and city_id is ?")
      .pluck()
      .get(cityId) as number;
  online(here, 2);
  online(there.id, 3);
  online(null, 1);
  const SCOPED = {
    guideThere: makeUser(db, 'guide', { cityIds: [there.id] }),
    adminThere: makeUser(db, 'admin', { cityIds: [there.id] }),
    guideHere: makeUser(db, 'guide', { cityIds: [here] }),
    adminHere: makeUser(db, 'admin', { cityIds: [here] }),
  };
  async function as(user: (typeof SCOPED)[keyof typeof SCOPED], key: string, path: string) {
    await context.current.signInAs(user, Date.now() - 1000);
    const response = await handlers.get(key)!(new Request(`http://localhost:3000${path}`, { headers: context.current.headers() }), {
      params: Promise.resolve({}),
    });
    return { status: response.status, body: await response.text() };
  }
  const COUNT = 'app/api/online-requests/route.ts#GET';
  const EXPORT = 'app/(staff)/occupancy/export/route.ts#GET';
  /** The shelters named in a CSV's rows (its second column), header and HXL row left out. */
  const namesIn = (csv: string) =>
    [
      ...new Set(
        csv
          .trim()
          .split('\n')
          .slice(1)
          .map((line) => line.split(',')[1])
          .filter((name) => !name.startsWith('#')),
      ),
    ].sort();
  // Shelter rows; the published file's unnamed shelters are "(other shelters)"; total rows name none.
  const sheltersIn = (csv: string) => namesIn(csv).filter((name) => name && !name.startsWith('('));
  const unnamedIn = (csv: string) => namesIn(csv).filter((name) => name.startsWith('('));
  /** The total rows' kinds and cities ("city Yerevan", "network "), from the last and third columns. */
  const totalsIn = (csv: string) =>
    [
      ...new Set(
        csv
          .trim()
          .split('\n')
          .slice(1)
          .map((line) => line.trim().split(','))
          .filter((cells) => cells[16] && !cells[16].startsWith('#'))
          .map((cells) => `${cells[16]} ${cells[2]}`),
      ),
    ].sort();

  it('the header count is of their cities’ queue, a household with no city for all-city staff only', async () => {
    expect(JSON.parse((await as(SCOPED.guideThere, COUNT, '/api/online-requests')).body)).toEqual({
      count: waitingOnlineIn(there.id),
      wrong: 0,
    });
    expect(JSON.parse((await as(SCOPED.adminThere, COUNT, '/api/online-requests')).body)).toEqual({
      count: waitingOnlineIn(there.id),
      wrong: 0,
    });
    expect(JSON.parse((await as(SCOPED.guideHere, COUNT, '/api/online-requests')).body)).toEqual({
      count: waitingOnlineIn(here),
      wrong: 0,
    });
    expect(waitingOnlineIn(there.id)).toBe(3);
    const everyone = JSON.parse((await callAs('guide', COUNT, '/api/online-requests')).body).count;
    expect(everyone).toBe(waitingOnlineIn(here) + waitingOnlineIn(there.id) + waitingOnlineIn(null));
  });

  it('the occupancy CSV holds rows of their cities’ shelters only, whatever ?city= says', async () => {
    const all = await callAs('admin', EXPORT, '/occupancy/export?range=7');
    expect(sheltersIn(all.body)).toEqual(expect.arrayContaining(['Kentron Flat', 'Listed Hall', 'Other Hall']));

    const theirs = await as(SCOPED.adminThere, EXPORT, '/occupancy/export?range=7');
    expect(theirs.status).toBe(200);
    expect(sheltersIn(theirs.body)).toEqual(['Kentron Flat']);
    // Totals: their city's rows, never the network's.
    expect(totalsIn(theirs.body)).toEqual(['city Yerevan']);
    expect(totalsIn(all.body)).toEqual(expect.arrayContaining(['city Yerevan', 'network ']));
    const named = await as(SCOPED.adminThere, EXPORT, '/occupancy/export?range=7&city=yerevan');
    expect(sheltersIn(named.body)).toEqual(['Kentron Flat']);
    // The HXL file is for publishing: Kentron Flat, not on the public list, is counted but not named.
    const published = await as(SCOPED.adminThere, EXPORT, '/occupancy/export?range=7&city=yerevan&hxl=1');
    expect(sheltersIn(published.body)).toEqual([]);
    expect(unnamedIn(published.body)).toEqual(['(other shelters)']);
    expect(totalsIn(published.body)).toEqual(['city Yerevan']);
    expect(sheltersIn((await callAs('admin', EXPORT, '/occupancy/export?range=7&hxl=1')).body)).toEqual(['Listed Hall']);
    expect(sheltersIn((await as(SCOPED.adminHere, EXPORT, '/occupancy/export?range=7')).body)).toEqual(['Listed Hall', 'Other Hall']);

    // Another city, by address word or id, and one of its shelters: refused, nothing of it sent or written.
    const before = snapshot(sqlite);
    for (const path of [
      `/occupancy/export?range=7&city=${here}`,
      '/occupancy/export?range=7&city=istanbul',
      `/occupancy/export?range=7&shelter=${shelter.id}`,
    ]) {
      const refused = await as(SCOPED.adminThere, EXPORT, path);
      expect(refused.status, path).toBe(400);
      expect(refused.body, path).not.toMatch(/Listed Hall|Other Hall|date,shelter/);
    }
    expect((await as(SCOPED.guideThere, EXPORT, '/occupancy/export?range=7')).status).toBe(404);
    expect(snapshot(sqlite)).toEqual(before);
  });
});
