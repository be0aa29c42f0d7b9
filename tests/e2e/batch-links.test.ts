import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { rooms, users } from '@/db/schema';
import { utcToZonedWallClock } from '@/lib/calendar/zones';
import { makeArrival, makeCity, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { startServer } from '../support/next-server';
import { openSignedIn } from './signed-in';
import { axeViolations, launchBrowser, newPage, PHONE, screenshot, shotsDir } from './support';

// A guide of two cities on a 320 px phone: the queue names its city and counts what it lists, the
// guide switches city, places three households of which one cannot be placed, and gets the two
// links ready to send and the third's reason in the words the household page uses; its tick stays.
// Each language's walk has a city, a shelter and a guide of its own.
const SHOTS = shotsDir('batch-links');
// A full-page shot of the long results waits for a frame: with both cores busy in `npm test` that once
// took longer than the 15 s every other step gets (a screenshot timed out, the page itself idle).
const SHOT_TIMEOUT = 60_000;
let dir: string;
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let databasePath: string;

/** One city's network: a shelter with two men's beds, two single men and a woman waiting, and a guide of this city and `other`. */
function network(db: ReturnType<typeof openDatabase>['db'], city: string, locale: string, other: string, email = `${locale}-guide`) {
  const now = new Date();
  const cityId = makeCity(db, city, { slug: city.toLowerCase(), timeZone: 'Asia/Yerevan' }).id;
  const shelter = makeShelter(db, {
    name: `${city} House`,
    district: 'Kentron',
    cityId,
    timeZone: 'Asia/Yerevan',
    status: 'open',
    lastConfirmedAt: now,
    checkInFrom: '00:00',
    checkInUntil: '23:59',
  });
  db.update(rooms)
    .set({ name: "Men's dorm" })
    .where(eq(rooms.id, makeRoom(db, shelter.id, 'men', 2).room.id))
    .run();
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
  makeArrival(db, { alias: 'Aram', adultMen: 1, adultWomen: 0, cityId, arrivedAt: minutesAgo(30), languages: ['ru'] });
  makeArrival(db, { alias: 'Davit', adultMen: 1, adultWomen: 0, cityId, arrivedAt: minutesAgo(20), languages: ['tr'] });
  makeArrival(db, { alias: 'Ani', adultMen: 0, adultWomen: 1, cityId, arrivedAt: minutesAgo(10) });
  const otherId = makeCity(db, other, { slug: other.toLowerCase(), timeZone: 'Asia/Tbilisi' }).id;
  makeArrival(db, { alias: 'Nino', adultMen: 0, adultWomen: 1, cityId: otherId, arrivedAt: minutesAgo(5) });
  const guide = makeUser(db, 'guide', { email: `${email}@waystation.test`, cityIds: [cityId, otherId] });
  db.update(users).set({ locale }).where(eq(users.id, guide.id)).run();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'waystation-batch-links-'));
  databasePath = join(dir, 'batch.db');
  const { db, sqlite } = openDatabase(databasePath);
  try {
    migrateDatabase(db);
    network(db, 'Yerevan', 'en', 'Tbilisi');
    network(db, 'Gyumri', 'ru', 'Batumi');
    network(db, 'Vanadzor', 'tr', 'Kutaisi');
    network(db, 'Ijevan', 'en', 'Rustavi', 'no-script');
  } finally {
    sqlite.close();
  }
  server = await startServer(databasePath);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * Whether a message sent now says "from tonight": from midnight to six in the morning, "tonight" is
 * the night under way, which a booking made now no longer starts (lib/i18n/share.ts); the message
 * names the first night's date instead.
 */
const tonightSaid = () => Number(utcToZonedWallClock(new Date(), 'Asia/Yerevan').slice(11, 13)) >= 6;

const queueSection = (page: Page) => page.locator('section[aria-labelledby="waiting-title"]');
const heading = (page: Page) => page.locator('#waiting-title');
const listed = (page: Page) => queueSection(page).locator('.queue > li');
/** The number in the heading's brackets, and how many households the list holds. */
const counts = async (page: Page) => [Number(/\((\d+)\)/.exec(await heading(page).innerText())?.[1]), await listed(page).count()];

async function tickAll(page: Page, aliases: string[]) {
  for (const alias of aliases)
    await listed(page)
      .filter({ has: page.getByRole('link', { name: alias, exact: true }) })
      .locator('input[type=checkbox]')
      .check();
}

describe('placing several from the queue, on a phone', () => {
  it('names the queue’s city and counts what it lists; switches city; hands back two links and the third’s reason, still ticked', async () => {
    const { context, page } = await newPage(browser, server.baseURL, PHONE);
    await openSignedIn(page, 'en-guide@waystation.test', { server, at: '/arrivals?city=yerevan' });
    expect(await heading(page).innerText()).toBe('Waiting in Yerevan (3)');
    expect(await counts(page)).toEqual([3, 3]);

    // The switch between the guide's cities: plain links.
    await page.getByRole('navigation', { name: 'Cities' }).getByRole('link', { name: 'Tbilisi' }).click();
    await page.waitForURL('**/arrivals?city=tbilisi');
    expect(await heading(page).innerText()).toBe('Waiting in Tbilisi (1)');
    expect(await counts(page)).toEqual([1, 1]);
    await page.getByRole('navigation', { name: 'Cities' }).getByRole('link', { name: 'Yerevan' }).click();
    await page.waitForURL('**/arrivals?city=yerevan');
    expect(await heading(page).innerText()).toBe('Waiting in Yerevan (3)');

    await tickAll(page, ['Aram', 'Davit', 'Ani']);
    const bar = page.getByRole('form', { name: 'Place the ticked households' });
    await bar.getByText('3 households ticked, 3 people').waitFor();
    await bar.getByLabel('Shelter').selectOption({ label: 'Yerevan House (Kentron): 2 free tonight' });
    await bar.getByRole('button', { name: 'Place them' }).click();
    await bar.getByText('2 of 3 placed at Yerevan House.').waitFor();

    const results = bar.getByRole('list', { name: 'Who got a bed' });
    const urls: string[] = [];
    for (const alias of ['Aram', 'Davit']) {
      const url = await results.getByLabel(`Link for ${alias}`).innerText();
      expect(url).toMatch(new RegExp(`^${server.baseURL}/s/[A-Za-z0-9_-]{43}$`));
      urls.push(url);
      const telegram = new URL((await results.getByRole('link', { name: `Send the link to ${alias} by Telegram` }).getAttribute('href'))!);
      expect([telegram.host, telegram.searchParams.get('url')]).toEqual(['t.me', url]);
      const whatsapp = new URL((await results.getByRole('link', { name: `Send the link to ${alias} by WhatsApp` }).getAttribute('href'))!);
      expect(whatsapp.host).toBe('wa.me');
      expect(whatsapp.searchParams.get('text')).toContain(url);
      await results.getByRole('button', { name: `Copy the message for ${alias}` }).waitFor();
    }
    // Each household's message is in its own language.
    expect(
      new URL((await results.getByRole('link', { name: 'Send the link to Aram by Telegram' }).getAttribute('href'))!).searchParams.get(
        'text',
      ),
    ).toMatch(/^Для вас есть место/);
    expect(
      new URL((await results.getByRole('link', { name: 'Send the link to Davit by Telegram' }).getAttribute('href'))!).searchParams.get(
        'text',
      ),
    ).toMatch(tonightSaid() ? /^Bu geceden itibaren yeriniz hazır/ : /^Yeriniz hazır, ilk gece \d{1,2} \p{L}+ /u);
    // Three nights asked for, and tonight both beds are gone: the suggestions' "Full on …".
    const refusal = await results.getByRole('listitem').last().innerText();
    expect(refusal).toMatch(/^Ani — Yerevan House: Full on \w{3} \d{1,2}$/);

    // One text with every link: name, shelter and dates per line.
    const all = (await bar.getByLabel('All links, one line per household').inputValue()).split('\n');
    expect(all).toHaveLength(2);
    all.forEach((line, i) =>
      expect(line).toMatch(new RegExp(`^${['Aram', 'Davit'][i]} — Yerevan House, \\w{3} \\d{1,2} – \\w{3} \\d{1,2}: ${urls[i]}$`)),
    );

    // Ani keeps her tick for the next try; the placed leave the queue, and the heading counts what is left.
    const ani = listed(page)
      .filter({ has: page.getByRole('link', { name: 'Ani', exact: true }) })
      .locator('input[type=checkbox]');
    expect(await ani.isChecked()).toBe(true);
    await bar.getByText('1 household ticked, 1 person').waitFor();
    await heading(page).getByText('Waiting in Yerevan (1)').waitFor();
    expect(await counts(page)).toEqual([1, 1]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, SHOTS, 'batch-en-320.png', { fullPage: true, timeout: SHOT_TIMEOUT });

    // Each link opens its household's page at the shelter.
    for (const url of urls) {
      const response = await page.request.get(url);
      expect(response.status()).toBe(200);
      expect(await response.text()).toContain('Yerevan House');
    }
    // The household page says the same of this shelter for Ani.
    await listed(page).getByRole('link', { name: 'Ani', exact: true }).click();
    const excluded = page.getByRole('region', { name: 'Cannot take this household' }).getByRole('listitem');
    await excluded.first().waitFor();
    expect(await excluded.allInnerTexts()).toEqual([refusal.replace('Ani — Yerevan House: ', 'Yerevan House — ')]);
    await context.close();
  }, 90_000);

  it('without JavaScript, the links and the reason still come back, as plain text and links', async () => {
    const context = await browser.newContext({ baseURL: server.baseURL, viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await openSignedIn(page, 'no-script@waystation.test', { server, at: '/arrivals?city=ijevan' });
    await tickAll(page, ['Aram', 'Davit', 'Ani']);
    await page.locator('#batch-shelter').selectOption({ label: 'Ijevan House (Kentron): 2 free tonight' });
    await page.getByRole('button', { name: 'Place them' }).click();
    await page.getByText('2 of 3 placed at Ijevan House.').waitFor();
    const results = page.getByRole('list', { name: 'Who got a bed' });
    expect(await results.getByLabel('Link for Aram').innerText()).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
    expect(await results.getByRole('link', { name: 'Send the link to Davit by WhatsApp' }).getAttribute('href')).toMatch(
      /^https:\/\/wa\.me\//,
    );
    expect(await results.getByRole('listitem').last().innerText()).toMatch(/^Ani — Ijevan House: Full on \w{3} \d{1,2}$/);
    expect((await page.getByLabel('All links, one line per household').inputValue()).split('\n')).toHaveLength(2);
    await context.close();
  }, 90_000);

  for (const [locale, city, other, cities, heads, placed, reason] of [
    [
      'ru',
      'Gyumri',
      'Batumi',
      'Города',
      ['Ждут места в городе Gyumri (3)', 'Ждут места в городе Gyumri (1)'],
      'Размещено 2 из 3 в «Gyumri House».',
      /^Ani — «Gyumri House»: Нет мест \d{1,2} \S+$/,
    ],
    [
      'tr',
      'Vanadzor',
      'Kutaisi',
      'Şehirler',
      ['Vanadzor şehrinde yer bekleyenler (3)', 'Vanadzor şehrinde yer bekleyenler (1)'],
      '3 haneden 2 tanesi Vanadzor House barınağına yerleştirildi.',
      /^Ani — Vanadzor House: \d{1,2} \S+ tarihinde dolu$/,
    ],
  ] as const) {
    it(`in ${locale}: the same walk, every line in the guide's language`, async () => {
      const { context, page } = await newPage(browser, server.baseURL, PHONE);
      await openSignedIn(page, `${locale}-guide@waystation.test`, { server, at: `/arrivals?city=${city.toLowerCase()}` });
      expect(await heading(page).innerText()).toBe(heads[0]);
      expect(await counts(page)).toEqual([3, 3]);
      await page.getByRole('navigation', { name: cities }).getByRole('link', { name: other }).click();
      await page.waitForURL(`**/arrivals?city=${other.toLowerCase()}`);
      expect(await counts(page)).toEqual([1, 1]);
      await page.getByRole('navigation', { name: cities }).getByRole('link', { name: city }).click();
      await page.waitForURL(`**/arrivals?city=${city.toLowerCase()}`);
      await tickAll(page, ['Aram', 'Davit', 'Ani']);
      await page.locator('#batch-shelter').selectOption({ index: 1 });
      await page.locator('#batch-place button[type=submit]').click();
      await page.getByText(placed).waitFor();
      await screenshot(page, SHOTS, `batch-${locale}-320.png`, { fullPage: true, timeout: SHOT_TIMEOUT });
      expect(await page.locator('#batch-place li').last().innerText()).toMatch(reason);
      expect(await heading(page).innerText()).toBe(heads[1]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    }, 90_000);
  }
});
