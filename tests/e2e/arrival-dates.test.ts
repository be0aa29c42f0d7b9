import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '@/db';
import { shelters, stayBeds, stays } from '@/db/schema';
import { addNights, tonightIn } from '@/lib/calendar/nights';
import { holdUntilFor } from '@/lib/nights/door';
import { hashLinkToken, newLinkToken } from '@/lib/placement/links';
import { makeArrival } from '../support/fixtures';
import { axeViolations, launchBrowser, PHONE, screenshot, shotsDir } from './support';

// The arrival's link for a booking ahead, and the page of a request still waiting, on a 320 px phone.
const baseURL = inject('baseURL');
const { db, sqlite } = openDatabase(inject('databasePath'));
const SHOTS = shotsDir('arrival-dates');
let browser: Browser;
let aheadLink: string;
let waitingLink: string;

beforeAll(async () => {
  browser = await launchBrowser();
  const shelter = db
    .select()
    .from(shelters)
    .all()
    .find((row) => row.name === 'Fatih Free Shelter')!;
  const firstNight = addNights(tonightIn(shelter.timeZone, new Date()), 1);
  const bed = sqlite
    .prepare(
      `select b.id from beds b join rooms r on r.id = b.room_id
        where r.shelter_id = ? and r.kind in ('women', 'mixed') and b.out_of_service_reason is null
          and not exists (select 1 from bed_nights n where n.bed_id = b.id and n.night between ? and ?)
          -- A checked-in guest keeps their bed until checked out, past their departure too.
          and not exists (select 1 from stay_beds sb join stays s on s.id = sb.stay_id
                           where sb.bed_id = b.id and sb.released_at is null and s.status = 'checked_in')
        limit 1`,
    )
    .pluck()
    .get(shelter.id, firstNight, addNights(firstNight, 2)) as string;
  const token = newLinkToken();
  const stay = db
    .insert(stays)
    .values({
      arrivalId: makeArrival(db, { alias: 'Private Alias Dates', status: 'placed' }).id,
      shelterId: shelter.id,
      holdUntil: holdUntilFor(shelter, firstNight),
      firstNight,
      departure: addNights(firstNight, 3),
      linkTokenHash: hashLinkToken(token),
      linkExpiresAt: new Date(Date.now() + 30 * 86_400_000),
    })
    .returning()
    .get();
  db.insert(stayBeds).values({ stayId: stay.id, bedId: bed }).run();
  for (let night = firstNight; night < stay.departure!; night = addNights(night, 1)) {
    sqlite.prepare('insert into bed_nights (bed_id, night, stay_id) values (?, ?, ?)').run(bed, night, stay.id);
  }
  aheadLink = `${baseURL}/s/${token}`;
  const request = newLinkToken();
  makeArrival(db, { alias: 'Private Alias Waiting', selfRegistered: true, requestTokenHash: hashLinkToken(request) });
  waitingLink = `${baseURL}/s/${request}`;
});
afterAll(async () => {
  await browser?.close();
  sqlite.close();
});

async function phone(locale: string, url: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: PHONE, locale, isMobile: true, hasTouch: true, bypassCSP: true });
  const page = await context.newPage();
  expect((await page.goto(url))?.status()).toBe(200);
  return { page, close: () => context.close() };
}

async function looksRight(page: Page, shot: string, allowed: string[] = []) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  expect((await axeViolations(page)).filter((violation) => !allowed.some((rule) => violation.startsWith(`${rule}:`)))).toEqual([]);
  await screenshot(page, SHOTS, `${shot}.png`, { fullPage: true });
}

describe('a booking ahead on the arrival’s link, 320 px', () => {
  it.each([
    ['en-GB', 'en', /Your bed is kept from \w+ \d+; check in \d\d:\d\d–\d\d:\d\d on/, /3 nights, .+; check out by \d\d:\d\d on/],
    ['ru-RU', 'ru', /Ваша кровать ждёт вас с \d+ \S+; заселение/, /3 ночи: .+; выезд \d+ \S+ до \d\d:\d\d\./],
  ])('in %s: the nights, the first day and the door’s hours that day', async (locale, lang, kept, nights) => {
    const { page, close } = await phone(locale, `${aheadLink}?lang=${lang}`);
    const status = (await page.getByRole('status').innerText()).replace(/\u2009/g, ' ');
    expect(status).toMatch(kept);
    expect(status).toMatch(nights);
    expect(await page.locator('body').innerText()).not.toContain('Private Alias');
    await looksRight(page, `arrival-ahead-${lang}-320`);
    await close();
  });
});

describe('a request still waiting, 320 px', () => {
  it.each([
    ['en-GB', 'en', /usually placed within|Probably tomorrow|cannot say yet/, 'Stop refreshing', 'Refresh every minute again'],
    ['ru-RU', 'ru', /Обычно|Скорее всего, завтра|Пока мы не можем сказать/, 'Не обновлять', 'Снова обновлять каждую минуту'],
  ])('in %s: an expected wait in words, no place in the queue; its refresh can be stopped', async (locale, lang, expected, stop, again) => {
    const { page, close } = await phone(locale, `${waitingLink}?lang=${lang}`);
    const status = await page.getByRole('status').innerText();
    expect(status).toMatch(expected);
    expect(status).not.toMatch(/#\s?\d|№/);
    // The waiting page reloads itself each minute, as asked, and says so: axe flags any timed refresh
    // (WCAG 2.2.1), so the running page waives that one rule; its "stop" link leads to a page with no
    // refresh at all, which passes every rule, and back.
    await looksRight(page, `waiting-${lang}-320`, ['meta-refresh']);
    await page.getByRole('link', { name: stop }).click();
    await page.waitForURL(/refresh=off/);
    expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(0);
    await looksRight(page, `waiting-paused-${lang}-320`);
    await page.getByRole('link', { name: again }).click();
    await page.waitForURL((url) => !url.search.includes('refresh=off'));
    expect(await page.locator('meta[http-equiv="refresh"]').getAttribute('content')).toBe('60');
    await close();
  });
});
