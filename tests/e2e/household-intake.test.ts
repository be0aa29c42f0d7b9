import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '@/db';
import { addNights, tonightIn } from '@/lib/calendar/nights';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';
import { makeArrival, makeCity, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { openSignedIn } from './signed-in';
import { axeViolations, DESKTOP, launchBrowser, newPage, PHONE, screenshot, shotsDir } from './support';

// A guide of a city on Warsaw's clock, on a 320 px phone: an intake that says "already here" with
// tomorrow's time comes back as "lands at" with a line saying so; the reservation's page says booked
// and lands at the link and its QR code; the queue says "lands tomorrow 14:20" on that city's clock.
const baseURL = inject('baseURL');
const { db, sqlite } = openDatabase(inject('databasePath'));
const SHOTS = shotsDir('household-intake');
const ZONE = 'Europe/Warsaw';
const suffix = randomUUID().slice(0, 8);
const email = `lublin-guide-${suffix}@waystation.test`;
const shelterName = `Lublin House ${suffix}`;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  const city = makeCity(db, `Lublin ${suffix}`, { slug: `lublin-${suffix}`, timeZone: ZONE });
  const door = { status: 'open' as const, lastConfirmedAt: new Date(), checkInFrom: '00:00', checkInUntil: '23:59' };
  const shelter = makeShelter(db, { ...door, name: shelterName, district: 'Stare Miasto', cityId: city.id, timeZone: ZONE });
  makeRoom(db, shelter.id, 'women', 4);
  makeUser(db, 'guide', { email, cityIds: [city.id] });
  makeArrival(db, { alias: 'Mira', adultMen: 0, adultWomen: 1, cityId: city.id });
});
afterAll(async () => {
  await browser?.close();
  sqlite.close();
});

const households = (alias: string) => (sqlite.prepare('select count(*) as n from arrivals where alias = ?').get(alias) as { n: number }).n;
const tomorrow = () => addNights(tonightIn(ZONE, new Date()), 1);

/** The screen at 320 px (the phone the test runs on), 360 px and on a desktop. */
async function shoot(page: Page, name: string) {
  for (const viewport of [PHONE, { width: 360, height: 740 }, DESKTOP]) {
    await page.setViewportSize(viewport);
    await screenshot(page, SHOTS, `${name}-${viewport.width}.png`, { fullPage: true });
  }
  await page.setViewportSize(PHONE);
}

async function fitsAPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  expect(await axeViolations(page)).toEqual([]);
}

/** The intake by field names, so the same steps serve every language; "already here" stays chosen. */
async function intakeHereWithTime(page: Page, alias: string, time: string) {
  await page.goto('/arrivals/new');
  await page.locator('[name="alias"]').fill(alias);
  await page.locator('[name="adultMen"]').fill('0');
  await page.locator('[name="adultWomen"]').fill('1');
  await page.locator('[name="arrivalTime"]').fill(time);
  await page.locator('form button[type="submit"]').last().click();
}

describe('the household page and the queue follow the booking', () => {
  it('already here + tomorrow’s time → moved to "lands at"; reserve → booked, at #link with the QR; queue: lands tomorrow', async () => {
    const { context, page } = await newPage(browser, baseURL, PHONE);
    await openSignedIn(page, email);
    const landing = `${tomorrow()}T14:20`;

    await intakeHereWithTime(page, 'Lena', landing);
    await page.getByText('That time is still ahead, so it is now when they land').waitFor();
    expect(await page.getByLabel('Lands at …').isChecked()).toBe(true);
    expect(await page.getByLabel('Already here').isChecked()).toBe(false);
    expect(await page.getByLabel(/^Time \(/).inputValue()).toBe(landing);
    expect(await page.getByLabel('Alias').inputValue()).toBe('Lena');
    expect(new URL(page.url()).pathname).toBe('/arrivals/new');
    expect(households('Lena')).toBe(0);
    await fitsAPhone(page);
    await screenshot(page, SHOTS, 'intake-moved-en-320.png', { fullPage: true });

    // Confirmed as it stands: registered as landing tomorrow at 14:20, on the city's clock.
    await page.getByRole('button', { name: 'Register and find a place' }).click();
    await page.getByRole('heading', { name: 'Where they can sleep' }).waitFor();
    expect(households('Lena')).toBe(1);
    const household = new URL(page.url()).pathname;

    await page.goto('/arrivals');
    const waiting = page.getByRole('listitem', { name: 'Lena' });
    expect(await waiting.locator('.card-head').textContent()).toContain('lands tomorrow 14:20');
    expect(await waiting.textContent()).not.toContain('just arrived');

    await page.goto(`${household}?registered=1`);
    expect(await page.getByText('Registered: they wait in the queue').isVisible()).toBe(true);
    await page.getByRole('listitem', { name: shelterName }).getByRole('button', { name: 'Reserve these beds' }).click();
    const status = page.getByRole('status').filter({ hasText: /^Booked: / });
    await status.waitFor();
    expect(await status.textContent()).toMatch(new RegExp(`^Booked: ${shelterName}, \\d+ nights? \\(.+\\), leaving `));
    expect(await page.getByText('Registered: they wait in the queue').count()).toBe(0);
    await page.waitForFunction(() => location.hash === '#link');
    expect(await page.locator('#link .qr svg').count()).toBe(1);
    // The link and its QR code are on screen without scrolling.
    await page.waitForFunction(() => {
      const box = document.getElementById('link')!.getBoundingClientRect();
      return box.top >= -1 && box.top < window.innerHeight / 2;
    });
    await fitsAPhone(page);
    await screenshot(page, SHOTS, 'booked-en-320.png');

    await page.goto('/arrivals?view=placed');
    const placed = page.getByRole('listitem', { name: 'Lena' });
    expect(await placed.textContent()).toContain('lands tomorrow 14:20');
    await fitsAPhone(page);
    await screenshot(page, SHOTS, 'queue-placed-en-320.png', { fullPage: true });

    // The same screens in Russian and Turkish, for a look at 320 px.
    for (const [locale, moved] of [
      ['ru', 'Это время ещё не наступило'],
      ['tr', 'Bu saat henüz gelmedi'],
    ] as const) {
      await context.addCookies([{ url: baseURL, name: LOCALE_COOKIE, value: locale }]);
      await intakeHereWithTime(page, `Lena ${locale}`, landing);
      await page.getByText(moved).waitFor();
      await fitsAPhone(page);
      await shoot(page, `intake-moved-${locale}`);
      await page.goto(household);
      await page.locator('.status-line').waitFor();
      await shoot(page, `booked-${locale}`);
      await page.goto('/arrivals?view=placed');
      expect(await page.getByRole('listitem', { name: 'Lena' }).textContent()).toContain(
        locale === 'ru' ? 'прилёт завтра в 14:20' : 'iniş yarın 14:20',
      );
      await shoot(page, `queue-placed-${locale}`);
    }
    await context.close();
  });

  it('without JavaScript, a reservation lands at #link with the link and its QR code, and says booked', async () => {
    const context = await browser.newContext({ baseURL, viewport: PHONE, locale: 'en-GB', javaScriptEnabled: false });
    const page = await context.newPage();
    await openSignedIn(page, email, { at: '/arrivals' });
    await page.getByRole('listitem', { name: 'Mira' }).getByRole('link', { name: 'Mira', exact: true }).click();
    await page.getByRole('listitem', { name: shelterName }).getByRole('button', { name: 'Reserve these beds' }).click();
    await page.waitForURL((url) => url.hash === '#link');
    expect(await page.locator('#link .qr svg').count()).toBe(1);
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: /^Booked: / })
        .count(),
    ).toBe(1);
    expect(await page.evaluate(() => Math.abs(document.getElementById('link')!.getBoundingClientRect().top) < 2)).toBe(true);
    await context.close();
  });
});
