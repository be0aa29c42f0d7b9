import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { can } from '@/lib/auth/policy';
import { uuidV5 } from '@/lib/exports/uuid';
import { routePatterns } from '../support/app-tree';
import { FIXTURE_PASSWORD } from '../support/fixtures';
import { PAGE_DOORS } from '../support/policy-coverage';
import {
  buildWorld,
  endWorld,
  HOUSEHOLDS,
  mayReceive,
  OFFERS,
  ROLES,
  STAFF,
  YEREVAN,
  type Caller,
  type Household,
  type Marker,
  type StaffKey,
  type World,
} from './shares-world';
import { launchBrowser, newPage, SignInPage } from './support';

// Invariant 7: what the server sends is the caller's share. Every route under app/ is fetched by
// every kind of caller, as HTML and as flight data (`RSC: 1`), and the answers of server actions are
// caught in Chromium; each byte is scanned for marker strings planted in the households' details
// and token hashes (tests/e2e/shares-world.ts). A route added under app/ without a visit here fails.
// No marker is ever part of a URL or of anything typed, so whatever carries one came from the server.
const baseURL = inject('baseURL');
const databasePath = inject('databasePath');
// Its own client address, so its sign-ins and link visits count against no other test's.
const CLIENT = { 'x-forwarded-for': '198.51.100.14' };
// The crawl's own requests ask for bodies as they are: the bytes scanned are the same, and neither the
// server nor this process spends a CPU-second or two on gzip for some 1,200 pages.
const CRAWLER = { ...CLIENT, 'accept-encoding': 'identity' };
const UNKNOWN_TOKEN = 'y'.repeat(43);

const VISITS: Record<string, (w: World) => string[]> = {
  '/': () => ['/'],
  '/account': () => ['/account'],
  '/api/auth/[...nextauth]': () => ['/api/auth/session'],
  '/api/health': () => ['/api/health'],
  '/api/online-requests': () => ['/api/online-requests'],
  '/arrivals': () => ['/arrivals', '/arrivals?view=placed', '/arrivals?kind=online', '/arrivals?kind=families&view=placed'],
  '/arrivals/[id]': (w) => HOUSEHOLDS.map((h) => `/arrivals/${w.arrivals[h]}`),
  '/arrivals/new': () => ['/arrivals/new'],
  '/audit': () => ['/audit'],
  '/feedback': () => ['/feedback'],
  '/invite/[token]': () => [`/invite/${UNKNOWN_TOKEN}`],
  '/login': () => ['/login'],
  '/notices': () => ['/notices'],
  '/offer': () => ['/offer'],
  '/offer/[token]': (w) => [`/offer/${w.offers.O.token}`, `/offer/${w.offers.OY.token}`, `/offer/${UNKNOWN_TOKEN}`],
  '/offers': () => ['/offers', '/offers?status=all', '/offers?kind=room&capacity=2&q=mk'],
  '/offers/[id]': (w) => [`/offers/${w.offers.O.id}`, `/offers/${w.offers.OY.id}`],
  '/occupancy': () => ['/occupancy'],
  '/occupancy/ahead': () => ['/occupancy/ahead', '/occupancy/ahead?city=yerevan'],
  // Refused before it is written to the audit trail, which tests/e2e/occupancy.test.ts counts.
  '/occupancy/export': () => ['/occupancy/export?from=2099-01-01&to=2099-01-02'],
  '/occupancy/history': () => ['/occupancy/history'],
  '/privacy': () => ['/privacy'],
  '/open/hsds.json': () => ['/open/hsds.json'],
  '/open': () => ['/open'],
  '/open/services': () => ['/open/services'],
  '/open/services/[id]': (w) => [
    `/open/services/${uuidV5(`service:${w.shelterS}`)}`,
    `/open/services/${uuidV5(`service:${w.shelterYerevan.id}`)}`,
  ],
  '/public/shelters': () => ['/public/shelters'],
  '/request': () => ['/request'],
  '/s/[token]': (w) => w.links.map(({ token }) => `/s/${token}`),
  '/s/sw.js': () => ['/s/sw.js'],
  '/settings': () => ['/settings'],
  '/settings/meeting-points': () => ['/settings/meeting-points'],
  '/settings/cities': () => ['/settings/cities'],
  '/shelters': () => ['/shelters'],
  '/shelters/[id]': (w) => [
    `/shelters/${w.shelterS}`,
    `/shelters/${w.shelterT}`,
    `/shelters/${w.shelterYerevan.id}`,
    `/shelters/${w.homeH}`,
  ],
  '/shelters/[id]/calendar': (w) => [
    `/shelters/${w.shelterS}/calendar`,
    `/shelters/${w.shelterT}/calendar`,
    `/shelters/${w.homeH}/calendar`,
  ],
  '/shelters/[id]/profile': (w) => [`/shelters/${w.shelterS}/profile`, `/shelters/${w.shelterT}/profile`, `/shelters/${w.homeH}/profile`],
  '/shelters/[id]/rooms': (w) => [`/shelters/${w.shelterS}/rooms`, `/shelters/${w.shelterT}/rooms`, `/shelters/${w.homeH}/rooms`],
  '/staff': () => ['/staff'],
};
const FORMATS = { html: {}, rsc: { RSC: '1' } } as const;
type Format = keyof typeof FORMATS;

let world: World;
const cookies: Partial<Record<StaffKey, string>> = {};
let browser: Browser;

/** Signs in through Auth.js's own endpoints, as a browser would; returns the session cookie. */
async function signIn(email: string): Promise<string> {
  const csrf = await fetch(`${baseURL}/api/auth/csrf`, { headers: CLIENT });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      ...CLIENT,
      'content-type': 'application/x-www-form-urlencoded',
      cookie: csrf.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; '),
    },
    body: new URLSearchParams({ csrfToken, email, password: FIXTURE_PASSWORD }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith('authjs.session-token='));
  expect(session, `${email} signed in`).toBeTruthy();
  return session!.split(';')[0];
}

/** A staff member of the world as the policy sees them. */
const asPolicySees = (key: StaffKey) => ({
  id: world.staff[key].id,
  role: ROLES[key],
  cityIds: YEREVAN.includes(key) ? ['yerevan'] : null,
  shelterIds: key === 'hostS' ? [world.shelterS] : key === 'hostT' ? [world.shelterT] : key === 'hostH' ? [world.homeH] : [],
});

/**
 * Each page door the crawl found open where the policy keeps it shut, or shut where the policy opens
 * it. A shut door is a 404; an open one anything else (the export answers the crawl's future dates
 * with a 400, after its door).
 */
function wrongDoors(who: Caller, answers: Answer[]): string[] {
  if (who.kind === 'anonymous') return [];
  const key = who.kind;
  return Object.entries(PAGE_DOORS).flatMap(([route, permission]) => {
    const path = VISITS[route](world)[0];
    const { status } = answers.find((answer) => answer.path === path && answer.format === 'html')!;
    const opens = can(asPolicySees(key), permission);
    return (status !== 404) === opens
      ? []
      : [`${key}: ${route}: ${status}, where the policy's ${permission} ${opens ? 'opens' : 'shuts'} it`];
  });
}

const caller = (kind: Caller['kind'], revealed: Household[] = []): Caller => ({
  kind,
  revealed: new Set(revealed),
  name:
    kind === 'admin' || kind === 'adminY'
      ? `${kind} (${revealed.length ? `after Show details on ${revealed.join(', ')}` : 'before Show details'})`
      : kind,
});

const marker = (name: string) => world.markers.find((m) => m.name === name)!;
const found = (body: string) => world.markers.filter((m) => body.includes(m.value));

/** A path with the world's ids and tokens written as what they are: "/shelters/{S}", "/s/{W's request}". */
function named(where: string): string {
  const names: [string, string][] = [
    [world.shelterS, 'S'],
    [world.shelterT, 'T'],
    [world.homeH, 'home H'],
    [world.shelterYerevan.id, 'Yerevan shelter'],
    ...HOUSEHOLDS.map((h): [string, string] => [world.arrivals[h], h]),
    ...world.links.map(({ name, token }): [string, string] => [token, name]),
    ...OFFERS.flatMap((key): [string, string][] => [
      [world.offers[key].id, key],
      [world.offers[key].token, `${key}'s link`],
    ]),
  ];
  return names.reduce((text, [id, name]) => text.replaceAll(id, `{${name}}`), where);
}

/** Each marker in `body` that `who` may not receive, as "who: where: marker". */
function leaks(who: Caller, where: string, body: string): string[] {
  return found(body)
    .filter((m) => !mayReceive(who, m, where))
    .map((m) => `${who.name}: ${named(where)}: ${m.name}`);
}

/**
 * One visit, redirects not followed (each URL is visited itself), but for Next's own: a flight-data
 * request is sent on to the same path with its cache-busting `_rsc` parameter, as a browser is.
 */
async function get(path: string, format: Format, cookie?: string): Promise<Response> {
  const init = { redirect: 'manual', headers: { ...CRAWLER, ...FORMATS[format], ...(cookie ? { cookie } : {}) } } as const;
  const response = await fetch(`${baseURL}${path}`, init);
  const location = new URL(response.headers.get('location') ?? '/', baseURL);
  const busted =
    format === 'rsc' &&
    response.status === 307 &&
    location.pathname === new URL(path, baseURL).pathname &&
    location.searchParams.has('_rsc');
  return busted ? fetch(location, init) : response;
}

type Answer = { path: string; format: Format; status: number; body: string };

/** Every visit as `who`, as HTML and as flight data, a few at a time. */
async function crawl(who: Caller): Promise<{ answers: Answer[]; problems: string[] }> {
  const cookie = who.kind === 'anonymous' ? undefined : cookies[who.kind];
  const visits = Object.values(VISITS)
    .flatMap((visit) => visit(world))
    .flatMap((path) => (Object.keys(FORMATS) as Format[]).map((format) => ({ path, format })));
  const answers: Answer[] = [];
  for (let i = 0; i < visits.length; i += 6) {
    answers.push(
      ...(await Promise.all(
        visits.slice(i, i + 6).map(async ({ path, format }) => {
          const response = await get(path, format, cookie);
          return { path, format, status: response.status, body: await response.text() };
        }),
      )),
    );
  }
  const problems = answers.flatMap(({ path, format, status, body }) => [
    ...(status >= 500 ? [`${who.name}: GET ${named(path)} (${format}): status ${status}`] : []),
    ...leaks(who, `GET ${path} (${format})`, body),
  ]);
  return { answers, problems };
}

/** Each of `names` missing from the answers to `path`, in either format: what the screen must still show. */
function missing(answers: Answer[], path: string, names: string[]): string[] {
  return (Object.keys(FORMATS) as Format[]).flatMap((format) => {
    const body = answers.find((a) => a.path === path && a.format === format)?.body ?? '';
    return names.filter((name) => !body.includes(marker(name).value)).map((name) => `${named(path)} (${format}): ${name}`);
  });
}
const details = (household: Household) => [`${household}.alias`, `${household}.contact`, `${household}.note`];

type Caught = { where: string; body: string };

/**
 * Every response a page receives (documents, flight data, action answers), caught on its way in:
 * fetched for the browser and handed over unchanged, so that no body is lost to a navigation.
 */
async function catchResponses(page: Page): Promise<() => Caught[]> {
  const caught: Caught[] = [];
  await page.route(`${baseURL}/**`, async (route) => {
    const request = route.request();
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/_next/static/')) return route.continue();
    const response = await route.fetch({ maxRedirects: 0 });
    const body = await response.body();
    const kind = request.method() === 'POST' ? 'action answer' : request.headers()['rsc'] ? 'flight data' : 'browser';
    caught.push({ where: `${request.method()} ${path} (${kind})`, body: body.toString('utf8') });
    const { 'content-encoding': _encoding, 'content-length': _length, ...headers } = response.headers();
    await route.fulfill({ response, headers, body });
  });
  return () => caught.splice(0);
}

async function signedInPage(
  key: StaffKey,
): Promise<{ context: BrowserContext; page: Page; take: () => Caught[]; close: () => Promise<void> }> {
  const { context, page } = await newPage(browser, baseURL);
  await context.setExtraHTTPHeaders(CLIENT);
  const take = await catchResponses(page);
  await new SignInPage(page).signInAndWait(world.staff[key].email, FIXTURE_PASSWORD);
  const close = async () => {
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await context.close();
  };
  return { context, page, take, close };
}

const scan = (who: Caller, answers: Caught[]) => answers.flatMap(({ where, body }) => leaks(who, where, body));
const actionAnswer = (answers: Caught[]) =>
  answers
    .filter(({ where }) => where.startsWith('POST '))
    .map(({ body }) => body)
    .join('\n');

beforeAll(async () => {
  world = buildWorld(databasePath);
  browser = await launchBrowser();
  await Promise.all(STAFF.map(async (key) => (cookies[key] = await signIn(world.staff[key].email))));
});
afterAll(async () => {
  await browser?.close();
  if (world) endWorld(databasePath, world);
});

describe("what each caller receives is the caller's share", () => {
  it('every route under app/ has a visit here', () => {
    expect(routePatterns().sort()).toEqual(Object.keys(VISITS).sort());
  });

  it('no page, as HTML or as flight data, carries a detail or token hash to a caller outside its share', async () => {
    // Anonymous also stands for the arrival, who opens the households' own links (/s/{token}).
    // guideY and adminY hold Yerevan alone: Istanbul's households and staff are not theirs.
    const callers = [
      caller('anonymous'),
      caller('hostS'),
      caller('hostT'),
      caller('guideA'),
      caller('guideB'),
      caller('admin'),
      caller('guideY'),
      caller('adminY'),
      caller('hostH'),
    ];
    const crawls = await Promise.all(callers.map((who) => crawl(who)));
    const [, hostS, hostT, guideA, guideB, admin, guideY, , hostH] = crawls.map((c) => c.answers);
    // The pages have not been broken into passing: each still sends what its screen shows.
    expect([
      ...missing(guideA, `/arrivals/${world.arrivals.R}`, details('R')),
      ...missing(guideB, `/arrivals/${world.arrivals.W}`, details('W')),
      ...missing(guideB, `/arrivals/${world.arrivals.Y}`, details('Y')),
      ...missing(guideY, `/arrivals/${world.arrivals.Y}`, details('Y')),
      ...missing(guideY, '/arrivals', ['Y.alias']),
      ...missing(guideA, `/shelters/${world.shelterS}`, ['R.alias', 'R.note']),
      ...missing(hostS, `/shelters/${world.shelterS}`, ['R.alias', 'R.note', 'C.alias', 'C.note']),
      ...missing(hostT, `/shelters/${world.shelterT}`, ['T.needNote']),
      // The home's host greets H by name; H's note stays with its guide (the leak scan holds that).
      ...missing(hostH, `/shelters/${world.homeH}`, ['H.alias']),
      ...missing(guideA, `/arrivals/${world.arrivals.H}`, details('H')),
      ...missing(admin, `/shelters/${world.shelterT}`, ['T.needNote']),
      ...missing(guideA, `/offers/${world.offers.O.id}`, ['O.offerContact', 'O.offerNote']),
      ...missing(guideY, `/offers/${world.offers.OY.id}`, ['OY.offerContact', 'OY.offerNote']),
      ...missing(guideY, '/offers', ['OY.offerContact']),
      // Issue 30, point 5: the guest's word about H, on the page of the city's staff.
      ...missing(guideA, '/feedback', ['H.wordNote']),
      ...missing(admin, '/feedback', ['H.wordNote']),
      ...missing(crawls[0].answers, `/offer/${world.offers.O.token}`, ['O.offerContact', 'O.offerNote']),
    ]).toEqual([]);
    expect(crawls.flatMap((c) => c.problems)).toEqual([]);
    // Each staff page's door opens exactly for whom the policy says (lib/auth/policy.ts), for nobody else.
    expect(callers.flatMap((who, i) => wrongDoors(who, crawls[i].answers))).toEqual([]);
    // Nine callers, every page twice (HTML and flight data): on a loaded machine more than the default 90 s.
  }, 240_000);

  it('a guide or admin of one city is listed that city’s shelters; the admin opens no other city’s', async () => {
    // The pages this asks about, as HTML; the crawl above scans every page of these callers for leaks.
    const opened = (who: StaffKey, path: string) => get(path, 'html', cookies[who]);
    const listed = async (who: StaffKey) => {
      const body = await (await opened(who, '/shelters')).text();
      return [world.shelterNames.S, world.shelterYerevan.name].filter((name) => body.includes(name));
    };
    expect(await listed('guideY')).toEqual([world.shelterYerevan.name]);
    expect(await listed('adminY')).toEqual([world.shelterYerevan.name]);
    expect(await listed('guideA')).toEqual([world.shelterNames.S, world.shelterYerevan.name]);
    // A guide may place a household moving to Istanbul there, so Istanbul's open shelter still opens for them.
    const status = async (who: StaffKey, path: string) => (await opened(who, path)).status;
    expect(
      await Promise.all(
        [`/shelters/${world.shelterS}`, `/shelters/${world.shelterYerevan.id}`].map(async (path) => [
          await status('guideY', path),
          await status('adminY', path),
        ]),
      ),
    ).toEqual([
      [200, 404],
      [200, 200],
    ]);
    expect(await status('adminY', `/shelters/${world.shelterS}/profile`)).toBe(404);
  });

  it('the answers of actions that re-render a page carry only the caller’s share, refused ones too', async () => {
    const problems: string[] = [];
    const hostS = await signedInPage('hostS');
    await hostS.page.goto(`/shelters/${world.shelterS}`);
    await hostS.page.getByRole('button', { name: 'Availability is correct' }).click();
    await hostS.page.getByText('Thank you. Availability confirmed.').waitFor();
    const hostAnswers = hostS.take();
    problems.push(...scan(caller('hostS'), hostAnswers));
    // The action's answer is the page re-rendered: it holds what the host sees.
    expect(actionAnswer(hostAnswers)).toContain(marker('C.alias').value);

    // Shelter T's host sends T's form with S's id in it: refused, and the refusal tells nothing of S.
    const hostT = await signedInPage('hostT');
    await hostT.page.goto(`/shelters/${world.shelterT}`);
    await hostT.page
      .getByRole('region', { name: 'Availability' })
      .locator('input[name=shelterId]')
      .evaluate((input, id) => ((input as HTMLInputElement).value = id), world.shelterS);
    await hostT.page.getByRole('button', { name: 'Availability is correct' }).click();
    await hostT.page.getByText('You are not allowed to do this.').waitFor();
    const refusal = hostT.take();
    problems.push(...scan(caller('hostT'), refusal));
    expect(actionAnswer(refusal)).toContain('notAllowed');

    // Yerevan's admin sends their own shelter's form with Istanbul's S in it: refused alike.
    const adminY = await signedInPage('adminY');
    await adminY.page.goto(`/shelters/${world.shelterYerevan.id}`);
    await adminY.page
      .getByRole('region', { name: 'Availability' })
      .locator('input[name=shelterId]')
      .evaluate((input, id) => ((input as HTMLInputElement).value = id), world.shelterS);
    await adminY.page.getByRole('button', { name: 'Availability is correct' }).click();
    await adminY.page.getByText('You are not allowed to do this.').waitFor();
    const elsewhere = adminY.take();
    problems.push(...scan(caller('adminY'), elsewhere));
    expect(actionAnswer(elsewhere)).toContain('notAllowed');

    const admin = await signedInPage('admin');
    await admin.page.goto(`/shelters/${world.shelterS}`);
    await admin.page.getByRole('button', { name: 'Availability is correct' }).click();
    await admin.page.getByText('Thank you. Availability confirmed.').waitFor();
    const adminAnswers = admin.take();
    problems.push(...scan(caller('admin'), adminAnswers));
    expect(actionAnswer(adminAnswers)).toContain('availabilityConfirmed');
    await Promise.all([hostS.close(), hostT.close(), adminY.close(), admin.close()]);
    expect(problems).toEqual([]);
  });

  it('an admin receives a household’s details after “Show details” on it, and no other’s', async () => {
    const admin = await signedInPage('admin');
    const revealed: Household[] = [];
    const problems: string[] = [];
    for (const household of HOUSEHOLDS) {
      await admin.page.goto(`/arrivals/${world.arrivals[household]}`);
      problems.push(...scan(caller('admin', revealed), admin.take()));
      await admin.page.getByRole('button', { name: 'Show details' }).click();
      await admin.page.getByRole('button', { name: 'Yes' }).click();
      await admin.page.getByRole('heading', { name: marker(`${household}.alias`).value }).waitFor();
      revealed.push(household);
      const answers = admin.take();
      problems.push(...scan(caller('admin', revealed), answers));
      expect(actionAnswer(answers)).toContain(marker(`${household}.contact`).value);

      // The same session, over plain fetch: every page again, as HTML and as flight data.
      const session = (await admin.context.cookies()).find((c) => c.name === 'authjs.session-token')!;
      cookies.admin = `${session.name}=${session.value}`;
      const { answers: pages, problems: crawled } = await crawl(caller('admin', revealed));
      expect(missing(pages, `/arrivals/${world.arrivals[household]}`, details(household))).toEqual([]);
      problems.push(...crawled);
    }
    await admin.close();
    expect(problems).toEqual([]);
  });
});

// The share table itself, so that a wrong table cannot make the scan pass.
describe('the share table', () => {
  it('gives each detail to the callers README "What we keep" names, and token hashes to nobody', () => {
    const m = (household: Household, field: 'alias' | 'contact' | 'note' | 'requestTokenHash' | 'linkTokenHash'): Marker => ({
      name: '',
      value: '',
      household,
      field,
    });
    const staffMarker = (staff: StaffKey): Marker => ({ name: '', value: '', staff, field: 'staffEmail' });
    const who = (kind: Caller['kind'], revealed: Household[] = []) => caller(kind, revealed);
    expect(mayReceive(who('guideB'), m('W', 'contact'))).toBe(true);
    expect(mayReceive(who('guideB'), m('R', 'alias'))).toBe(false);
    expect(mayReceive(who('hostS'), m('R', 'note'))).toBe(true);
    expect(mayReceive(who('hostS'), m('R', 'contact'))).toBe(false);
    expect(mayReceive(who('guideA'), m('C', 'alias'))).toBe(false);
    expect(mayReceive(who('admin'), m('C', 'contact'))).toBe(false);
    expect(mayReceive(who('admin', ['C']), m('C', 'contact'))).toBe(true);
    expect(mayReceive(who('admin', ['W']), m('C', 'alias'))).toBe(false);
    expect(mayReceive(who('admin', ['W', 'R', 'C']), m('R', 'linkTokenHash'))).toBe(false);
    expect(mayReceive(who('guideA'), m('W', 'requestTokenHash'))).toBe(false);
    // Issue 17: one city's guide and admin, and the other city's households and staff.
    expect(mayReceive(who('guideY'), m('Y', 'contact'))).toBe(true);
    expect(mayReceive(who('guideY'), m('W', 'alias'))).toBe(false);
    expect(mayReceive(who('guideB'), m('Y', 'alias'))).toBe(true);
    expect(mayReceive(who('adminY'), m('Y', 'alias'))).toBe(false);
    expect(mayReceive(who('adminY', ['Y']), m('Y', 'alias'))).toBe(true);
    expect(mayReceive(who('adminY', ['Y', 'W']), m('W', 'alias'))).toBe(false);
    expect(mayReceive(who('adminY'), staffMarker('hostS'))).toBe(false);
    expect(mayReceive(who('adminY'), staffMarker('admin'))).toBe(false);
    expect(mayReceive(who('adminY'), staffMarker('guideY'))).toBe(true);
    expect(mayReceive(who('anonymous'), staffMarker('guideY'))).toBe(false);
    // Issue 30: a need of a shelter not listed publicly is its staff's, never the public list's.
    const needMarker: Marker = { name: '', value: '', shelter: 'T', field: 'needNote' };
    expect(mayReceive(who('hostT'), needMarker)).toBe(true);
    expect(mayReceive(who('anonymous'), needMarker)).toBe(false);
    expect(mayReceive(who('hostS'), needMarker)).toBe(false);
    // Issue 30, point 5: a guest's word is for its city's guides and admins, never the home's host.
    const wordMarker: Marker = { name: '', value: '', word: 'H', field: 'wordNote' };
    expect(mayReceive(who('guideB'), wordMarker)).toBe(true);
    expect(mayReceive(who('admin'), wordMarker)).toBe(true);
    expect(mayReceive(who('hostT'), wordMarker)).toBe(false);
    expect(mayReceive(who('guideY'), wordMarker)).toBe(false);
    expect(mayReceive(who('adminY'), wordMarker)).toBe(false);
    expect(mayReceive(who('anonymous'), wordMarker)).toBe(false);
  });
});
