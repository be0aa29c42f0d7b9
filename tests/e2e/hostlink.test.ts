import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '@/db';
import { stays, users } from '@/db/schema';
import { addNights, tonightIn } from '@/lib/calendar/nights';
import { NETWORK_TIME_ZONE, utcToZonedWallClock } from '@/lib/calendar/zones';
import { hashLinkToken, newLinkToken } from '@/lib/placement/links';
import { makeArrival, makeRoom, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { openSignedIn } from './signed-in';
import { axeViolations, DESKTOP, launchBrowser, PHONE, screenshot, shotsDir, SignInPage } from './support';

// Points 6 and 7 of issue 16 in Chromium: the guest says "I'll be late, about …" on their link with
// JavaScript off and the host sees it; a guide reissues a lost request link, the old one stops.
const baseURL = inject('baseURL');
const databasePath = inject('databasePath');
const SHOTS = shotsDir('hostlink');
let browser: Browser;
let world: ReturnType<typeof buildWorld>;

function buildWorld(now: Date, passwordHash: string) {
  const { db, sqlite } = openDatabase(databasePath);
  try {
    const shelter = makeShelter(db, {
      name: 'Bosphorus Rest',
      district: 'Beşiktaş',
      status: 'paused',
      timeZone: NETWORK_TIME_ZONE,
      address: 'Ihlamur Yolu 7',
    });
    const { beds } = makeRoom(db, shelter.id, 'mixed', 4);
    makeUser(db, 'host', { shelterIds: [shelter.id], email: 'rest-host@waystation.test', passwordHash });
    const trHost = makeUser(db, 'host', { shelterIds: [shelter.id], email: 'rest-host-tr@waystation.test', passwordHash });
    db.update(users).set({ locale: 'tr' }).where(eq(users.id, trHost.id)).run();
    const holdUntil = new Date(now.getTime() + 20 * 3600_000);
    const stayWithLink = (alias: string, bed: number, expectedAt: Date | null) => {
      const arrival = makeArrival(db, { alias, expectedAt, languages: ['ru'], cityId: shelter.cityId });
      // Tonight's, whatever the hour the test runs at: "on my way" is for tonight, not a booking ahead.
      const tonight = tonightIn(NETWORK_TIME_ZONE, now);
      const stay = makeStay(db, {
        arrivalId: arrival.id,
        shelterId: shelter.id,
        bedIds: [beds[bed].id],
        holdUntil,
        firstNight: tonight,
        departure: addNights(tonight, 2),
      });
      const token = newLinkToken();
      db.update(stays)
        .set({ linkTokenHash: hashLinkToken(token), linkExpiresAt: new Date(now.getTime() + 86_400_000) })
        .where(eq(stays.id, stay.id))
        .run();
      return { stay, token };
    };
    const guest = stayWithLink('Sevda', 0, new Date(now.getTime() - 3600_000));
    const other = stayWithLink('Oleg', 1, null);
    // Oleg is on his way already: the host's list shows it with the time he said it.
    db.update(stays)
      .set({ guestSaid: 'on_my_way', guestSaidAt: new Date(now.getTime() - 20 * 60_000) })
      .where(eq(stays.id, other.stay.id))
      .run();
    const requestToken = newLinkToken();
    const request = makeArrival(db, {
      alias: 'Mykola',
      contact: '@mykola_lost',
      selfRegistered: true,
      requestTokenHash: hashLinkToken(requestToken),
      languages: ['uk'],
      cityId: shelter.cityId,
    });
    return { shelter, guest, request, requestToken };
  } finally {
    sqlite.close();
  }
}

beforeAll(async () => {
  browser = await launchBrowser();
  const { sqlite } = openDatabase(databasePath);
  const hash = (sqlite.prepare("select password_hash as hash from users where email = 'host@waystation.test'").get() as { hash: string })
    .hash;
  sqlite.close();
  world = buildWorld(new Date(), hash);
});
afterAll(() => browser?.close());

/** A wall-clock time two hours from now in Istanbul, "HH:MM", as the guest would type it. */
const inTwoHours = () => utcToZonedWallClock(new Date(Date.now() + 2 * 3600_000), NETWORK_TIME_ZONE).slice(11, 16);

describe('the guest tells the shelter, the host sees it', () => {
  it('takes "I\'ll be late, about …" on a 320 px phone with JavaScript off, refuses a time the shelter does not take next to the field, and shows it on the host\'s Expected list', async () => {
    const guest = await browser.newContext({ baseURL, viewport: PHONE, locale: 'en-GB', javaScriptEnabled: false });
    guest.setDefaultTimeout(15_000);
    const page = await guest.newPage();
    await page.goto(`/s/${world.guest.token}?lang=en`);
    const say = page.getByRole('region', { name: 'Tell the shelter' });
    await say.getByRole('button', { name: "I'm on my way" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

    // An hour ago has passed (or, read after midnight, is past the shelter's latest): said next to the field, nothing changes.
    const far = utcToZonedWallClock(new Date(Date.now() - 3600_000), NETWORK_TIME_ZONE).slice(11, 16);
    await say.getByLabel("I'll be late, about").fill(far);
    await say.getByRole('button', { name: "Tell the shelter I'll be late" }).click();
    await page.getByText(new RegExp(`${far} has already passed\\. Enter a later time\\.|so ${far} is too late for this bed\\.`)).waitFor();
    expect(await page.getByLabel("I'll be late, about").getAttribute('aria-invalid')).toBe('true');

    const eta = inTwoHours();
    await page.getByLabel("I'll be late, about").fill(eta);
    await page.getByRole('button', { name: "Tell the shelter I'll be late" }).click();
    await page.getByText(`that you will come at about ${eta}.`).waitFor();
    expect(page.url()).toMatch(new RegExp(`/s/${world.guest.token}\\?lang=en$`));
    await guest.close();

    const host = await browser.newContext({ baseURL, viewport: PHONE, locale: 'en-GB', bypassCSP: true });
    host.setDefaultTimeout(15_000);
    const hostPage = await host.newPage();
    await openSignedIn(hostPage, 'rest-host@waystation.test');
    await hostPage.getByRole('link', { name: 'Bosphorus Rest' }).click();
    const expected = hostPage.getByRole('region', { name: 'Expected (2)' });
    await expected.waitFor();
    const sevda = expected.getByRole('listitem', { name: 'Sevda' });
    expect(await sevda.getByText(new RegExp(`Will be late, about ${eta}`)).isVisible()).toBe(true);
    expect(await sevda.getByText(/Tonight · landed \d\d:\d\d/).isVisible()).toBe(true);
    const oleg = expected.getByRole('listitem', { name: 'Oleg' });
    expect(await oleg.getByText(/On the way \(since \d\d:\d\d\)/).isVisible()).toBe(true);
    expect(await oleg.getByText(/arrived in the city \d\d:\d\d/).isVisible()).toBe(true);
    // One list of who is expected: the older one under the day is gone.
    expect(await hostPage.getByRole('region', { name: /^Expected/ }).count()).toBe(1);
    expect(await hostPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await axeViolations(hostPage)).toEqual([]);
    await host.close();
  });

  it("shows the two forms in Russian and Ukrainian at 320 px, and the host's list in Turkish on a desktop", async () => {
    for (const lang of ['ru', 'uk']) {
      const context = await browser.newContext({ baseURL, viewport: PHONE, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`/s/${world.guest.token}?lang=${lang}`);
      await page.getByRole('region', { name: lang === 'ru' ? 'Сообщить приюту' : 'Повідомити притулок' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      if (SHOTS)
        await page.getByRole('region', { name: lang === 'ru' ? 'Сообщить приюту' : 'Повідомити притулок' }).scrollIntoViewIfNeeded();
      await screenshot(page, SHOTS, `link-forms-${lang}-320.png`, { fullPage: true });
      await context.close();
    }
    // Signed in from a Turkish browser: the sign-in page's language, Turkish, carries on.
    const host = await browser.newContext({ baseURL, viewport: DESKTOP, locale: 'tr-TR', bypassCSP: true });
    host.setDefaultTimeout(15_000);
    const page = await host.newPage();
    await new SignInPage(page).signIn('rest-host-tr@waystation.test');
    await page.waitForURL(/\/shelters$/);
    await page.getByRole('link', { name: 'Bosphorus Rest' }).click();
    const expected = page.getByRole('region', { name: 'Beklenenler (2)' });
    await expected.waitFor();
    expect(await expected.getByText(/Geç kalacak, yaklaşık \d\d:\d\d/).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, SHOTS, 'host-expected-tr-1280.png');
    await host.close();
  });
});

describe('a lost request link', () => {
  it('is reissued by a guide: the old one shows "link not working", the new one works and can be sent on', async () => {
    const context = await browser.newContext({ baseURL, viewport: PHONE, locale: 'en-GB', bypassCSP: true });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await openSignedIn(page, 'guide@waystation.test', { at: `/arrivals/${world.request.id}` });
    await page.getByRole('region', { name: 'Their request link' }).getByRole('button', { name: 'New request link' }).click();
    const link = page.getByRole('region', { name: 'Link for Mykola' }).getByLabel('Their link');
    await link.waitFor();
    const fresh = await link.inputValue();
    expect(fresh).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
    expect(
      await page.getByRole('region', { name: 'Link for Mykola' }).getByRole('link', { name: 'Telegram' }).getAttribute('href'),
    ).toContain('t.me/share/url');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();

    const person = await browser.newContext({ baseURL, viewport: PHONE, javaScriptEnabled: false });
    const own = await person.newPage();
    const old = await own.goto(`/s/${world.requestToken}?lang=en`);
    expect(old?.status()).toBe(404);
    await own.getByRole('heading', { name: 'This link does not work' }).waitFor();
    await own.goto(`${new URL(fresh).pathname}?lang=uk`);
    await own.getByRole('heading', { name: 'Збережіть це посилання' }).waitFor();
    expect(await own.getByLabel('Ваше посилання (виділіть, щоб скопіювати)').inputValue()).toBe(`${baseURL}${new URL(fresh).pathname}`);
    expect(await own.getByRole('link', { name: 'Надіслати собі в Telegram' }).getAttribute('href')).toContain('t.me/share/url');
    expect(await own.content()).not.toContain('mykola_lost');
    await person.close();
  });
});
