import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { meetingPoints, rooms, users } from '@/db/schema';
import { makeArrival, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { startServer } from '../support/next-server';
import { openSignedIn } from './signed-in';
import { axeViolations, DESKTOP, launchBrowser, PHONE, screenshot, shotsDir } from './support';

// Issue 16 point 5 in Chromium: Elmar, one man, waits at Istanbul Airport. Fatih has free men's beds
// 33 km away; Kadıköy, across the Bosphorus, more free beds 39 km away. An admin adds the airport as a
// meeting point; the guide says Elmar is there and sees Fatih first, "33 km from Istanbul Airport", and
// Kadıköy below it saying what differs ("6.1 km farther", a mixed dorm, not a men's dorm). At Sabiha
// Gökçen the order turns. A server of its own over a network of two shelters, so the figures are known.
const SHOTS = shotsDir('suggest');
let server: Awaited<ReturnType<typeof startServer>>;
let dir: string;
let browser: Browser;
let elmarId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'waystation-points-'));
  const databasePath = join(dir, 'points.db');
  const { db, sqlite } = openDatabase(databasePath);
  migrateDatabase(db);
  const now = new Date();
  const fatih = makeShelter(db, {
    name: 'Fatih Free Shelter',
    district: 'Fatih',
    status: 'open',
    latitude: 41.0186,
    longitude: 28.9497,
    languages: ['ru', 'tr'],
    lastConfirmedAt: now,
  });
  const kadikoy = makeShelter(db, {
    name: 'Kadıköy Church Hall',
    district: 'Kadıköy',
    status: 'open',
    latitude: 40.9903,
    longitude: 29.0244,
    languages: ['ru', 'en'],
    lastConfirmedAt: now,
  });
  db.update(rooms)
    .set({ name: "Men's dorm" })
    .where(eq(rooms.id, makeRoom(db, fatih.id, 'men', 8).room.id))
    .run();
  db.update(rooms)
    .set({ name: 'Hall' })
    .where(eq(rooms.id, makeRoom(db, kadikoy.id, 'mixed', 10).room.id))
    .run();
  makeUser(db, 'admin', { email: 'points-admin@waystation.test' });
  makeUser(db, 'guide', { email: 'points-guide@waystation.test' });
  const russian = makeUser(db, 'guide', { email: 'points-guide-ru@waystation.test' });
  db.update(users).set({ locale: 'ru' }).where(eq(users.id, russian.id)).run();
  db.insert(meetingPoints).values({ name: 'Sabiha Gökçen Airport', latitude: 40.8986, longitude: 29.3092 }).run();
  elmarId = makeArrival(db, { alias: 'Elmar', adultMen: 1, adultWomen: 0, languages: ['ru'] }).id;
  sqlite.close();
  server = await startServer(databasePath);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** At 320 px: nothing wider than the phone, and no axe-core violations. */
async function fitsAPhone(page: Page) {
  await page.setViewportSize(PHONE);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  expect(await axeViolations(page)).toEqual([]);
}

/** Signed in through the login form. CSP bypassed: axe-core is added to the page as a script. */
async function signedIn(email: string, { viewport = DESKTOP, at }: { viewport?: typeof DESKTOP; at?: string } = {}) {
  const context = await browser.newContext({ baseURL: server.baseURL, viewport, locale: 'en-GB', bypassCSP: true });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await openSignedIn(page, email, { server, at });
  return { context, page };
}

const cards = (page: Page) => page.locator('.suggestion-list > li.suggestion');
const cardNames = async (page: Page) =>
  (await cards(page).evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')))) as string[];
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('suggestions measured from where the household is now', () => {
  it('an admin adds Istanbul Airport; the form refuses a bad latitude and a name already taken, next to the field', async () => {
    const { context, page } = await signedIn('points-admin@waystation.test', { at: '/settings' });
    await page.getByRole('link', { name: /Meeting points/ }).click();
    await page.getByRole('heading', { name: 'Meeting points', level: 1 }).waitFor();
    const add = page.getByRole('region', { name: 'Add a meeting point' });
    await add.getByLabel('Name').fill('Sabiha Gökçen airport');
    await add.getByLabel('Latitude').fill('141.2753');
    await add.getByLabel('Longitude').fill('28.7519');
    await add.getByRole('button', { name: 'Add meeting point' }).click();
    await add.getByText('Enter a latitude from -90 to 90').waitFor();
    expect(await add.getByLabel('Latitude').getAttribute('aria-invalid')).toBe('true');
    await add.getByLabel('Latitude').fill('41,2753');
    await add.getByRole('button', { name: 'Add meeting point' }).click();
    await add.getByText('There is already a meeting point with this name.').waitFor();
    await add.getByLabel('Name').fill('Istanbul Airport');
    await add.getByRole('button', { name: 'Add meeting point' }).click();
    await page.getByRole('listitem', { name: 'Istanbul Airport' }).waitFor();
    expect(await page.getByRole('listitem', { name: 'Istanbul Airport' }).getByLabel('Latitude').inputValue()).toBe('41.2753');
    await fitsAPhone(page);
    await screenshot(page, SHOTS, 'meeting-points-admin-320.png', { fullPage: true });
    await context.close();
  });

  it('Elmar at Istanbul Airport sees Fatih first, how far each is, and what sets Kadıköy apart; at Sabiha Gökçen the order turns', async () => {
    const { context, page } = await signedIn('points-guide@waystation.test', { at: `/arrivals/${elmarId}` });
    // Nowhere said yet: no distances, and Kadıköy's emptier hall comes first.
    expect(await cardNames(page)).toEqual(['Kadıköy Church Hall', 'Fatih Free Shelter']);
    expect(await page.getByText(/ km from /).count()).toBe(0);

    await page.getByLabel('Where they are now').selectOption({ label: 'Istanbul Airport' });
    await page.getByRole('button', { name: 'Save where they are' }).click();
    await page.getByText('Saved: suggestions now measure from there.').waitFor();
    await page.getByText('33 km from Istanbul Airport').waitFor();
    expect(await cardNames(page)).toEqual(['Fatih Free Shelter', 'Kadıköy Church Hall']);
    const second = cards(page).nth(1);
    expect(plain(await second.locator('ul.reasons').first().textContent())).toBe('39 km from Istanbul Airport');
    expect(plain(await second.locator('.differ-title').textContent())).toBe('Unlike Fatih Free Shelter above:');
    expect(await second.locator('ul.differences li').allTextContents()).toEqual(['6.1 km farther', "Mixed dorm, not Men's dorm"]);
    await fitsAPhone(page);
    await screenshot(page, SHOTS, 'household-en-320.png', { fullPage: true });
    await page.setViewportSize(DESKTOP);
    await screenshot(page.locator('.suggestions'), SHOTS, 'cards-en-1280.png');

    await page.getByLabel('Where they are now').selectOption({ label: 'Sabiha Gökçen Airport' });
    await page.getByRole('button', { name: 'Save where they are' }).click();
    await page.getByText('26 km from Sabiha Gökçen Airport').waitFor();
    expect(await cardNames(page)).toEqual(['Kadıköy Church Hall', 'Fatih Free Shelter']);
    expect(await cards(page).nth(1).locator('ul.differences li').allTextContents()).toContain('7 km farther');
    await context.close();
  });

  it('in Russian on a phone, the cards say the distance and the differences in Russian', async () => {
    const { context, page } = await signedIn('points-guide-ru@waystation.test', { viewport: PHONE, at: `/arrivals/${elmarId}` });
    await page.getByText('26 км от Sabiha Gökçen Airport').waitFor();
    expect(await cards(page).nth(1).locator('ul.differences li').first().textContent()).toBe('На 7 км дальше');
    await fitsAPhone(page);
    await screenshot(page.locator('.suggestions'), SHOTS, 'cards-ru-320.png');
    await context.close();
  });

  it('deleting the point, after a confirmation, leaves Elmar waiting with no meeting point', async () => {
    const { context, page } = await signedIn('points-admin@waystation.test', { at: '/settings/meeting-points' });
    const item = page.getByRole('listitem', { name: 'Sabiha Gökçen Airport' });
    await item.getByRole('button', { name: 'Delete' }).click();
    await item.getByText('Delete Sabiha Gökçen Airport? Households there will have no meeting point.').waitFor();
    await item.getByRole('button', { name: 'Yes' }).click();
    await page.getByRole('listitem', { name: 'Sabiha Gökçen Airport' }).waitFor({ state: 'detached' });
    await context.close();

    const guide = await signedIn('points-guide@waystation.test', { at: `/arrivals/${elmarId}` });
    expect(await guide.page.getByLabel('Where they are now').inputValue()).toBe('');
    expect(await guide.page.getByText(/ km from /).count()).toBe(0);
    await guide.context.close();
  });
});
