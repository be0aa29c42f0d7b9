import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, write } from '@/db';
import { utcToZonedWallClock } from '@/lib/calendar/zones';
import { issueLink } from '@/lib/placement/links';
import { makeArrival, makeCity, makeRoom, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { openSignedIn } from './signed-in';
import { axeViolations, launchBrowser, PHONE } from './support';

// A host tells their guests the water is off; an admin tells a whole city the ferries stop; the
// guests' phones (JavaScript off, 320 px) show it at the top, only in that city, until taken down.
const baseURL = inject('baseURL');
const databasePath = inject('databasePath');
let browser: Browser;
const links: Record<'spring' | 'oak' | 'far', string> = { spring: '', oak: '', far: '' };
let springId = '';
const ZONE = 'Europe/Istanbul';

beforeAll(async () => {
  browser = await launchBrowser();
  const { db, sqlite } = openDatabase(databasePath);
  const hash = (sqlite.prepare("select password_hash as hash from users where email = 'host@waystation.test'").get() as { hash: string })
    .hash;
  const now = new Date();
  const admin = makeUser(db, 'admin', { email: 'notice-admin@waystation.test', passwordHash: hash });
  // Cities of this test's own, so a demo notice or a scoped demo admin decides nothing here.
  const lakeside = makeCity(db, 'Notice Lakeside', { slug: 'notice-lakeside', timeZone: ZONE });
  const farside = makeCity(db, 'Notice Farside', { slug: 'notice-farside', timeZone: ZONE });
  const guestOf = (name: string, cityId: string) => {
    const shelter = makeShelter(db, { name, status: 'open', cityId, timeZone: ZONE });
    const { beds } = makeRoom(db, shelter.id, 'mixed', 1);
    const stay = makeStay(db, {
      arrivalId: makeArrival(db).id,
      shelterId: shelter.id,
      bedIds: [beds[0].id],
      holdUntil: new Date(now.getTime() + 12 * 3600_000),
    });
    return { shelter, token: write(db, (tx) => issueLink(tx, stay, admin.id, now)) };
  };
  const spring = guestOf('Notice Spring House', lakeside.id);
  springId = spring.shelter.id;
  links.spring = `${baseURL}/s/${spring.token}`;
  links.oak = `${baseURL}/s/${guestOf('Notice Oak House', lakeside.id).token}`;
  links.far = `${baseURL}/s/${guestOf('Notice Far House', farside.id).token}`;
  makeUser(db, 'host', { shelterIds: [springId], email: 'notice-host@waystation.test', passwordHash: hash });
  sqlite.close();
});
afterAll(() => browser?.close());

async function staff(email: string, at?: string) {
  const context = await browser.newContext({ baseURL, viewport: PHONE, locale: 'en-GB', bypassCSP: true });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await openSignedIn(page, email, { at });
  return { context, page };
}

/** What the guest's phone shows: Russian, 320 px, JavaScript off. */
async function guestPhone(link: string) {
  const context = await browser.newContext({ viewport: PHONE, locale: 'ru-RU', isMobile: true, hasTouch: true, javaScriptEnabled: false });
  const page = await context.newPage();
  expect((await page.goto(link))?.status()).toBe(200);
  const main = await page.locator('main').innerText();
  const width = await page.evaluate(() => document.documentElement.scrollWidth).catch(() => null);
  await context.close();
  return { main, width };
}

const inTwoHours = () => utcToZonedWallClock(new Date(Date.now() + 2 * 3600_000), ZONE);

describe('notices to guests', () => {
  it("a host's notice in Russian and English shows at the top of the guest's Russian phone", async () => {
    const { context, page } = await staff('notice-host@waystation.test', `/shelters/${springId}`);
    const section = page.getByRole('region', { name: 'Notices to guests' });
    expect(await section.getByText('No live notices.').isVisible()).toBe(true);
    await section.getByText('Post a notice').click();
    // A notice ending in the past is refused next to its field.
    await section.getByLabel('English').fill('Water is off until 18:00');
    await section.getByLabel('Shown until').fill(utcToZonedWallClock(new Date(Date.now() - 3600_000), ZONE));
    await section.getByRole('button', { name: 'Post notice' }).click();
    await section.getByText('This time has already passed.').waitFor();
    await section.getByLabel('Russian').fill('Воды нет до 18:00');
    await section.getByLabel('Shown until').fill(inTwoHours());
    await section.getByRole('button', { name: 'Post notice' }).click();
    await section.getByText('Notice posted.', { exact: false }).waitFor();
    expect(await section.getByRole('listitem').getByText('Water is off until 18:00').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();

    const guest = await guestPhone(links.spring);
    expect(guest.main).toContain('Воды нет до 18:00');
    expect(guest.main).not.toContain('Water is off');
    expect(guest.main.indexOf('Воды нет до 18:00')).toBeLessThan(guest.main.indexOf('Notice Spring House'));
    expect(guest.main).toMatch(/До \d\d:\d\d, \d+ [а-я]+/);
    expect(guest.width ?? 0).toBeLessThanOrEqual(320);
  });

  it("an admin's city notice shows on another shelter's link in that city, not in another city, until taken down", async () => {
    const { context, page } = await staff('notice-admin@waystation.test');
    await page.getByRole('link', { name: 'Notices' }).click();
    await page.waitForURL(/\/notices$/);
    await page.getByLabel('City', { exact: true }).selectOption({ label: 'Notice Lakeside' });
    await page.getByLabel('Russian').fill('Паромы сегодня не ходят');
    await page.getByLabel('Shown until').fill(inTwoHours());
    await page.getByRole('button', { name: 'Post notice' }).click();
    await page.getByText('Notice posted.', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    expect((await guestPhone(links.oak)).main).toContain('Паромы сегодня не ходят');
    expect((await guestPhone(links.spring)).main).toContain('Паромы сегодня не ходят');
    expect((await guestPhone(links.far)).main).not.toContain('Паромы');

    const item = page.getByRole('listitem').filter({ hasText: 'Паромы сегодня не ходят' });
    await item.getByRole('button', { name: 'Take down' }).click();
    await item.getByRole('button', { name: 'Yes' }).click();
    // The notice leaves the live list (and its button with it).
    await item.waitFor({ state: 'detached' });
    await context.close();

    const oak = await guestPhone(links.oak);
    expect(oak.main).not.toContain('Паромы');
    expect(oak.main).toContain('Notice Oak House');
  });

  it("the guest's page with notices has no axe-core violations", async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'ru-RU', bypassCSP: true });
    const page = await context.newPage();
    await page.goto(links.spring);
    await page.getByText('Воды нет до 18:00').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
