import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { beds, meetingPoints, rooms, stays, users } from '@/db/schema';
import { hashLinkToken, newLinkToken } from '@/lib/placement/links';
import { makeArrival, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { startServer } from '../support/next-server';
import { openSignedIn } from './signed-in';
import { axeViolations, launchBrowser, PHONE, screenshot, shotsDir } from './support';

// Issue 27 point 8 in Chromium at 320 px: an admin names a room "Blue room" with the Russian
// "Синяя комната" and the airport "Istanbul Airport" with "Аэропорт Стамбула"; a Russian guide's
// household page names the bed's room in Russian, and the guest's page in Russian names the airport in
// Russian. A server of its own, so the network holds only this shelter.
const SHOTS = shotsDir('translated-names');
let server: Awaited<ReturnType<typeof startServer>>;
let dir: string;
let databasePath: string;
let browser: Browser;
let shelterId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'waystation-names-'));
  databasePath = join(dir, 'names.db');
  const { db, sqlite } = openDatabase(databasePath);
  migrateDatabase(db);
  shelterId = makeShelter(db, {
    name: 'Fatih Free Shelter',
    status: 'open',
    address: 'Kırmızı Sokak 5',
    latitude: 41.0186,
    longitude: 28.9497,
    lastConfirmedAt: new Date(),
  }).id;
  makeUser(db, 'admin', { email: 'names-admin@waystation.test' });
  for (const locale of ['ru', 'tr'] as const) {
    const admin = makeUser(db, 'admin', { email: `names-admin-${locale}@waystation.test` });
    db.update(users).set({ locale }).where(eq(users.id, admin.id)).run();
  }
  const guide = makeUser(db, 'guide', { email: 'names-guide-ru@waystation.test' });
  db.update(users).set({ locale: 'ru' }).where(eq(users.id, guide.id)).run();
  sqlite.close();
  server = await startServer(databasePath);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function phone(email: string, at?: string) {
  const context = await browser.newContext({ baseURL: server.baseURL, viewport: PHONE, locale: 'en-GB', bypassCSP: true });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await openSignedIn(page, email, { server, at });
  return { context, page };
}

/** Nothing wider than the phone, and no axe-core violations. */
async function fitsAPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  expect(await axeViolations(page)).toEqual([]);
}

/** A household at the point, holding the room's first bed for the guide; its link, for the guest's page. */
function placedAt(pointName: string, roomName: string, guideEmail: string): { arrivalId: string; token: string } {
  const { db, sqlite } = openDatabase(databasePath);
  const point = db.select().from(meetingPoints).where(eq(meetingPoints.name, pointName)).get()!;
  const bed = db
    .select({ id: beds.id })
    .from(beds)
    .innerJoin(rooms, eq(rooms.id, beds.roomId))
    .where(eq(rooms.name, roomName))
    .orderBy(beds.label)
    .get()!;
  const guide = db.select().from(users).where(eq(users.email, guideEmail)).get()!;
  const arrival = makeArrival(db, { alias: 'Marat', meetingPointId: point.id });
  const stay = makeStay(db, { arrivalId: arrival.id, shelterId, bedIds: [bed.id] });
  const token = newLinkToken();
  db.update(stays)
    .set({ reservedBy: guide.id, linkTokenHash: hashLinkToken(token) })
    .where(eq(stays.id, stay.id))
    .run();
  sqlite.close();
  return { arrivalId: arrival.id, token };
}

describe('room and meeting-point names in the reader’s language', () => {
  it('an admin names a room and an airport once, with Russian names, on a 320 px phone', async () => {
    const { context, page } = await phone('names-admin@waystation.test', `/shelters/${shelterId}/rooms`);
    const add = page.getByRole('region', { name: 'Add a room' });
    await add.getByLabel('Room name').fill('Blue room');
    // Folded away until asked for, and working without JavaScript: a <details>.
    expect(await add.getByLabel('In Russian').isVisible()).toBe(false);
    await add.getByText('Translations (optional)').click();
    await add.getByLabel('In Russian').fill('Синяя\u0009комната');
    await add.locator('#new-room-kind').selectOption({ label: 'Mixed dorm' });
    await add.locator('#new-room-beds').fill('2');
    await add.getByRole('button', { name: 'Add room' }).click();
    // A tab typed into the name is refused next to its field, the part kept open.
    await add.getByText('Use one line of visible characters').waitFor();
    expect(await add.getByLabel('In Russian').getAttribute('aria-invalid')).toBe('true');
    await add.getByLabel('In Russian').fill('Синяя комната');
    await add.getByRole('button', { name: 'Add room' }).click();
    await page.getByText('Room added.').waitFor();
    await page.getByRole('heading', { name: 'Blue room', level: 2 }).waitFor();

    await page.goto('/settings/meeting-points');
    const point = page.getByRole('region', { name: 'Add a meeting point' });
    await point.getByLabel('Name', { exact: true }).fill('Istanbul Airport');
    await point.getByText('Translations (optional)').click();
    await point.getByLabel('In Russian').fill('Аэропорт Стамбула');
    await point.getByLabel('In Turkish').fill('İstanbul Havalimanı');
    await point.getByLabel('Latitude').fill('41.2753');
    await point.getByLabel('Longitude').fill('28.7519');
    await point.getByRole('button', { name: 'Add meeting point' }).click();
    const saved = page.getByRole('listitem', { name: 'Istanbul Airport' });
    await saved.waitFor();
    // Its translations come back in its own form, unfolded, to be edited.
    expect(await saved.getByLabel('In Russian').inputValue()).toBe('Аэропорт Стамбула');
    await fitsAPhone(page);
    await context.close();
  });

  it('a Russian guide reads the room’s Russian name, and the guest’s page in Russian the airport’s', async () => {
    const { arrivalId, token } = placedAt('Istanbul Airport', 'Blue room', 'names-guide-ru@waystation.test');
    const { context, page } = await phone('names-guide-ru@waystation.test', `/arrivals/${arrivalId}`);
    await page.getByText('Синяя комната 1').first().waitFor();
    expect(await page.getByText('Blue room').count()).toBe(0);
    await fitsAPhone(page);
    await screenshot(page, SHOTS, 'household-ru-320.png', { fullPage: true });

    await page.goto(`/s/${token}?lang=ru`);
    await page.getByText('От пункта «Аэропорт Стамбула»: около 33 км по прямой.').waitFor();
    await screenshot(page, SHOTS, 'guest-ru-320.png', { fullPage: true });
    await page.goto(`/s/${token}?lang=tr`);
    await page.getByText('İstanbul Havalimanı ile arası kuş uçuşu yaklaşık 33 km.').waitFor();
    await screenshot(page, SHOTS, 'guest-tr-320.png', { fullPage: true });
    // Ukrainian has no name of its own: the point's own.
    await page.goto(`/s/${token}?lang=uk`);
    await page.getByText('Від пункту «Istanbul Airport»').waitFor();
    await context.close();
  });

  for (const locale of ['ru', 'tr'] as const) {
    it(`the forms read in ${locale} at 320 px`, async () => {
      const { context, page } = await phone(`names-admin-${locale}@waystation.test`, `/shelters/${shelterId}/rooms`);
      await page.locator('form:has(#new-room-name) summary').click();
      await fitsAPhone(page);
      await screenshot(page, SHOTS, `rooms-${locale}-320.png`, { fullPage: true });
      await page.goto('/settings/meeting-points');
      await fitsAPhone(page);
      await screenshot(page, SHOTS, `meeting-points-${locale}-320.png`, { fullPage: true });
      await page.goto(`/shelters/${shelterId}`);
      await page
        .getByText(locale === 'ru' ? 'Синяя комната' : 'Blue room')
        .first()
        .waitFor();
      await screenshot(page, SHOTS, `board-${locale}-320.png`, { fullPage: true });
      await context.close();
    });
  }
});
