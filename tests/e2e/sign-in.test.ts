import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage, SignInPage } from './support';

let browser: Browser;
const baseURL = inject('baseURL');
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('signing in', () => {
  it('an admin sees every shelter and the staff page', async () => {
    const { context, page } = await newPage(browser, baseURL);
    await new SignInPage(page).signInAndWait('admin@waystation.test');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Shelters');
    const names = await page.locator('.shelter-list h2').allTextContents();
    // Every demo shelter, the paused one included (other tests may have added more).
    expect(names).toEqual(expect.arrayContaining(['Beşiktaş Flat', 'Fatih Free Shelter', 'Kadıköy Church Hall', 'Şişli Community Centre']));
    await page.getByRole('link', { name: 'Staff' }).click();
    await page.waitForURL('**/staff');
    expect(await page.getByRole('heading', { name: 'Invite someone' }).isVisible()).toBe(true);
    await context.close();
  });

  it('a guide sees the open shelters read-only and no staff page', async () => {
    const { context, page } = await newPage(browser, baseURL);
    await new SignInPage(page).signInAndWait('guide@waystation.test');
    expect(new URL(page.url()).pathname).toBe('/arrivals');
    await page.goto('/shelters');
    // Şişli is paused in the demo data, so a guide does not see it.
    const names = await page.locator('.shelter-list h2').allTextContents();
    expect(names).toEqual(expect.arrayContaining(['Beşiktaş Flat', 'Fatih Free Shelter', 'Kadıköy Church Hall']));
    expect(names).not.toContain('Şişli Community Centre');
    expect(await page.getByRole('link', { name: 'Staff' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Fatih Free Shelter' }).click();
    await page.getByText('You can see this board but not change it.').waitFor();
    expect(await page.getByRole('button', { name: 'Availability is correct' }).count()).toBe(0);
    const staff = await page.goto('/staff');
    expect(staff?.status()).toBe(404);
    await context.close();
  });

  it('a host sees only their own shelter and can confirm its availability', async () => {
    const { context, page } = await newPage(browser, baseURL);
    await new SignInPage(page).signInAndWait('host@waystation.test');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your shelters');
    expect(await page.locator('.shelter-list > li').allTextContents()).toEqual([expect.stringContaining('Fatih Free Shelter')]);
    await page.getByRole('link', { name: 'Fatih Free Shelter' }).click();
    await page.getByRole('button', { name: 'Availability is correct' }).click();
    await page.getByText('Thank you. Availability confirmed.').waitFor();
    expect(await page.locator('.summary .confirmed').textContent()).toMatch(/Confirmed now|Confirmed \d+ seconds? ago/);
    await context.close();
  });

  it('a wrong password is refused with the same message as an unknown email', async () => {
    const { context, page } = await newPage(browser, baseURL);
    const signIn = new SignInPage(page);
    await signIn.signIn('host@waystation.test', 'not-the-password');
    expect(await signIn.alertText()).toBe('Wrong email or password.');
    expect(await page.getByLabel('Email').inputValue()).toBe('host@waystation.test');

    await signIn.signIn('nobody@waystation.test', 'not-the-password');
    expect(await signIn.alertText()).toBe('Wrong email or password.');
    expect(page.url()).toMatch(/\/login$/);
    await context.close();
  });

  it('a page of the staff area sends a signed-out visitor to sign in; /shelters shows them the public list', async () => {
    const { context, page } = await newPage(browser, baseURL);
    await page.goto('/arrivals');
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.goto('/shelters');
    expect(new URL(page.url()).pathname).toBe('/shelters');
    await page.getByRole('heading', { name: 'Shelters with room tonight' }).waitFor();
    await context.close();
  });
});
