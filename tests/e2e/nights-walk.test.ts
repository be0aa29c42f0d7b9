import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { rooms } from '@/db/schema';
import { dayStart } from '@/lib/calendar/days';
import { addNights, tonightIn, type Night } from '@/lib/calendar/nights';
import { makeArrival, makeRoom, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { startServer } from '../support/next-server';
import { openSignedIn } from './signed-in';
import { axeViolations, DESKTOP, launchBrowser, PHONE, screenshot, shotsDir } from './support';

// Issue 15's walk, end to end in Chromium against a production build on the real clock: a household
// expected tomorrow is booked two nights ahead, the host sees it on the calendar, a longer stay that
// collides is moved to the other bed, an early check-out frees nights, and the forecast above the
// queue follows every step. A server of its own over a network of one shelter, so every number on
// the page can be counted by hand: Walk House, one mixed room of three beds; bed 3 is held by a guest
// checked in from tonight for three nights (who will leave early).

const ZONE = 'Europe/Istanbul';
const SHOTS = shotsDir('walk');
const ROOM = 'Garden dorm';
let server: Awaited<ReturnType<typeof startServer>>;
let dir: string;
let browser: Browser;
let world: { shelterId: string; beds: { id: string; label: string }[]; tonight: Night; databasePath: string };

/** Runs `run` on a short-lived connection to the server's database: the test's reads and its own seeded stays. */
function withDb<T>(run: (db: ReturnType<typeof openDatabase>['db'], sqlite: ReturnType<typeof openDatabase>['sqlite']) => T): T {
  const { db, sqlite } = openDatabase(world.databasePath);
  try {
    return run(db, sqlite);
  } finally {
    sqlite.close();
  }
}

beforeAll(async () => {
  // The walk takes about a minute: never start it in the last two minutes of an Istanbul day, so that
  // "tonight" is the same night from the first step to the last.
  const untilMidnight = dayStart(addNights(tonightIn(ZONE, new Date()), 1), ZONE) - Date.now();
  if (untilMidnight < 120_000) await new Promise((resolve) => setTimeout(resolve, untilMidnight + 1_000));

  dir = mkdtempSync(join(tmpdir(), 'waystation-walk-'));
  const databasePath = join(dir, 'walk.db');
  const { db, sqlite } = openDatabase(databasePath);
  migrateDatabase(db);
  const now = new Date();
  const tonight = tonightIn(ZONE, now);
  const shelter = makeShelter(db, { name: 'Walk House', district: 'Fatih', status: 'open', timeZone: ZONE, lastConfirmedAt: now });
  const { room, beds } = makeRoom(db, shelter.id, 'mixed', 3);
  db.update(rooms).set({ name: ROOM }).where(eq(rooms.id, room.id)).run();
  makeUser(db, 'guide', { email: 'walk-guide@waystation.test' });
  makeUser(db, 'host', { email: 'walk-host@waystation.test', shelterIds: [shelter.id] });
  // Checked in on bed 3 for tonight and the next two nights.
  const early = makeArrival(db, { alias: 'Early Leaver', adultMen: 1, adultWomen: 0 });
  makeStay(db, {
    arrivalId: early.id,
    shelterId: shelter.id,
    bedIds: [beds[2].id],
    status: 'checked_in',
    firstNight: tonight,
    departure: addNights(tonight, 3),
  });
  sqlite.close();
  world = { shelterId: shelter.id, beds: beds.map((b) => ({ id: b.id, label: b.label })), tonight, databasePath };
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

/** Full-page screenshots at 320 and 1280 px, leaving the page at 1280. */
async function shoot(page: Page, name: string) {
  for (const viewport of [PHONE, DESKTOP]) {
    await page.setViewportSize(viewport);
    await screenshot(page, SHOTS, `${name}-${viewport.width}.png`, { fullPage: true });
  }
}

/** Signed in through the login form. CSP bypassed: axe-core is added to the page as a script. */
async function signedIn(email: string) {
  const context = await browser.newContext({ baseURL: server.baseURL, viewport: DESKTOP, locale: 'en-GB', bypassCSP: true });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await openSignedIn(page, email, { server });
  return { context, page };
}

// Nights as the app writes them in English ("Mar 3", "Mar 3 – 4"), spaces made plain on both sides.
const asDate = (night: Night) => new Date(`${night}T12:00:00Z`);
const dayFormat = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const day = (night: Night) => dayFormat.format(asDate(night));
const range = (first: Night, last: Night) => plain(dayFormat.formatRange(asDate(first), asDate(last)));
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The network forecast above the queue, one night: beds free for sure, and people due that night. */
async function forecastFor(page: Page, index: number) {
  await page.goto('/arrivals');
  const row = page
    .getByRole('region', { name: 'Free beds, next 7 nights' })
    .getByRole('table', { name: /night by night/ })
    .locator('tbody tr')
    .nth(index);
  const cells = row.getByRole('cell');
  return { certain: Number(await cells.nth(0).textContent()), ahead: Number(await cells.nth(2).textContent()) };
}

/** Which beds a stay holds on which nights, from the booking ledger. */
const ledgerOf = (alias: string) =>
  withDb(
    (_, sqlite) =>
      sqlite
        .prepare(
          'select bn.bed_id as bedId, bn.night from bed_nights bn join stays s on s.id = bn.stay_id join arrivals a on a.id = s.arrival_id where a.alias = ? order by bn.night',
        )
        .all(alias) as { bedId: string; night: Night }[],
  );

describe("issue 15's walk: nights booked ahead, the calendar, a longer stay moved, an early check-out, the forecast", () => {
  it('books a household expected tomorrow for two nights, moves it to extend its stay, frees an early leaver’s nights, and the forecast follows', async () => {
    const { tonight } = world;
    const tomorrow = addNights(tonight, 1);
    const [bed1, bed2, bed3] = world.beds;
    const guide = await signedIn('walk-guide@waystation.test');
    const host = await signedIn('walk-host@waystation.test');
    const g = guide.page;
    const h = host.page;

    // Before anything: three beds, bed 3 held tomorrow by the guest checked in. Free for sure: 2.
    const before = await forecastFor(g, 1);
    expect(before).toEqual({ certain: 2, ahead: 0 });

    // 1. The guide registers a household of one, expected to land tomorrow evening, for two nights.
    await g.goto('/arrivals/new');
    await g.setViewportSize(PHONE);
    expect(await g.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shoot(g, 'intake');
    await g.getByLabel('Alias').fill('Walker');
    await g.getByLabel('Men', { exact: true }).fill('1');
    await g.getByLabel('Women', { exact: true }).fill('0');
    await g.getByLabel('Lands at …').check();
    await g.getByLabel('Time (Istanbul time)').fill(`${tomorrow}T18:30`);
    await g.getByLabel('Nights they need').fill('2');
    await g.getByRole('button', { name: 'Register and find a place' }).click();
    await g.waitForURL((url) => /^\/arrivals\/[^/]+$/.test(url.pathname) && url.pathname !== '/arrivals/new');
    const household = new URL(g.url()).pathname;
    const nightsForm = g.getByRole('form', { name: 'Nights' });
    await nightsForm.waitFor();
    expect(plain(await nightsForm.locator('p').first().textContent())).toBe(
      `2 nights: ${range(tomorrow, addNights(tomorrow, 1))}, leaving ${day(addNights(tomorrow, 2))}`,
    );
    expect(await nightsForm.getByLabel('First night').inputValue()).toBe(tomorrow);
    expect(await nightsForm.getByLabel('Leaves on').inputValue()).toBe(addNights(tomorrow, 2));
    await shoot(g, 'household-nights');
    await fitsAPhone(g);
    await g.setViewportSize(DESKTOP);

    // Expected to land tomorrow: one person due tomorrow night; no bed taken yet.
    expect(await forecastFor(g, 1)).toEqual({ certain: 2, ahead: 1 });

    await g.goto(household);
    const first = g.locator('.suggestion-list > li').first();
    expect(await first.getAttribute('aria-label')).toBe('Walk House');
    await first.getByRole('button', { name: 'Reserve these beds' }).click();
    await g.getByRole('heading', { name: 'Reserved at Walk House' }).waitFor();
    const booked = ledgerOf('Walker');
    expect(booked.map((row) => row.night)).toEqual([tomorrow, addNights(tomorrow, 1)]);
    const ours = world.beds.find((bed) => bed.id === booked[0].bedId)!;
    expect([bed1.id, bed2.id]).toContain(ours.id);
    const other = ours.id === bed1.id ? bed2 : bed1;
    const stayLine = g.locator('.stay-dates > p').first();
    expect(plain(await stayLine.textContent())).toBe(
      `2 nights, ${range(tomorrow, addNights(tomorrow, 1))}; check out by 11:00 on ${day(addNights(tomorrow, 2))}`,
    );

    // The booking takes one of tomorrow's free beds.
    const afterBooking = await forecastFor(g, 1);
    expect(afterBooking).toEqual({ certain: 1, ahead: 1 });
    expect(before.certain - afterBooking.certain).toBe(1);

    // 2. The host opens the calendar: tomorrow, one bed booked (ours), one occupied (bed 3), one free.
    await h.goto(`/shelters/${world.shelterId}/calendar`);
    await h.getByRole('heading', { name: 'Calendar', level: 1 }).waitFor();
    const row = (bed: { label: string }) => h.getByRole('row', { name: new RegExp(`^${ROOM}, Bed ${bed.label} `) });
    const cell = (bed: { label: string }, night: number) => row(bed).getByRole('cell').nth(night).getAttribute('data-state');
    expect([await cell(ours, 0), await cell(ours, 1), await cell(ours, 2), await cell(ours, 3)]).toEqual([
      'free',
      'booked',
      'booked',
      'free',
    ]);
    expect([await cell(bed3, 0), await cell(bed3, 1), await cell(bed3, 2), await cell(bed3, 3)]).toEqual([
      'occupied',
      'occupied',
      'occupied',
      'free',
    ]);
    expect(await cell(other, 1)).toBe('free');
    const nightList = h.getByRole('list', { name: 'Night by night' }).locator(':scope > li');
    const counts = async (night: number) => plain((await nightList.nth(night).locator('p').first().textContent())!.replace(/[^\w ]/g, ' '));
    await h.setViewportSize(PHONE);
    expect(await counts(0)).toBe('2 free 1 occupied');
    expect(await counts(1)).toBe('1 free 1 booked 1 occupied');
    expect(await counts(2)).toBe('1 free 1 booked 1 occupied');
    expect(await counts(3)).toBe('3 free');
    expect(await nightList.nth(1).getByText(`${ROOM}: ${other.label}`).isVisible()).toBe(true);
    await fitsAPhone(h);
    await screenshot(h, SHOTS, 'calendar-booked-320.png', { fullPage: true });
    await h.setViewportSize(DESKTOP);
    await screenshot(h, SHOTS, 'calendar-booked-1280.png', { fullPage: true });

    // 3. Someone else has our bed from the morning we leave: one more night on it collides.
    const departure = addNights(tomorrow, 2);
    withDb((db) => {
      const next = makeArrival(db, { alias: 'Next Guest', adultMen: 1, adultWomen: 0 });
      makeStay(db, {
        arrivalId: next.id,
        shelterId: world.shelterId,
        bedIds: [ours.id],
        firstNight: departure,
        departure: addNights(departure, 2),
        holdUntil: new Date(Date.now() + 5 * 86_400_000),
      });
    });
    await g.goto(household);
    await g.getByText('Change dates').click();
    await g.locator('#stay-departure').fill(addNights(departure, 1));
    await g.getByRole('button', { name: 'Save dates' }).click();
    const refusal = g.locator('#stay-departure-error');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain(`Their beds are booked by someone else on ${day(departure)}.`);
    expect(await g.locator('#stay-departure').getAttribute('aria-invalid')).toBe('true');
    // The field keeps what the guide asked for, not the departure that was refused.
    expect(await g.locator('#stay-departure').inputValue()).toBe(addNights(departure, 1));
    const offer = g.getByRole('link', { name: `Show places free until ${day(addNights(departure, 1))}, to move them` });
    expect(await offer.isVisible()).toBe(true);
    // Nothing was written: still two nights on our bed.
    expect(ledgerOf('Walker')).toEqual(booked);
    await shoot(g, 'change-dates-collision');
    await fitsAPhone(g);
    await g.setViewportSize(DESKTOP);

    await offer.click();
    await g.waitForURL((url) => url.searchParams.get('to') === addNights(departure, 1));
    const move = g.locator('details.move');
    expect(await move.getAttribute('open')).not.toBeNull();
    const place = move.getByRole('listitem', { name: 'Walk House' });
    expect(await place.getByText(`Beds: ${ROOM} ${other.label}`).isVisible()).toBe(true);
    await place.getByRole('button', { name: 'Move here' }).click();
    await g.getByText('Household moved.').waitFor();
    await expect
      .poll(async () => plain(await stayLine.textContent()))
      .toBe(`3 nights, ${range(tomorrow, departure)}; check out by 11:00 on ${day(addNights(departure, 1))}`);
    expect(await g.getByText(`Beds: ${ROOM} ${other.label}`).isVisible()).toBe(true);
    // The refusal was about the old beds: it is gone, and the move's own fields show the new departure.
    expect(await g.locator('#stay-departure-error').count()).toBe(0);
    expect(await g.getByRole('link', { name: /^Show places free until/ }).count()).toBe(0);
    expect(await g.locator('#nights-to').inputValue()).toBe(addNights(departure, 1));
    // Nowhere else to go for those nights (bed 3 is taken, their old bed too): they keep theirs.
    expect(
      await move.getByText('No other beds are free for all these nights: they keep the beds they have.', { exact: false }).isVisible(),
    ).toBe(true);
    await shoot(g, 'after-move');
    expect(ledgerOf('Walker')).toEqual([tomorrow, addNights(tomorrow, 1), departure].map((night) => ({ bedId: other.id, night })));

    // Still one bed taken tomorrow (another one now).
    expect((await forecastFor(g, 1)).certain).toBe(1);

    // 4. The guest on bed 3 leaves early: the host checks them out, confirming.
    await h.goto(`/shelters/${world.shelterId}`);
    const staying = h.getByRole('region', { name: 'Staying now (1)' }).getByRole('listitem', { name: 'Early Leaver' });
    await staying.getByRole('button', { name: 'Check out' }).click();
    await staying.getByText('Check out? Their beds become free at once.').waitFor();
    await staying.getByRole('button', { name: 'Yes' }).click();
    await h.getByRole('region', { name: 'Staying now (0)' }).waitFor();
    expect(ledgerOf('Early Leaver')).toEqual([]);

    await h.goto(`/shelters/${world.shelterId}/calendar`);
    expect([await cell(bed3, 0), await cell(bed3, 1), await cell(bed3, 2)]).toEqual(['free', 'free', 'free']);
    expect([await cell(other, 1), await cell(other, 2), await cell(other, 3), await cell(other, 4)]).toEqual([
      'booked',
      'booked',
      'booked',
      'free',
    ]);
    expect([await cell(ours, 1), await cell(ours, 2), await cell(ours, 3), await cell(ours, 4), await cell(ours, 5)]).toEqual([
      'free',
      'free',
      'booked',
      'booked',
      'free',
    ]);
    await h.setViewportSize(PHONE);
    expect(await counts(1)).toBe('2 free 1 booked');
    expect(
      await nightList
        .nth(1)
        .getByText(`${ROOM}: ${[ours.label, bed3.label].sort().join(', ')}`)
        .isVisible(),
    ).toBe(true);
    await screenshot(h, SHOTS, 'calendar-after-check-out-320.png', { fullPage: true });

    // 5. Bed 3 is free tomorrow after all: one more bed free for certain.
    const afterCheckOut = await forecastFor(g, 1);
    expect(afterCheckOut.certain).toBe(2);
    expect(afterCheckOut.certain - afterBooking.certain).toBe(1);

    await Promise.all([guide.context.close(), host.context.close()]);
  });
});
