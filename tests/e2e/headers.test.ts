import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '@/db';
import { uuidV5 } from '@/lib/exports/uuid';
import { routePatterns } from '../support/app-tree';
import { DEMO_PASSWORD } from '../support/next-server';
import { launchBrowser, newPage, SignInPage } from './support';

// Every route of the app, visited as a signed-out visitor and as a signed-in admin, over HTTP and as
// if behind an HTTPS proxy; each response must carry the security headers. A route added under app/
// without a visit here fails the first test.
const baseURL = inject('baseURL');
const databasePath = inject('databasePath');
// Its own client address, so the link misses below count against no other test's.
const CLIENT = { 'x-forwarded-for': '192.0.2.66' };

type World = { shelterId: string; arrivalId: string; offerId: string };
const UNKNOWN_TOKEN = 'x'.repeat(43);
const EXPORT_REFUSED = '/occupancy/export?from=2099-01-01&to=2099-01-02';
const VISITS: Record<string, (w: World) => string> = {
  '/': () => '/',
  '/account': () => '/account',
  '/api/auth/[...nextauth]': () => '/api/auth/session',
  '/api/health': () => '/api/health',
  '/api/online-requests': () => '/api/online-requests',
  '/arrivals': () => '/arrivals',
  '/arrivals/[id]': (w) => `/arrivals/${w.arrivalId}`,
  '/arrivals/new': () => '/arrivals/new',
  '/audit': () => '/audit',
  '/feedback': () => '/feedback',
  '/invite/[token]': () => `/invite/${UNKNOWN_TOKEN}`,
  '/login': () => '/login',
  '/occupancy': () => '/occupancy',
  '/occupancy/ahead': () => '/occupancy/ahead',
  // Dates in the future: refused (400) before the export is written to the audit trail, which
  // tests/e2e/occupancy.test.ts counts.
  '/occupancy/export': () => EXPORT_REFUSED,
  '/occupancy/history': () => '/occupancy/history',
  '/offer': () => '/offer',
  '/offer/[token]': () => `/offer/${UNKNOWN_TOKEN}`,
  '/offers': () => '/offers',
  '/offers/[id]': (w) => `/offers/${w.offerId}`,
  '/privacy': () => '/privacy',
  '/open/hsds.json': () => '/open/hsds.json',
  '/open': () => '/open',
  '/open/services': () => '/open/services?per_page=5',
  '/open/services/[id]': (w) => `/open/services/${uuidV5(`service:${w.shelterId}`)}`,
  '/public/shelters': () => '/public/shelters',
  '/request': () => '/request',
  '/s/[token]': () => `/s/${UNKNOWN_TOKEN}`,
  '/s/sw.js': () => '/s/sw.js',
  '/settings': () => '/settings',
  '/settings/meeting-points': () => '/settings/meeting-points',
  '/settings/cities': () => '/settings/cities',
  '/notices': () => '/notices',
  '/shelters': () => '/shelters',
  '/shelters/[id]': (w) => `/shelters/${w.shelterId}`,
  '/shelters/[id]/calendar': (w) => `/shelters/${w.shelterId}/calendar`,
  '/shelters/[id]/profile': (w) => `/shelters/${w.shelterId}/profile`,
  '/shelters/[id]/rooms': (w) => `/shelters/${w.shelterId}/rooms`,
  '/staff': () => '/staff',
};
// Besides the routes: Auth.js's other endpoints, a page that does not exist, files as they are served.
const EXTRA = ['/api/auth/csrf', '/api/auth/providers', '/no-such-page', '/robots.txt'];
const CACHED_AS_NEXT_SAYS = /^\/(_next\/static\/|robots\.txt$|s\/sw\.js$)/;

let world: World;
let staticFile: string;
beforeAll(async () => {
  const { sqlite } = openDatabase(databasePath);
  world = {
    shelterId: (sqlite.prepare("select id from shelters where name = 'Fatih Free Shelter'").get() as { id: string }).id,
    arrivalId: (sqlite.prepare('select id from arrivals order by arrived_at limit 1').get() as { id: string }).id,
    offerId: (sqlite.prepare('select id from offers order by created_at limit 1').get() as { id: string }).id,
  };
  sqlite.close();
  const html = await (await fetch(`${baseURL}/login`, { headers: CLIENT })).text();
  staticFile = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)![1];
});

type Proto = 'http' | 'https';

/** Signs in through Auth.js's own endpoints, as a browser would; returns every cookie it set. */
async function signIn(proto: Proto): Promise<{ cookie: string; setCookies: string[] }> {
  const headers = { ...CLIENT, 'x-forwarded-proto': proto };
  const csrf = await fetch(`${baseURL}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      ...headers,
      'content-type': 'application/x-www-form-urlencoded',
      cookie: csrf.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; '),
    },
    body: new URLSearchParams({ csrfToken, email: 'admin@waystation.test', password: DEMO_PASSWORD }),
  });
  const setCookies = [...csrf.headers.getSetCookie(), ...response.headers.getSetCookie()];
  const session = setCookies.find((c) => /^(__Secure-)?authjs\.session-token=/.test(c));
  expect(session, 'signed in').toBeTruthy();
  return { cookie: session!.split(';')[0], setCookies };
}

function checkHeaders(path: string, response: Response, proto: Proto, html: string): string[] {
  const h = (name: string) => response.headers.get(name) ?? '';
  const problems: string[] = [];
  const csp = h('content-security-policy');
  const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
  if (h('x-content-type-options') !== 'nosniff') problems.push('nosniff');
  if (!csp.includes("frame-ancestors 'none'")) problems.push(`frame-ancestors in "${csp}"`);
  if (csp.includes('unsafe-eval') || scriptSrc.includes('unsafe-inline')) problems.push(`unsafe script source in "${csp}"`);
  if (!['no-referrer', 'same-origin'].includes(h('referrer-policy'))) problems.push(`referrer-policy "${h('referrer-policy')}"`);
  if (!CACHED_AS_NEXT_SAYS.test(path) && !h('cache-control').includes('no-store')) problems.push(`cache-control "${h('cache-control')}"`);
  if ((proto === 'https') !== h('strict-transport-security').startsWith('max-age='))
    problems.push(`HSTS "${h('strict-transport-security')}" over ${proto}`);
  // A Next page: each of its scripts carries this response's nonce, and forms need same-origin.
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
  if (nonce && h('content-type').startsWith('text/html')) {
    if (h('referrer-policy') !== 'same-origin') problems.push('a Next page without same-origin referrers');
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    if (scripts.length === 0 || scripts.some((tag) => !tag.includes(`nonce="${nonce}"`))) problems.push('a script without the nonce');
  }
  return problems.map((problem) => `${path}: ${problem}`);
}

async function crawl(proto: Proto, cookie?: string): Promise<{ problems: string[]; statuses: Record<string, number> }> {
  const paths = [...Object.values(VISITS).map((visit) => visit(world)), ...EXTRA, staticFile];
  const problems: string[] = [];
  const statuses: Record<string, number> = {};
  for (const path of paths) {
    const response = await fetch(`${baseURL}${path}`, {
      redirect: 'manual',
      headers: { ...CLIENT, 'x-forwarded-proto': proto, ...(cookie ? { cookie } : {}) },
    });
    statuses[path] = response.status;
    problems.push(...checkHeaders(path, response, proto, await response.text()));
  }
  return { problems, statuses };
}

describe('security headers on every response', () => {
  it('every route under app/ has a visit here', () => {
    expect(routePatterns().sort()).toEqual(Object.keys(VISITS).sort());
  });

  for (const proto of ['http', 'https'] as const) {
    it(`over ${proto}, for a signed-out visitor`, async () => {
      const { problems, statuses } = await crawl(proto);
      expect(problems).toEqual([]);
      // What a signed-out visitor gets: sign-in pages, the public pages, and refusals.
      expect(statuses).toMatchObject({
        '/login': 200,
        '/staff': 307,
        '/shelters': 200,
        '/request': 200,
        '/offer': 200,
        [`/offer/${UNKNOWN_TOKEN}`]: 404,
        '/no-such-page': 404,
        [`/s/${UNKNOWN_TOKEN}`]: 404,
      });
    });

    it(`over ${proto}, for a signed-in admin`, async () => {
      const { cookie } = await signIn(proto);
      const { problems, statuses } = await crawl(proto, cookie);
      expect(problems).toEqual([]);
      expect(statuses).toMatchObject({
        '/staff': 200,
        '/account': 200,
        '/settings': 200,
        [`/shelters/${world.shelterId}/rooms`]: 200,
        '/occupancy/ahead': 200,
        [`/offers/${world.offerId}`]: 200,
        [EXPORT_REFUSED]: 400,
      });
    });
  }

  it('session cookies are HttpOnly and SameSite=Lax, and Secure with __Secure-/__Host- names over HTTPS', async () => {
    const plain = await signIn('http');
    const secure = await signIn('https');
    const flags = (line: string) =>
      line
        .split(';')
        .slice(1)
        .map((part) => part.trim().toLowerCase());
    for (const line of [...plain.setCookies, ...secure.setCookies]) {
      expect(flags(line), line).toEqual(expect.arrayContaining(['httponly', 'samesite=lax']));
    }
    expect(plain.setCookies.every((line) => !flags(line).includes('secure'))).toBe(true);
    expect(secure.setCookies.map((line) => line.split('=')[0]).sort()).toEqual([
      '__Host-authjs.csrf-token',
      '__Host-waystation.device',
      '__Secure-authjs.callback-url',
      '__Secure-authjs.session-token',
    ]);
    expect(secure.setCookies.every((line) => flags(line).includes('secure'))).toBe(true);
    // The device cookie (see lib/auth/device-cookie.ts): __Host- needs Path=/ and no Domain; it lasts 180 days.
    const device = secure.setCookies.find((line) => line.startsWith('__Host-waystation.device='))!;
    expect(flags(device)).toEqual(expect.arrayContaining(['path=/', `max-age=${180 * 24 * 3600}`]));
    expect(flags(device).some((flag) => flag.startsWith('domain='))).toBe(false);
    expect(plain.setCookies.some((line) => line.startsWith('waystation.device='))).toBe(true);
  });
});

describe('in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('no page breaks its own Content-Security-Policy, and pages still work', async () => {
    const { context, page } = await newPage(browser, baseURL);
    await context.setExtraHTTPHeaders(CLIENT);
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
    });
    await new SignInPage(page).signInAndWait('admin@waystation.test');
    for (const [pattern, visit] of Object.entries(VISITS)) {
      if (pattern.startsWith('/api/') || pattern === '/occupancy/export' || pattern === '/s/sw.js') continue;
      await page.goto(visit(world));
    }
    // Client-side navigation still runs under the policy: the header's link to the password screen.
    await page.goto('/staff');
    await page.getByRole('link', { name: 'Password' }).click();
    await page.getByRole('heading', { name: 'Change password' }).waitFor();
    expect(violations).toEqual([]);
    await context.close();
  });
});
