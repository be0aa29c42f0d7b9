import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { recordAudit } from '@/lib/audit';
import { makeArrival, makeCity, makeRoom, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { startServer } from '../support/next-server';
import { openSignedIn } from './signed-in';
import { axeViolations, DESKTOP, launchBrowser, PHONE, screenshot, shotsDir } from './support';

// Issue 17, the admin's side: an admin of Istanbul sees Istanbul's shelters and totals on /occupancy,
// its history and CSV, the audit trail without Yerevan's events, and the staff page without Yerevan's
// staff; an unknown ?city= gets a note. An admin of every city picks a city with links. A server of its
// own over two cities with one shelter each, so the figures can be counted by hand.

const SHOTS = shotsDir('cities-admin');
const ISTANBUL_SHELTER = 'Galata House';
const YEREVAN_SHELTER = 'Ararat Hall';
const YEREVAN_GUIDE = 'yerevan-guide@waystation.test';
const ISTANBUL_GUIDE = 'istanbul-guide@waystation.test';
let server: Awaited<ReturnType<typeof startServer>>;
let dir: string;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'waystation-cities-admin-'));
  const databasePath = join(dir, 'cities.db');
  const { db, sqlite } = openDatabase(databasePath);
  migrateDatabase(db);
  const now = new Date();
  const istanbul = makeCity(db, 'Istanbul', { slug: 'istanbul', timeZone: 'Europe/Istanbul' });
  const yerevan = makeCity(db, 'Yerevan', { slug: 'yerevan', timeZone: 'Asia/Yerevan' });
  const galata = makeShelter(db, { name: ISTANBUL_SHELTER, cityId: istanbul.id, status: 'open', lastConfirmedAt: now });
  const ararat = makeShelter(db, {
    name: YEREVAN_SHELTER,
    cityId: yerevan.id,
    status: 'open',
    timeZone: 'Asia/Yerevan',
    lastConfirmedAt: now,
  });
  // Istanbul: 3 beds, one taken. Yerevan: 5 beds, two taken.
  const galataBeds = makeRoom(db, galata.id, 'mixed', 3).beds;
  const araratBeds = makeRoom(db, ararat.id, 'mixed', 5).beds;
  makeStay(db, {
    arrivalId: makeArrival(db, { cityId: istanbul.id }).id,
    shelterId: galata.id,
    bedIds: [galataBeds[0].id],
    status: 'checked_in',
  });
  for (const bed of araratBeds.slice(0, 2))
    makeStay(db, { arrivalId: makeArrival(db, { cityId: yerevan.id }).id, shelterId: ararat.id, bedIds: [bed.id], status: 'checked_in' });
  const boss = makeUser(db, 'admin', { email: 'every-city-admin@waystation.test' });
  makeUser(db, 'admin', { email: 'istanbul-admin@waystation.test', cityIds: [istanbul.id] });
  makeUser(db, 'guide', { email: ISTANBUL_GUIDE, cityIds: [istanbul.id] });
  makeUser(db, 'guide', { email: YEREVAN_GUIDE, cityIds: [yerevan.id] });
  recordAudit(db, { at: now, actorId: boss.id, action: 'room.update', entity: 'room', shelterId: galata.id });
  recordAudit(db, { at: now, actorId: boss.id, action: 'bed.out_of_service', entity: 'bed', shelterId: ararat.id });
  sqlite.close();
  server = await startServer(databasePath);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** At 320 px: nothing wider than the phone, no axe-core violations; screenshots at 320 and 1280 px. */
async function fitsAPhone(page: Page, name: string) {
  await page.setViewportSize(PHONE);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, SHOTS, `${name}-320.png`, { fullPage: true });
  await page.setViewportSize(DESKTOP);
  await screenshot(page, SHOTS, `${name}-1280.png`, { fullPage: true });
}

async function signedIn(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: server.baseURL, viewport: DESKTOP, locale: 'en-GB', bypassCSP: true });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await openSignedIn(page, email, { server });
  return { context, page };
}

/** What the server sends for a path, as HTML and as flight data: neither may name the other city's things. */
async function bodies(context: BrowserContext, path: string): Promise<string> {
  const html = await (await context.request.get(path)).text();
  const rsc = await (await context.request.get(path, { headers: { RSC: '1' } })).text();
  return html + rsc;
}

/** A figure of the beds section, by its term: "Occupied" → "1". */
const figure = (page: Page, term: string) =>
  page
    .locator('section[aria-labelledby="beds-heading"] .figure')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${term}$`) }) })
    .locator('dd');

describe('an admin of Istanbul', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await signedIn('istanbul-admin@waystation.test'));
  });
  afterAll(() => context?.close());

  it('sees only Istanbul on /occupancy, with totals over Istanbul', async () => {
    await page.goto('/occupancy');
    await expect.poll(() => page.getByRole('link', { name: ISTANBUL_SHELTER }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Beds in Istanbul' }).count()).toBe(1);
    expect(await figure(page, 'Beds in service').textContent()).toBe('3');
    expect(await figure(page, 'Occupied').textContent()).toBe('1');
    for (const path of ['/occupancy', '/occupancy?city=yerevan', '/occupancy?sort=free&dir=desc']) {
      const body = await bodies(context, path);
      expect(body).toContain(ISTANBUL_SHELTER);
      expect(body).not.toContain(YEREVAN_SHELTER);
    }
    await fitsAPhone(page, 'occupancy-istanbul-admin');
  });

  it('gets a note, and still only Istanbul, for an unknown city or one not theirs', async () => {
    for (const city of ['atlantis', 'yerevan']) {
      await page.goto(`/occupancy?city=${city}`);
      await expect.poll(() => page.getByRole('alert').filter({ hasText: 'There is no such city among yours' }).count()).toBe(1);
      expect(await page.getByRole('link', { name: YEREVAN_SHELTER }).count()).toBe(0);
    }
    await fitsAPhone(page, 'occupancy-unknown-city');
  });

  it('reads the history and the CSV of Istanbul only', async () => {
    await page.goto('/occupancy/history');
    const options = await page.getByLabel('Shelter', { exact: true }).locator('option').allTextContents();
    expect(options).toEqual(['Istanbul', ISTANBUL_SHELTER]);
    // Istanbul's households turned away, counted city by city since the demo's first day.
    expect(await page.getByRole('heading', { name: 'Turned away' }).count()).toBe(1);
    expect(await page.getByText(/counted city by city from/).count()).toBe(0);
    const history = await bodies(context, '/occupancy/history?shelter=network');
    expect(history).not.toContain(YEREVAN_SHELTER);
    await fitsAPhone(page, 'history-istanbul-admin');

    const csv = await context.request.get('/occupancy/export?range=7');
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text).toContain(ISTANBUL_SHELTER);
    expect(text).not.toContain(YEREVAN_SHELTER);
    expect(text).not.toMatch(/,network\r\n/);
    expect(text).toMatch(/,Istanbul,.*,city\r\n/);
    expect(text).not.toContain('Yerevan');
    // Another city's shelter, or another city, is refused plainly.
    expect((await context.request.get('/occupancy/export?city=yerevan')).status()).toBe(400);
  });

  it('reads an audit trail without Yerevan’s events, and a staff page without Yerevan’s staff', async () => {
    await page.goto('/audit');
    const trail = await bodies(context, '/audit');
    expect(trail).toContain('changed a room at');
    expect(trail).not.toContain('took a bed out of service');
    expect(trail).not.toContain(YEREVAN_SHELTER);
    await fitsAPhone(page, 'audit-istanbul-admin');

    await page.goto('/staff');
    const staff = await bodies(context, '/staff');
    expect(staff).toContain(ISTANBUL_GUIDE);
    expect(staff).not.toContain(YEREVAN_GUIDE);
    expect(staff).not.toContain('every-city-admin@waystation.test');
    expect(staff).not.toContain(YEREVAN_SHELTER);
    await expect
      .poll(() =>
        page
          .getByRole('group', { name: /tick at least one of your cities/ })
          .first()
          .isVisible(),
      )
      .toBe(true);
    await fitsAPhone(page, 'staff-istanbul-admin');
  });
});

describe('an admin of every city', () => {
  it('picks a city with links and sees that city alone; the network by default', async () => {
    const { context, page } = await signedIn('every-city-admin@waystation.test');
    try {
      await page.goto('/occupancy');
      expect(await page.getByRole('link', { name: YEREVAN_SHELTER }).count()).toBe(1);
      expect(await figure(page, 'Occupied').textContent()).toBe('3');
      await page.getByRole('navigation', { name: 'Cities' }).getByRole('link', { name: 'Yerevan' }).click();
      await page.waitForURL(/city=yerevan/);
      expect(await page.getByRole('link', { name: YEREVAN_SHELTER }).count()).toBe(1);
      expect(await page.getByRole('link', { name: ISTANBUL_SHELTER }).count()).toBe(0);
      expect(await figure(page, 'Occupied').textContent()).toBe('2');
      await fitsAPhone(page, 'occupancy-yerevan-picked');
      await page.goto('/staff');
      await expect
        .poll(() =>
          page
            .getByRole('group', { name: /none ticked: every city/ })
            .first()
            .isVisible(),
        )
        .toBe(true);
    } finally {
      await context.close();
    }
  });
});
