import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSignedIn } from './signed-in';
import { launchBrowser, newPage, PHONE, SignInPage } from './support';

let browser: Browser;
const baseURL = inject('baseURL');
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('a host on a 320 px phone', () => {
  it('adds a room with four beds, takes one out of service, and the board shows 3 free', async () => {
    const { context, page } = await newPage(browser, baseURL, PHONE);
    await openSignedIn(page, 'host@waystation.test');
    await page.getByRole('link', { name: 'Fatih Free Shelter' }).click();
    await page.getByRole('link', { name: 'Rooms and beds' }).click();

    await page.getByLabel('Room name').last().fill('Attic');
    await page.locator('#new-room-kind').selectOption({ label: 'Mixed dorm' });
    await page.locator('#new-room-beds').fill('4');
    await page.getByRole('button', { name: 'Add room' }).click();
    await page.getByText('Room added.').waitFor();

    const attic = page.getByRole('region', { name: 'Attic' });
    await attic.getByText('Edit bed 2').click();
    const bed = attic.getByRole('listitem', { name: 'Attic, bed 2' });
    await bed.getByLabel('Reason it is out of service').fill('Leaking roof above');
    await bed.getByRole('button', { name: 'Take out of service' }).click();
    await bed.getByText('out of service', { exact: true }).waitFor();

    await page.getByRole('link', { name: /Fatih Free Shelter/ }).click();
    await page.waitForURL(/\/shelters\/[^/]+$/);
    const room = page.getByRole('region', { name: 'Attic' });
    expect(await room.getByText('3 of 3 beds free').isVisible()).toBe(true);
    expect(await room.getByText('1 out of service').isVisible()).toBe(true);
    expect(await room.locator('[data-state=free]').count()).toBe(3);
    expect(await room.locator('[data-state=out_of_service]').allTextContents()).toEqual(['2out of service']);
    // Nothing spills sideways at 320 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await context.close();
  });

  it('refuses an absurd number of beds with a message next to the field', async () => {
    const { context, page } = await newPage(browser, baseURL, PHONE);
    await openSignedIn(page, 'host@waystation.test');
    await page.getByRole('link', { name: 'Fatih Free Shelter' }).click();
    await page.getByRole('link', { name: 'Rooms and beds' }).click();
    await page.getByLabel('Room name').last().fill('Warehouse');
    await page.locator('#new-room-beds').fill('10000');
    await page.getByRole('button', { name: 'Add room' }).click();
    await page.getByText('Choose between 0 and 50 beds; you can add more later.').waitFor();
    expect(await page.locator('#new-room-beds').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Room name').last().inputValue()).toBe('Warehouse');
    expect(await page.getByRole('region', { name: 'Warehouse' }).count()).toBe(0);
    await context.close();
  });

  it('switches to Russian and sees Russian labels; a fresh browser signs in to the language its sign-in page showed', async () => {
    const { context, page } = await newPage(browser, baseURL, PHONE);
    await new SignInPage(page).signInAndWait('host@waystation.test');
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('heading', { name: 'Ваши приюты' }).waitFor();
    expect(await page.getByRole('button', { name: 'Выйти' }).isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');

    // A new browser in Turkish shows the sign-in page in Turkish, and the screens after it follow.
    const fresh = await newPage(browser, baseURL, PHONE, 'tr-TR');
    await new SignInPage(fresh.page).signInAndWait('host@waystation.test');
    await fresh.page.getByRole('heading', { name: 'Barınaklarınız' }).waitFor();
    expect(await fresh.page.locator('html').getAttribute('lang')).toBe('tr');
    await fresh.page.getByRole('button', { name: 'English' }).click();
    await fresh.page.getByRole('heading', { name: 'Your shelters' }).waitFor();
    await Promise.all([context.close(), fresh.context.close()]);
  });
});
