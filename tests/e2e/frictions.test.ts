import type { Browser } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '@/db';
import { users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { makeUser } from '../support/fixtures';
import { launchBrowser, newPage, PHONE } from './support';

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

describe('the language picked on the sign-in page', () => {
  it('becomes the account’s language: Russian after sign-in, and on the next sign-in from another browser', async () => {
    const guide = makeUser(db, 'coordinator', { email: 'frictions-locale@example.test', passwordHash: await hashPassword(PASSWORD) });
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

    // A fresh browser (English), no choice made: the account's own language, now Russian, wins.
    const other = await newPage(browser, baseURL);
    await other.page.goto('/login');
    await other.page.getByLabel('Email').fill(guide.email);
    await other.page.getByLabel('Password').fill(PASSWORD);
    await other.page.getByRole('button', { name: 'Sign in' }).click();
    await other.page.waitForURL(/\/arrivals$/);
    expect(await other.page.locator('html').getAttribute('lang')).toBe('ru');
    await other.context.close();
  });

  it('is not taken from a language cookie left by an earlier session: an account never chosen for keeps its own', async () => {
    const host = makeUser(db, 'host', { email: 'frictions-locale-kept@example.test', passwordHash: await hashPassword(PASSWORD) });
    db.update(users).set({ locale: 'tr' }).where(eq(users.id, host.id)).run();
    const { context, page } = await newPage(browser, baseURL);
    await context.addCookies([{ name: 'waystation-locale', value: 'ru', url: baseURL }]);
    await page.goto('/login');
    await page.getByLabel('Эл. почта').fill(host.email);
    await page.getByLabel('Пароль').fill(PASSWORD);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL(/\/shelters$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('tr');
    expect(db.select({ locale: users.locale }).from(users).where(eq(users.id, host.id)).get()?.locale).toBe('tr');
    await context.close();
  });
});
