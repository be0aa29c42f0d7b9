import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLL_MS } from '@/components/online-requests';
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { addNights, tonightIn } from '@/lib/calendar/nights';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';
import { hashLinkToken, newLinkToken } from '@/lib/placement/links';
import { checkOut } from '@/lib/placement/stays';
import { asStaff, makeArrival, makeRoom, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { startServer } from '../support/next-server';
import { makeOffer } from '../support/offers';
import { openSignedIn } from './signed-in';
import { axeViolations, DESKTOP, launchBrowser, newPage, PHONE, screenshot, shotsDir } from './support';

// Issue 30, point 5, in a browser: a guest who has left says on their phone, without JavaScript and in
// Ukrainian, that something was wrong at a private home; the home is paused, the guide's header counts
// it within one poll, the guide reads it on /feedback, looks and reopens the home. The home's host
// never sees the answer.
const SHOTS = shotsDir('guest-word');
const NOTE = '<script>alert(1)</script> Двері кімнати не замикалися.';
let dir: string;
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let databasePath: string;
let token: string;
let homeId: string;

function withDb<T>(run: (opened: ReturnType<typeof openDatabase>) => T): T {
  const opened = openDatabase(databasePath);
  try {
    return run(opened);
  } finally {
    opened.sqlite.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'waystation-word-'));
  databasePath = join(dir, 'word.db');
  const now = new Date();
  withDb(({ db, sqlite }) => {
    migrateDatabase(db);
    const home = makeShelter(db, { name: 'Flat on Kumkapı Street', kind: 'home', district: 'Fatih', status: 'open', lastConfirmedAt: now });
    homeId = home.id;
    // The shelter an active offer became (issue 30, point 3): a private home.
    const tonight = tonightIn(home.timeZone, now);
    const offer = makeOffer(db, home.cityId!, now, addNights(tonight, 1), addNights(tonight, 5));
    sqlite.prepare("update offers set shelter_id = ?, status = 'active' where reference = ?").run(home.id, offer.reference);
    const { beds } = makeRoom(db, home.id, 'family', 2);
    const host = makeUser(db, 'host', { email: 'word-host@waystation.test', shelterIds: [home.id] });
    makeUser(db, 'guide', { email: 'word-guide@waystation.test' });
    const guest = makeArrival(db, { alias: 'Oksana', adultWomen: 1, status: 'placed' });
    const stay = makeStay(db, { arrivalId: guest.id, shelterId: home.id, bedIds: [beds[0].id], status: 'checked_in' });
    token = newLinkToken();
    sqlite.prepare('update stays set link_token_hash = ? where id = ?').run(hashLinkToken(token), stay.id);
    checkOut(db, asStaff(host, [home.id]), stay.id, now);
  });
  server = await startServer(databasePath);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const homeStatus = () => withDb(({ sqlite }) => sqlite.prepare('select status from shelters where id = ?').pluck().get(homeId));

describe("the guest's word after the stay", () => {
  it('reaches the city’s guide within a poll, pauses the home, and is looked at and the home reopened', async () => {
    // The guide's tab is open on the queue, its clock under the test's hand.
    const staff = await newPage(browser, server.baseURL, PHONE);
    await staff.context.clock.install();
    await openSignedIn(staff.page, 'word-guide@waystation.test', { server, at: '/arrivals' });
    const header = staff.page.getByRole('banner');
    expect(await header.getByRole('link', { name: /something was wrong/ }).count()).toBe(0);

    // The guest, on a 320 px phone with JavaScript off, in Ukrainian.
    const guest = await browser.newContext({ baseURL: server.baseURL, viewport: PHONE, locale: 'uk-UA', javaScriptEnabled: false });
    const phone = await guest.newPage();
    for (const [lang, heading] of [
      ['ru', 'После проживания'],
      ['tr', 'Konaklamanızdan sonra'],
      ['en', 'After your stay'],
    ] as const) {
      await phone.goto(`/s/${token}?lang=${lang}`);
      await phone.getByRole('heading', { name: heading }).waitFor();
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await screenshot(phone, SHOTS, `guest-${lang}-320-question.png`, { fullPage: true });
    }
    await phone.goto(`/s/${token}?lang=uk`);
    await phone.getByRole('heading', { name: 'Після проживання' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(phone, SHOTS, 'guest-uk-320-question.png', { fullPage: true });
    await phone.getByRole('radio', { name: 'Щось було не так' }).check();
    await phone.getByLabel("Що ви хочете нам сказати (необов'язково)").fill(NOTE);
    await phone.getByRole('button', { name: 'Надіслати відповідь' }).click();
    await phone.getByRole('heading', { name: 'Дякуємо' }).waitFor();
    await phone.getByText('Працівникам мережі в цьому місті вже повідомили').waitFor();
    expect(await phone.getByRole('radio').count()).toBe(0);
    await screenshot(phone, SHOTS, 'guest-uk-320-thanks.png', { fullPage: true });
    expect(homeStatus()).toBe('paused');

    // Within one poll, without a reload, the guide's header says so and leads to the answer.
    await staff.page.clock.fastForward(POLL_MS);
    const count = header.getByRole('link', { name: '1 guest: something was wrong' });
    await count.waitFor({ timeout: 10_000 });
    await count.click();
    await staff.page.waitForURL('**/feedback');
    const waiting = staff.page.getByRole('region', { name: 'Needs a look (1)' });
    // The note is shown as the text typed: its markup never runs.
    await waiting.getByText(NOTE).waitFor();
    await waiting.getByText('This home is paused by this answer.').waitFor();
    expect(await staff.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await axeViolations(staff.page)).toEqual([]);
    await screenshot(staff.page, SHOTS, 'feedback-en-320.png', { fullPage: true });

    await waiting.getByRole('button', { name: /^Mark as looked at/ }).click();
    // The answer moves to the latest ones, saying who looked: its button is gone with it.
    await staff.page.getByRole('region', { name: 'Needs a look (0)' }).getByText('Nothing needs a look.').waitFor();
    const earlier = staff.page.getByRole('region', { name: 'Latest answers' });
    await earlier.getByText(/^Looked at by guide/).waitFor();
    expect(homeStatus()).toBe('paused');
    await earlier.getByRole('button', { name: /^Reopen the home/ }).click();
    await earlier.getByRole('button', { name: /^Yes/ }).click();
    await earlier.getByText('This home is paused by this answer.').waitFor({ state: 'detached' });
    expect(await earlier.getByRole('button', { name: /^Reopen the home/ }).count()).toBe(0);
    expect(homeStatus()).toBe('open');
    await screenshot(staff.page, SHOTS, 'feedback-en-320-looked.png', { fullPage: true });
    await staff.context.close();
    await guest.close();
  }, 90_000);

  it('is not the host’s to read: /feedback is not theirs, and their home’s page does not carry it', async () => {
    const { context, page } = await newPage(browser, server.baseURL, DESKTOP);
    expect((await openSignedIn(page, 'word-host@waystation.test', { server, at: '/feedback' }))?.status()).toBe(404);
    const own = await page.goto(`/shelters/${homeId}`);
    expect(own?.status()).toBe(200);
    expect(await own!.text()).not.toContain('Двері кімнати');
    await context.close();
  });

  it('reads in Russian and Turkish for staff, and on a desktop', async () => {
    for (const [locale, title] of [
      ['ru', 'Слово гостей'],
      ['tr', 'Misafirlerin sözü'],
    ] as const) {
      const { context, page } = await newPage(browser, server.baseURL, { width: 360, height: 780 });
      await openSignedIn(page, 'word-guide@waystation.test', { server });
      await context.addCookies([{ url: server.baseURL, name: LOCALE_COOKIE, value: locale }]);
      await page.goto('/feedback');
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByText(NOTE).waitFor();
      await screenshot(page, SHOTS, `feedback-${locale}-360.png`, { fullPage: true });
      if (locale === 'tr') {
        await page.setViewportSize(DESKTOP);
        await screenshot(page, SHOTS, 'feedback-tr-desktop.png', { fullPage: true });
      }
      await context.close();
    }
  });
});
