import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { cities } from '@/db/schema';
import { defaultCityOf, makeArrival, makeCity, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { startServer } from '../support/next-server';
import { openSignedIn } from './signed-in';
import { axeViolations, DESKTOP, launchBrowser, newPage, PHONE, screenshot, shotsDir } from './support';

const SHOTS = shotsDir('cities-guide');
let dir: string;
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let databasePath: string;
const ids: Record<string, string> = {};

function withDb<T>(run: (db: ReturnType<typeof openDatabase>['db'], sqlite: ReturnType<typeof openDatabase>['sqlite']) => T): T {
  const { db, sqlite } = openDatabase(databasePath);
  try {
    return run(db, sqlite);
  } finally {
    sqlite.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'waystation-cities-guide-'));
  databasePath = join(dir, 'cities.db');
  const now = new Date();
  withDb((db) => {
    migrateDatabase(db);
    const istanbul = defaultCityOf(db);
    const yerevan = makeCity(db, 'Yerevan', { slug: 'yerevan', timeZone: 'Asia/Yerevan' }).id;
    const door = { status: 'open' as const, lastConfirmedAt: now, checkInFrom: '00:00', checkInUntil: '23:59' };
    const kentron = makeShelter(db, { ...door, name: 'Kentron House', district: 'Kentron', cityId: yerevan, timeZone: 'Asia/Yerevan' });
    makeRoom(db, kentron.id, 'mixed', 4);
    const fatih = makeShelter(db, { ...door, name: 'Fatih Hostel', district: 'Fatih', cityId: istanbul });
    ids.istanbulSlug = db
      .select()
      .from(cities)
      .all()
      .find((city) => city.id === istanbul)!.slug;
    ids.istanbulBed = makeRoom(db, fatih.id, 'mixed', 4).beds[0].id;
    makeUser(db, 'guide', { email: 'yerevan-guide@waystation.test', cityIds: [yerevan] });
    const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
    ids.anna = makeArrival(db, { alias: 'Anna', cityId: yerevan, arrivedAt: minutesAgo(60) }).id;
    ids.vera = makeArrival(db, { alias: 'Vera', cityId: yerevan, arrivedAt: minutesAgo(50) }).id;
    ids.gleb = makeArrival(db, {
      alias: 'Gleb',
      adultMen: 1,
      adultWomen: 0,
      cityId: yerevan,
      destinationCityId: istanbul,
      arrivedAt: minutesAgo(40),
    }).id;
    ids.ilya = makeArrival(db, { alias: 'Ilya', cityId: istanbul, arrivedAt: minutesAgo(30) }).id;
  });
  server = await startServer(databasePath);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function signedIn(at: string, viewport = DESKTOP) {
  const session = await newPage(browser, server.baseURL, viewport);
  await openSignedIn(session.page, 'yerevan-guide@waystation.test', { server, at });
  return session;
}

const waitingList = (page: Page) => page.getByRole('region', { name: /Waiting/ }).locator('.queue > li');
const names = async (page: Page) =>
  (await waitingList(page).evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')))) as string[];
const audit = (action: string) =>
  withDb((_db, sqlite) => sqlite.prepare('select count(*) as n from audit_events where action = ?').get(action) as { n: number }).n;

describe('a guide scoped to Yerevan', () => {
  it('sees Yerevan’s queue only, places a household in a Yerevan shelter, and cannot open an Istanbul household', async () => {
    const { context, page } = await signedIn('/arrivals', PHONE);
    expect(await names(page)).toEqual(['Anna', 'Vera', 'Gleb']);
    expect(await page.getByText('Ilya').count()).toBe(0);
    // Istanbul in the address is not theirs: ignored, and said so; nothing of Istanbul is shown.
    await page.goto(`/arrivals?city=${ids.istanbulSlug}`);
    await page.getByText('That city is not one of yours or does not exist').waitFor();
    expect(await names(page)).toEqual(['Anna', 'Vera', 'Gleb']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, SHOTS, 'queue-yerevan-320.png', { fullPage: true });

    await page.goto(`/arrivals/${ids.anna}`);
    const suggestions = page.getByRole('region', { name: 'Where they can sleep' });
    expect(await suggestions.locator('.suggestion').evaluateAll((cards) => cards.map((card) => card.getAttribute('aria-label')))).toEqual([
      'Kentron House',
    ]);
    expect(await page.getByText('Fatih Hostel').count()).toBe(0);
    await suggestions.getByRole('listitem', { name: 'Kentron House' }).getByRole('button', { name: 'Reserve these beds' }).click();
    await page.getByRole('heading', { name: 'Link for Anna' }).waitFor();
    await page.getByRole('heading', { name: 'Reserved at Kentron House' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const response = await page.goto(`/arrivals/${ids.ilya}`);
    expect(response?.status()).toBe(404);
    expect(await page.getByText('Ilya').count()).toBe(0);
    await context.close();
  }, 90_000);

  it('is refused a bed in Istanbul for a household that is not moving there, and nothing is written', async () => {
    const { context, page } = await signedIn(`/arrivals/${ids.vera}`);
    // The form must be React's before the hand-made post: on a loaded machine a click before the page's
    // scripts have run sends the form the browser's way, and its answer is not shown in the card.
    await page.waitForLoadState('networkidle');
    // No way to Istanbul on the page: the guide has no other city, and Vera is not going there.
    expect(await page.getByRole('link', { name: 'Show shelters in other cities' }).count()).toBe(0);
    const card = page.getByRole('listitem', { name: 'Kentron House' });
    await card.locator('form').evaluate(
      (form) =>
        new Promise<void>((resolve) => {
          const hydrated = () => Object.keys(form).some((key) => key.startsWith('__reactFiber'));
          const check = () => (hydrated() ? resolve() : setTimeout(check, 50));
          check();
        }),
    );
    const stays = () => withDb((_db, sqlite) => (sqlite.prepare('select count(*) as n from stays').get() as { n: number }).n);
    const before = stays();
    // A hand-made post: the card's bed swapped for a bed in Istanbul, marked as chosen on purpose.
    await card.evaluate((element, bedId) => {
      const form = element.querySelector('form')!;
      for (const box of form.querySelectorAll<HTMLInputElement>('input[name="bedIds[]"]')) box.checked = false;
      const first = form.querySelector<HTMLInputElement>('input[name="bedIds[]"]')!;
      first.value = bedId;
      first.checked = true;
      const elsewhere = document.createElement('input');
      Object.assign(elsewhere, { type: 'hidden', name: 'elsewhere', value: '1' });
      form.append(elsewhere);
    }, ids.istanbulBed);
    await card.getByRole('button', { name: 'Reserve these beds' }).click();
    await card.getByText('That shelter is in a city you do not work in, and the household is not going there.').waitFor();
    expect(stays()).toBe(before);
    expect(audit('stay.reserve_elsewhere')).toBe(0);
    await context.close();
  }, 60_000);

  it('places a household moving to Istanbul in an Istanbul shelter, on purpose, and the audit trail has it', async () => {
    const { context, page } = await signedIn(`/arrivals/${ids.gleb}`, PHONE);
    const there = page.getByRole('region', { name: 'In Istanbul, where they are going' });
    await there.getByText('Placing them in another city is recorded in the audit trail.').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, SHOTS, 'destination-320.png', { fullPage: true });
    await there.getByRole('listitem', { name: 'Fatih Hostel' }).getByRole('button', { name: 'Reserve these beds' }).click();
    await page.getByRole('heading', { name: 'Reserved at Fatih Hostel' }).waitFor();
    expect(audit('stay.reserve_elsewhere')).toBe(1);
    // Gleb stays in Yerevan's list of reservations, where his guide finds him.
    await page.goto('/arrivals?view=placed');
    await page
      .getByRole('region', { name: /Reserved, not yet arrived/ })
      .getByRole('listitem', { name: 'Gleb' })
      .waitFor();
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, SHOTS, 'placed-yerevan-1280.png', { fullPage: true });
    await context.close();
  }, 60_000);
});
