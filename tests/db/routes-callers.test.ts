import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashLinkToken, newLinkToken } from '@/lib/placement/links';
import { makeArrival, makeRoom, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { RequestContext } from '../support/request-context';
import { routeHandlers, type Handler } from '../support/app-tree';
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

const CALLERS = {
  anonymous: null,
  disabled: makeUser(db, 'admin', { disabled: true }),
  otherHost: makeUser(db, 'host', { shelterIds: [other.id] }),
  coordinator: makeUser(db, 'coordinator'),
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
  const response = await handlers.get(key)!(new Request(`http://localhost:3000${path}`, { ...init, headers }), { params: Promise.resolve(params) });
  return { status: response.status, body: await response.text() };
}

type Case = { path: string; init?: RequestInit; params?: Record<string, string>; rightful: Caller[] | 'everyone'; readOnly?: boolean };
/** One entry per route handler; Auth.js's own endpoints are tested through sign-in (tests/db/sign-in, e2e). */
const CASES: Record<string, Case | 'auth.js'> = {
  'app/api/auth/[...nextauth]/route.ts#GET': 'auth.js',
  'app/api/auth/[...nextauth]/route.ts#POST': 'auth.js',
  'app/(staff)/occupancy/export/route.ts#GET': { path: '/occupancy/export?range=7', rightful: ['admin'] },
  'app/api/health/route.ts#GET': { path: '/api/health', rightful: 'everyone' },
  'app/api/online-requests/route.ts#GET': { path: '/api/online-requests', rightful: ['coordinator', 'admin'], readOnly: true },
  'app/privacy/route.ts#GET': { path: '/privacy?lang=ru', rightful: 'everyone' },
  'app/public/shelters/route.ts#GET': { path: '/shelters', rightful: 'everyone' },
  'app/open/hsds.json/route.ts#GET': { path: '/open/hsds.json', rightful: 'everyone' },
  'app/request/route.ts#GET': { path: '/request', rightful: 'everyone' },
  // A post without a valid form is refused alike for everyone; the form itself: tests/db/requests.test.ts.
  'app/request/route.ts#POST': { path: '/request', init: { method: 'POST', body: new URLSearchParams({ alias: '' }), headers: { origin: 'http://localhost:3000' } }, rightful: 'everyone' },
  'app/s/[token]/route.ts#GET': { path: `/s/${token}`, params: { token }, rightful: 'everyone' },
  'app/s/[token]/route.ts#POST': { path: `/s/${token}`, init: { method: 'POST', body: new URLSearchParams({ intent: 'nonsense' }), headers: { origin: 'http://localhost:3000' } }, params: { token }, rightful: 'everyone' },
  'app/s/sw.js/route.ts#GET': { path: '/s/sw.js', rightful: 'everyone' },
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
        const init = spec.init && { ...spec.init, body: spec.init.body ? new URLSearchParams(spec.init.body as URLSearchParams) : undefined };
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
