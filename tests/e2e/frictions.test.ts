import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '@/db';
import { arrivals, networkSettings, roomNames, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { makeArrival, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { axeViolations, launchBrowser, newPage, PHONE, screenshot, shotsDir } from './support';

// The smaller frictions of a surge night (issue 16), walked as the person who met each one.
let browser: Browser;
const baseURL = inject('baseURL');
const { db, sqlite } = openDatabase(inject('databasePath'));
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  sqlite.close();
});

const PASSWORD = 'night flights from antalya';
const SHOTS = shotsDir('frictions');

/** Fits 320 px, has no axe-core violations (WCAG 2.1 A and AA), and is kept as a screenshot when asked. */
async function looksRight(page: Page, shot: string) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, SHOTS, `${shot}.png`, { fullPage: true });
}

async function signIn(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel(/Email|Эл. почта/).fill(email);
  await page.getByLabel(/^(Password|Пароль)$/).fill(PASSWORD);
  await page.getByRole('button', { name: /^(Sign in|Войти)$/ }).click();
  await page.waitForURL(/\/(shelters|arrivals)$/);
}

describe('the language picked on the sign-in page', () => {
  it('becomes the account’s language: Russian after sign-in, and on the next sign-in from another browser', async () => {
    const guide = makeUser(db, 'guide', { email: 'frictions-locale@example.test', passwordHash: await hashPassword(PASSWORD) });
    expect(guide.locale).toBe('en');

    const { context, page } = await newPage(browser, baseURL, PHONE);
    await page.goto('/login');
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('button', { name: 'Войти' }).waitFor();
    await page.getByLabel('Эл. почта').fill(guide.email);
    await page.getByLabel('Пароль').fill(PASSWORD);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL(/\/arrivals$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await page.getByRole('button', { name: 'Выйти' }).waitFor();
    expect(db.select({ locale: users.locale }).from(users).where(eq(users.id, guide.id)).get()?.locale).toBe('ru');
    await context.close();

    // A fresh browser in English, no tap: the page was English, so English after sign-in; the account keeps Russian.
    const other = await newPage(browser, baseURL);
    await other.page.goto('/login');
    await other.page.getByLabel('Email').fill(guide.email);
    await other.page.getByLabel('Password').fill(PASSWORD);
    await other.page.getByRole('button', { name: 'Sign in' }).click();
    await other.page.waitForURL(/\/arrivals$/);
    expect(await other.page.locator('html').getAttribute('lang')).toBe('en');
    expect(db.select({ locale: users.locale }).from(users).where(eq(users.id, guide.id)).get()?.locale).toBe('ru');
    await other.context.close();
  });

  it('is the language the page took from the phone: a Turkish phone signs in to Turkish screens, the account unchanged', async () => {
    const guide = makeUser(db, 'guide', { email: 'frictions-locale-phone@example.test', passwordHash: await hashPassword(PASSWORD) });
    expect(guide.locale).toBe('en');
    const context = await browser.newContext({ baseURL, viewport: PHONE, locale: 'tr-TR' });
    const page = await context.newPage();
    await page.goto('/login');
    expect(await page.locator('html').getAttribute('lang')).toBe('tr');
    await page.getByLabel('E-posta').fill(guide.email);
    await page.getByLabel('Şifre').fill(PASSWORD);
    await page.getByRole('button', { name: 'Oturum aç' }).click();
    await page.waitForURL(/\/arrivals$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('tr');
    await page.goto('/arrivals/new');
    expect(await page.locator('html').getAttribute('lang')).toBe('tr');
    await looksRight(page, 'signed-in-from-turkish-phone-320');
    expect(db.select({ locale: users.locale }).from(users).where(eq(users.id, guide.id)).get()?.locale).toBe('en');
    await context.close();
  });

  it('from a language cookie left by an earlier session: the page’s language after sign-in, but the account keeps its own', async () => {
    const host = makeUser(db, 'host', { email: 'frictions-locale-kept@example.test', passwordHash: await hashPassword(PASSWORD) });
    db.update(users).set({ locale: 'tr' }).where(eq(users.id, host.id)).run();
    const { context, page } = await newPage(browser, baseURL);
    await context.addCookies([{ name: 'waystation-locale', value: 'ru', url: baseURL }]);
    await page.goto('/login');
    await page.getByLabel('Эл. почта').fill(host.email);
    await page.getByLabel('Пароль').fill(PASSWORD);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL(/\/shelters$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    expect(db.select({ locale: users.locale }).from(users).where(eq(users.id, host.id)).get()?.locale).toBe('tr');
    await context.close();
  });
});

describe('a registration made by mistake, and erasing details', () => {
  it('sit folded at the foot of the household page, apart from the place buttons, and each asks first', async () => {
    const guide = makeUser(db, 'guide', { email: 'frictions-mistaken@example.test', passwordHash: await hashPassword(PASSWORD) });
    const twice = makeArrival(db, { alias: 'Timur-twice', adultMen: 1, adultWomen: 0 });
    const { context, page } = await newPage(browser, baseURL, PHONE);
    await signIn(page, guide.email);
    await page.goto(`/arrivals/${twice.id}`);
    await page.getByRole('heading', { name: 'Timur-twice' }).waitFor();
    // Nothing that ends the registration is on screen until its section is opened.
    expect(await page.getByRole('button', { name: 'Erase details now' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Registered by mistake' }).isVisible()).toBe(false);
    await page.getByText('If this registration is wrong').click();
    await looksRight(page, 'household-ending-320');
    await page.getByRole('button', { name: 'Registered by mistake' }).click();
    await page.getByText('Take this registration out as made by mistake?').waitFor();
    // Asking wrote nothing.
    expect(db.select({ status: arrivals.status }).from(arrivals).where(eq(arrivals.id, twice.id)).get()?.status).toBe('waiting');
    await page.getByRole('button', { name: 'Yes' }).click();
    await page.waitForURL(/\/arrivals$/);
    expect(db.select({ status: arrivals.status }).from(arrivals).where(eq(arrivals.id, twice.id)).get()?.status).toBe('mistaken');
    expect(await page.getByText('Timur-twice').count()).toBe(0);
    await context.close();
  });
});

describe('rooms’ names per language', () => {
  it('a host names a room in Russian; their Russian rooms page and board show it, as text', async () => {
    const shelter = makeShelter(db, { name: 'Frictions Üsküdar Hall' });
    const { room } = makeRoom(db, shelter.id, 'men', 2);
    const host = makeUser(db, 'host', {
      email: 'frictions-rooms@example.test',
      shelterIds: [shelter.id],
      passwordHash: await hashPassword(PASSWORD),
    });
    db.update(users).set({ locale: 'ru' }).where(eq(users.id, host.id)).run();
    // A phone in Russian: the sign-in page, and so the screens after it, are in Russian.
    const { context, page } = await newPage(browser, baseURL, PHONE, 'ru-RU');
    await signIn(page, host.email);
    await page.goto(`/shelters/${shelter.id}/rooms`);
    await page.getByRole('heading', { name: room.name }).waitFor();
    // Its heading, and so the section's name, changes with the name: find it by the room.
    const section = page.locator(`section[aria-labelledby="room-${room.id}"]`);
    await section.getByText('Изменить комнату').click();
    await section.getByLabel('Название: Русский').fill('<b>Мужская</b> комната');
    await section.getByRole('button', { name: 'Сохранить названия' }).click();
    await page.getByRole('heading', { name: '<b>Мужская</b> комната' }).waitFor();
    expect(db.select().from(roomNames).where(eq(roomNames.roomId, room.id)).all()).toEqual([
      { roomId: room.id, locale: 'ru', name: '<b>Мужская</b> комната' },
    ]);
    await looksRight(page, 'rooms-names-ru-320');
    await page.goto(`/shelters/${shelter.id}`);
    await page.getByRole('heading', { name: '<b>Мужская</b> комната' }).waitFor();
    expect(await page.locator('b', { hasText: 'Мужская' }).count()).toBe(0);
    await context.close();
  });
});

describe('the staff idle limit', () => {
  it('an admin sets it on the settings page, within 15 minutes to 4 hours', async () => {
    const admin = makeUser(db, 'admin', { email: 'frictions-idle@example.test', passwordHash: await hashPassword(PASSWORD) });
    const { context, page } = await newPage(browser, baseURL, PHONE);
    await signIn(page, admin.email);
    await page.goto('/settings');
    const section = page.getByRole('region', { name: 'Signing out idle staff' });
    const field = section.getByLabel('Minutes without a click before staff must sign in again');
    expect(await field.inputValue()).toBe('30');
    await field.fill('5');
    await section.getByRole('button', { name: 'Save' }).click();
    await section.getByText('Choose between 15 and 240 minutes.').waitFor();
    await field.fill('90');
    await section.getByRole('button', { name: 'Save' }).click();
    await section.getByText('Saved.').waitFor();
    expect(db.select({ idleMinutes: networkSettings.idleMinutes }).from(networkSettings).get()?.idleMinutes).toBe(90);
    await looksRight(page, 'settings-idle-320');
    // Back to the default, for the other files' sessions.
    await field.fill('30');
    await section.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => db.select({ idleMinutes: networkSettings.idleMinutes }).from(networkSettings).get()?.idleMinutes).toBe(30);
    await context.close();
  });
});
