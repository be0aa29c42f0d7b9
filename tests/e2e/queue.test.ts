import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLL_MS } from '@/components/online-requests';
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { arrivals, rooms } from '@/db/schema';
import { makeArrival, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { startServer } from '../support/next-server';
import { openSignedIn } from './signed-in';
import { axeViolations, DESKTOP, launchBrowser, newPage, PHONE, screenshot, shotsDir } from './support';

// The guide's queue in a surge, on a network of its own: find people by alias and kind, tick six
// single men and place them in one shelter in one go, see who got which bed, and watch a request
// made online appear in the header and the list without a reload.
const SHOTS = shotsDir('queue');
const MEN = ['Anton', 'Boris', 'Cem', 'Deniz', 'Emre', 'Farid', 'Gleb'];
let dir: string;
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let databasePath: string;

function withDb<T>(run: (db: ReturnType<typeof openDatabase>['db']) => T): T {
  const { db, sqlite } = openDatabase(databasePath);
  try {
    return run(db);
  } finally {
    sqlite.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'waystation-queue-'));
  databasePath = join(dir, 'queue.db');
  const now = new Date();
  withDb((db) => {
    migrateDatabase(db);
    // One shelter with six men's beds, its door open all evening, so that tonight is still bookable.
    const hostel = makeShelter(db, {
      name: 'Fatih Hostel',
      district: 'Fatih',
      status: 'open',
      lastConfirmedAt: now,
      checkInFrom: '00:00',
      checkInUntil: '23:59',
    });
    db.update(rooms)
      .set({ name: "Men's dorm" })
      .where(eq(rooms.id, makeRoom(db, hostel.id, 'men', 6).room.id))
      .run();
    const other = makeShelter(db, {
      name: 'Kadıköy Hall',
      district: 'Kadıköy',
      status: 'open',
      lastConfirmedAt: now,
      checkInFrom: '00:00',
      checkInUntil: '23:59',
    });
    db.update(rooms)
      .set({ name: 'Family room' })
      .where(eq(rooms.id, makeRoom(db, other.id, 'family', 4).room.id))
      .run();
    makeUser(db, 'guide', { email: 'queue-guide@waystation.test' });
    makeUser(db, 'admin', { email: 'queue-admin@waystation.test' });
    const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
    MEN.forEach((alias, i) => makeArrival(db, { alias, adultMen: 1, adultWomen: 0, arrivedAt: minutesAgo(60 - i) }));
    makeArrival(db, { alias: 'Olga', adultMen: 0, adultWomen: 1, arrivedAt: minutesAgo(50) });
    makeArrival(db, { alias: 'Sokolov family', adultMen: 1, adultWomen: 1, children: 2, arrivedAt: minutesAgo(45) });
    makeArrival(db, { alias: 'Ömer', adultMen: 1, adultWomen: 0, needsWheelchair: true, arrivedAt: minutesAgo(40) });
  });
  server = await startServer(databasePath);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function signedIn(email: string, { viewport = DESKTOP, at }: { viewport?: typeof DESKTOP; at?: string } = {}) {
  const session = await newPage(browser, server.baseURL, viewport);
  await openSignedIn(session.page, email, { server, at });
  return session;
}

const waitingList = (page: Page) => page.getByRole('region', { name: /Waiting|Ждут места/ }).locator('.queue > li');
const names = async (page: Page) =>
  (await waitingList(page).evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')))) as string[];

describe('the queue in a surge', () => {
  it('a guide finds households by alias and by kind, without JavaScript’s help: plain links and a GET form', async () => {
    const { context, page } = await signedIn('queue-guide@waystation.test', { at: '/arrivals' });
    expect(await names(page)).toEqual([...MEN, 'Olga', 'Sokolov family', 'Ömer']);
    await page.getByRole('navigation', { name: 'Show only' }).getByRole('link', { name: 'Families' }).click();
    await page.waitForURL('**/arrivals?kind=families');
    expect(await names(page)).toEqual(['Sokolov family']);
    await page.getByRole('navigation', { name: 'Show only' }).getByRole('link', { name: 'Wheelchair' }).click();
    await page.waitForURL('**/arrivals?kind=wheelchair');
    expect(await names(page)).toEqual(['Ömer']);
    await page.getByRole('navigation', { name: 'Show only' }).getByRole('link', { name: 'Men', exact: true }).click();
    await page.waitForURL('**/arrivals?kind=men');
    expect(await names(page)).toEqual([...MEN, 'Ömer']);
    // Search keeps the kind; "omer" finds "Ömer".
    await page.getByLabel('Search by alias').fill('omer');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL('**/arrivals?kind=men&q=omer');
    expect(await names(page)).toEqual(['Ömer']);
    await context.close();
  });

  it('an admin gets no search box, and a name in the address changes nothing: no probing for names', async () => {
    const { context, page } = await signedIn('queue-admin@waystation.test', { at: '/arrivals?q=Anton' });
    expect(await page.getByLabel('Search by alias').count()).toBe(0);
    expect(await waitingList(page).count()).toBe(MEN.length + 3);
    expect(await page.getByText('Anton').count()).toBe(0);
    await context.close();
  });

  it('a guide ticks seven single men, places them in one shelter at once, sees each one’s bed or why not; the queue then shows six placed', async () => {
    const { context, page } = await signedIn('queue-guide@waystation.test', { at: '/arrivals?kind=men' });
    for (const alias of MEN)
      await waitingList(page)
        .filter({ has: page.getByRole('link', { name: alias, exact: true }) })
        .getByLabel('Tick')
        .check();
    const bar = page.getByRole('form', { name: 'Place the ticked households' });
    await bar.getByText('7 households ticked, 7 people').waitFor();
    await bar.getByLabel('Shelter').selectOption({ label: 'Fatih Hostel (Fatih): 6 free tonight' });
    await bar.getByText('Only 6 free tonight for 7 people: some will get no bed here.').waitFor();
    await screenshot(page, SHOTS, 'queue-ticked-1280.png', { fullPage: true });
    await bar.getByRole('button', { name: 'Place them' }).click();
    await bar.getByText('6 of 7 placed at Fatih Hostel.').waitFor();
    const results = bar.getByRole('list', { name: 'Who got a bed' }).getByRole('listitem');
    // Each one's first line: the beds, or why not in the suggestions' words (three nights asked for, tonight full).
    expect(await results.evaluateAll((items) => items.map((item) => item.querySelector('p')?.textContent))).toEqual([
      ...MEN.slice(0, 6).map((alias, i) => `${alias} — Fatih Hostel, Men's dorm ${i + 1}`),
      expect.stringMatching(/^Gleb — Fatih Hostel: Full on \w{3} \d{1,2}$/),
    ]);
    await screenshot(page, SHOTS, 'queue-placed-1280.png', { fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    // The queue follows: six are placed and not yet arrived; Gleb still waits.
    expect(await names(page)).toEqual(['Gleb', 'Ömer']);
    await page.getByRole('navigation', { name: 'Queue' }).getByRole('link', { name: 'Placed, not arrived (6)' }).click();
    await page.waitForURL('**/arrivals?view=placed&kind=men');
    const placed = page.getByRole('region', { name: /Reserved, not yet arrived/ }).getByRole('listitem');
    expect(await placed.evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')))).toEqual(MEN.slice(0, 6));
    expect(
      withDb(
        (db) =>
          db
            .select({ status: arrivals.status })
            .from(arrivals)
            .all()
            .filter((row) => row.status === 'placed').length,
      ),
    ).toBe(6);
    await context.close();
  });

  it('without JavaScript on a 320 px phone, a batch answers with the same page: who got a bed, and the one who did not is still ticked', async () => {
    const context = await browser.newContext({ baseURL: server.baseURL, viewport: PHONE, locale: 'en-GB', javaScriptEnabled: false });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await openSignedIn(page, 'queue-guide@waystation.test', { server, at: '/arrivals' });
    for (const alias of ['Sokolov family', 'Ömer'])
      await waitingList(page)
        .filter({ has: page.getByRole('link', { name: alias, exact: true }) })
        .getByLabel('Tick')
        .check();
    const bar = page.getByRole('form', { name: 'Place the ticked households' });
    await bar.getByLabel('Shelter').selectOption({ label: 'Kadıköy Hall (Kadıköy): 4 free tonight' });
    await bar.getByRole('button', { name: 'Place them' }).click();
    await page.getByText('1 of 2 placed at Kadıköy Hall.').waitFor();
    const results = page.getByRole('list', { name: 'Who got a bed' }).getByRole('listitem');
    expect(await results.evaluateAll((items) => items.map((item) => item.querySelector('p')?.textContent))).toEqual([
      'Sokolov family — Kadıköy Hall, Family room 1, Family room 2, Family room 3, Family room 4',
      expect.stringMatching(/^Ömer — Kadıköy Hall: /),
    ]);
    expect(await names(page)).toContain('Ömer');
    expect(await names(page)).not.toContain('Sokolov family');
    expect(await waitingList(page).filter({ hasText: 'Ömer' }).getByLabel('Tick').isChecked()).toBe(true);
    expect(await waitingList(page).filter({ hasText: 'Olga' }).getByLabel('Tick').isChecked()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, SHOTS, 'queue-no-js-kept-tick-320.png', { fullPage: true, timeout: 60_000 });
    await context.close();
  });

  it('a request made online shows in the header’s count and in the list without a reload; on a 320 px phone, in Russian', async () => {
    const { context, page } = await signedIn('queue-guide@waystation.test', { viewport: PHONE });
    // The tab's clock, so that the wait for its next ask is a jump, not 20 s of the suite's time.
    await context.clock.install();
    await page.goto('/arrivals');
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('heading', { name: 'Прибывшие' }).waitFor();
    const header = page.getByRole('banner');
    expect(await header.getByRole('link', { name: /заяв/ }).count()).toBe(0);
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    withDb((db) =>
      makeArrival(db, { alias: 'Lena online', adultMen: 0, adultWomen: 1, selfRegistered: true, contact: '@lena', arrivedAt: new Date() }),
    );
    // The tab asks every 20 s while it is visible.
    await page.clock.fastForward(POLL_MS);
    await header.getByRole('link', { name: '1 заявка с сайта' }).waitFor({ timeout: 10_000 });
    await waitingList(page).filter({ hasText: 'Lena online' }).waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 780 });
    await screenshot(page, SHOTS, 'queue-ru-360.png', { fullPage: true });
    // Once something is ticked, the bar to place them stays at the bottom of the screen.
    await waitingList(page).filter({ hasText: 'Olga' }).getByLabel('Отметить').check();
    await page.getByRole('form', { name: 'Разместить отмеченных' }).getByText('Отмечено: 1 группа, 1 человек').waitFor();
    await screenshot(page, SHOTS, 'queue-ru-360-ticked.png');
    // The header's count opens the queue filtered to online requests.
    await header.getByRole('link', { name: '1 заявка с сайта' }).click();
    await page.waitForURL('**/arrivals?kind=online');
    expect(await waitingList(page).evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')))).toEqual(['Lena online']);
    await context.close();
  }, 90_000);
});
