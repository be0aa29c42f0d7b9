import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '@/db';
import { shelters, stays, users } from '@/db/schema';
import { addNights, tonightIn } from '@/lib/calendar/nights';
import { NETWORK_TIME_ZONE } from '@/lib/calendar/zones';
import { hashLinkToken, newLinkToken } from '@/lib/placement/links';
import { makeArrival, makeRoom, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { axeViolations, launchBrowser, PHONE, screenshot, shotsDir, SignInPage } from './support';

// The host sets what "late, about HH:MM" does on the shelter's profile page, and the arrival's page
// then promises exactly that.
const baseURL = inject('baseURL');
const databasePath = inject('databasePath');
const SHOTS = shotsDir('late-arrivals');
let browser: Browser;
let world: ReturnType<typeof buildWorld>;

function buildWorld(now: Date, passwordHash: string) {
  const { db, sqlite } = openDatabase(databasePath);
  try {
    const shelter = makeShelter(db, {
      name: 'Galata Night',
      district: 'Beyoğlu',
      status: 'paused',
      timeZone: NETWORK_TIME_ZONE,
      phone: '+90 212 444 11 22',
    });
    const { beds } = makeRoom(db, shelter.id, 'mixed', 2);
    for (const locale of ['en', 'ru', 'tr'] as const) {
      const host = makeUser(db, 'host', { shelterIds: [shelter.id], email: `galata-${locale}@waystation.test`, passwordHash });
      db.update(users).set({ locale }).where(eq(users.id, host.id)).run();
    }
    // Held five minutes: whatever the hour the test runs at, the latest hour the host sets is later.
    const tonight = tonightIn(NETWORK_TIME_ZONE, now);
    const arrival = makeArrival(db, { alias: 'Irina', languages: ['ru'], cityId: shelter.cityId });
    const stay = makeStay(db, {
      arrivalId: arrival.id,
      shelterId: shelter.id,
      bedIds: [beds[0].id],
      holdUntil: new Date(now.getTime() + 5 * 60_000),
      firstNight: tonight,
      departure: addNights(tonight, 1),
    });
    const token = newLinkToken();
    db.update(stays)
      .set({ linkTokenHash: hashLinkToken(token), linkExpiresAt: new Date(now.getTime() + 86_400_000) })
      .where(eq(stays.id, stay.id))
      .run();
    return { shelter, token };
  } finally {
    sqlite.close();
  }
}
const savedTerms = () => {
  const { db, sqlite } = openDatabase(databasePath);
  try {
    return db
      .select({ grace: shelters.lateGraceMinutes, latest: shelters.latestArrival })
      .from(shelters)
      .where(eq(shelters.id, world.shelter.id))
      .get();
  } finally {
    sqlite.close();
  }
};

beforeAll(async () => {
  browser = await launchBrowser();
  const { sqlite } = openDatabase(databasePath);
  const hash = (sqlite.prepare("select password_hash as hash from users where email = 'host@waystation.test'").get() as { hash: string })
    .hash;
  sqlite.close();
  world = buildWorld(new Date(), hash);
});
afterAll(() => browser?.close());

describe('the host’s terms for late guests', () => {
  it('are set on the profile page at 320 px, a latest hour before closing is refused next to the field, and the arrival’s page promises the saved terms', async () => {
    const context = await browser.newContext({ baseURL, viewport: PHONE, locale: 'en-GB', bypassCSP: true });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await new SignInPage(page).signInAndWait('galata-en@waystation.test');
    await page.goto(`/shelters/${world.shelter.id}/profile`);
    const form = page.locator('form').filter({ has: page.getByRole('group', { name: 'Guests who come late' }) });
    await form.getByLabel('Extra minutes after the time they give').fill('45');
    await form.getByLabel('Latest arrival').fill('22:00');
    await form.getByRole('button', { name: 'Save late arrivals' }).click();
    await form.getByText('Choose a time at or after the check-in closing time.').waitFor();
    expect(savedTerms()).toEqual({ grace: 30, latest: null });

    await form.getByLabel('Latest arrival').fill('00:30');
    await form.getByRole('button', { name: 'Save late arrivals' }).click();
    await form.getByText('Late arrivals saved.').waitFor();
    expect(savedTerms()).toEqual({ grace: 45, latest: '00:30' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`/s/${world.token}?lang=en`);
    await page.getByText('Your bed is then kept 45 minutes past the time you give, but not after 00:30.').waitFor();
    await context.close();
  });

  it('reads in Russian and Turkish at 360 px', async () => {
    for (const locale of ['ru', 'tr']) {
      // A phone in that language: the sign-in page shows it, and the screens after it follow.
      const context = await browser.newContext({
        baseURL,
        viewport: { width: 360, height: 740 },
        locale: locale === 'ru' ? 'ru-RU' : 'tr-TR',
        bypassCSP: true,
      });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      await new SignInPage(page).signInAndWait(`galata-${locale}@waystation.test`);
      await page.goto(`/shelters/${world.shelter.id}/profile`);
      const legend = locale === 'ru' ? 'Гости, которые опаздывают' : 'Geç gelen misafirler';
      await page.getByRole('group', { name: legend }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      if (SHOTS) {
        await page.getByRole('group', { name: legend }).scrollIntoViewIfNeeded();
        await screenshot(page, SHOTS, `late-arrivals-${locale}-360.png`);
      }
      await context.close();
    }
  });
});
