import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { MIN_FILL_MS } from '@/lib/requests/form-guard';
import { FIXTURE_PASSWORD, makeCity, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { startServer } from '../support/next-server';
import { axeViolations, DESKTOP, launchBrowser, PHONE, screenshot, shotsDir, SignInPage } from './support';

const SHOTS = shotsDir('cities');
let server: Awaited<ReturnType<typeof startServer>>;
let dir: string;
let browser: Browser;
let sqlite: ReturnType<typeof openDatabase>['sqlite'];
let kentronId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'waystation-cities-'));
  const databasePath = join(dir, 'cities.db');
  const opened = openDatabase(databasePath);
  migrateDatabase(opened.db);
  const istanbul = makeCity(opened.db, 'Istanbul', { slug: 'istanbul' });
  opened.sqlite.prepare("insert into city_names (city_id, locale, name) values (?, 'ru', 'Стамбул')").run(istanbul.id);
  opened.sqlite
    .prepare("insert into network_settings (id, contact_phone, contact_telegram) values (1, '+90 555 000 0100', '@network_help')")
    .run();
  const listed = { status: 'open' as const, listedPublicly: true, lastConfirmedAt: new Date(), cityId: istanbul.id };
  makeRoom(opened.db, makeShelter(opened.db, { ...listed, name: 'Fatih Hall', district: 'Fatih' }).id, 'mixed', 4);
  kentronId = makeShelter(opened.db, { ...listed, name: 'Kentron Flat', district: 'Kentron', address: 'Secret Street 1' }).id;
  makeRoom(opened.db, kentronId, 'family', 3);
  makeUser(opened.db, 'admin', { email: 'cities-admin@waystation.test' });
  opened.sqlite.close();
  server = await startServer(databasePath);
  sqlite = openDatabase(databasePath).sqlite;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  sqlite?.close();
  server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
const yerevanId = () => sqlite.prepare("select id from cities where slug = 'yerevan'").pluck().get() as string | undefined;

describe('cities, from the admin to the public list and the request form', () => {
  it('an admin adds a city, moves a shelter into it, and is refused deleting it while the shelter is there', async () => {
    const context = await browser.newContext({ baseURL: server.baseURL, viewport: DESKTOP });
    const page = await context.newPage();
    await new SignInPage(page).signIn('cities-admin@waystation.test', FIXTURE_PASSWORD);
    await page.waitForURL(/\/shelters$/);
    await page.goto('/settings');
    await page.getByRole('link', { name: /Cities \(names, time zone, public contact\)/ }).click();
    await page.waitForURL(/\/settings\/cities$/);

    const add = page.getByRole('region', { name: 'Add a city' });
    await add.getByLabel('In English').fill('Yerevan');
    await add.getByLabel('In Russian').fill('Ереван');
    await add.getByLabel('Time zone').fill('Asia/Nowhere');
    await add.getByLabel('Phone').fill('+374 55 000 0100');
    await add.getByRole('button', { name: 'Add city' }).click();
    await expect.poll(() => add.getByText('Not a time zone we know. Write it like Europe/Istanbul.').isVisible()).toBe(true);
    expect(yerevanId()).toBeUndefined();

    await add.getByLabel('Time zone').fill('Asia/Yerevan');
    await add.getByRole('button', { name: 'Add city' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Yerevan', level: 2 }).isVisible()).toBe(true);
    expect(sqlite.prepare("select slug, time_zone as zone, contact_phone as phone from cities where slug = 'yerevan'").get()).toEqual({
      slug: 'yerevan',
      zone: 'Asia/Yerevan',
      phone: '+374 55 000 0100',
    });
    expect(sqlite.prepare("select count(*) from audit_events where action = 'city.create'").pluck().get()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, SHOTS, 'settings-cities-1280.png', { fullPage: true });

    await page.goto(`/shelters/${kentronId}/profile`);
    await page.getByLabel('City', { exact: true }).selectOption({ label: 'Yerevan' });
    await page.getByRole('button', { name: 'Save profile' }).last().click();
    await expect.poll(() => sqlite.prepare('select city_id from shelters where id = ?').pluck().get(kentronId)).toBe(yerevanId());

    await page.goto('/shelters');
    expect(await page.getByText('Kentron · Yerevan').isVisible()).toBe(true);

    await page.goto('/settings/cities');
    const yerevan = page.getByRole('region', { name: 'Yerevan' });
    await yerevan.getByRole('button', { name: 'Delete city' }).click();
    await yerevan.getByRole('button', { name: 'Yes' }).click();
    await expect.poll(() => yerevan.getByText('1 shelter is still in this city: move them to another city first.').isVisible()).toBe(true);
    expect(yerevanId()).toBeDefined();

    await page.setViewportSize(PHONE);
    await page.goto('/settings/cities');
    expect(await noSideScroll(page)).toBe(true);
    await screenshot(page, SHOTS, 'settings-cities-320.png', { fullPage: true });
    await context.close();
  });

  it('the public list runs city by city with each contact, ?city= shows one, and a request from Yerevan joins its queue', async () => {
    const context = await browser.newContext({
      baseURL: server.baseURL,
      viewport: PHONE,
      locale: 'ru-RU',
      isMobile: true,
      hasTouch: true,
      bypassCSP: true,
      extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.77' },
    });
    const page = await context.newPage();
    await page.goto('/shelters');
    const yerevan = page.getByRole('region', { name: 'Ереван' });
    const istanbul = page.getByRole('region', { name: 'Стамбул' });
    expect(await yerevan.getByRole('heading', { name: 'Kentron Flat' }).isVisible()).toBe(true);
    expect(await yerevan.getByRole('link', { name: 'Позвонить: +374 55 000 0100' }).isVisible()).toBe(true);
    // Istanbul has no contact of its own: the network's stands in.
    expect(await istanbul.getByRole('link', { name: 'Позвонить: +90 555 000 0100' }).isVisible()).toBe(true);
    expect(await istanbul.getByRole('heading', { name: 'Fatih Hall' }).isVisible()).toBe(true);
    expect(await page.content()).not.toContain('Secret Street');
    expect(await page.locator('script').count()).toBe(0);
    expect(await noSideScroll(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, SHOTS, 'public-shelters-320.png', { fullPage: true });

    await page.goto('/shelters?city=yerevan');
    expect(await page.getByRole('heading', { name: 'Kentron Flat' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Fatih Hall' }).count()).toBe(0);

    const unknown = await page.goto('/shelters?city=%3Cb%3Eatlantis');
    expect(unknown?.status()).toBe(200);
    expect(await page.getByText('Такого города здесь нет; показаны все города.').isVisible()).toBe(true);
    expect(await page.content()).not.toContain('atlantis');

    await page.goto('/shelters?city=yerevan');
    await page.getByRole('link', { name: 'Попросить место' }).click();
    await page.waitForURL(/\/request\?lang=ru&city=yerevan$/);
    expect(await page.getByLabel('Город, где вы сейчас').inputValue()).toBe(yerevanId());
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, SHOTS, 'request-320.png', { fullPage: true });
    await page.getByLabel('Ваше имя или ник').fill('Нарине');
    await page.getByLabel('Женщины').fill('1');
    await page.getByLabel('Telegram, WhatsApp или телефон').fill('@narine');
    await page.waitForTimeout(MIN_FILL_MS + 300);
    await page.getByRole('button', { name: 'Отправить заявку' }).click();
    await page.waitForURL(/\/s\//);
    expect(sqlite.prepare("select city_id from arrivals where alias = 'Нарине'").pluck().get()).toBe(yerevanId());
    await context.close();
  });
});
