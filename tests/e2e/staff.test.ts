import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSignedIn } from './signed-in';
import { acceptInvitation, inviteThroughUi, launchBrowser, newPage, SignInPage } from './support';

let browser: Browser;
const baseURL = inject('baseURL');
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('staff accounts', () => {
  it('an admin invites a host, who sets a password, is signed in and can sign in again', async () => {
    const admin = await newPage(browser, baseURL);
    await openSignedIn(admin.page, 'admin@waystation.test');
    const link = await inviteThroughUi(admin.page, 'zeynep@example.test', 'host', 'Kadıköy Church Hall');
    expect(link).toMatch(new RegExp(`^${baseURL}/invite/[A-Za-z0-9_-]{40,}$`));

    const host = await newPage(browser, baseURL);
    await host.page.goto(link);
    // A common password is refused next to the field, and what was typed stays.
    await host.page.getByLabel('Your name').fill('Zeynep');
    await host.page.getByLabel('Password', { exact: true }).fill('password1234');
    await host.page.getByLabel('Password again').fill('password1234');
    await host.page.getByRole('button', { name: 'Create my account' }).click();
    await host.page.getByText('This password is among the most common ones. Choose another.').waitFor();
    expect(await host.page.getByLabel('Your name').inputValue()).toBe('Zeynep');

    await acceptInvitation(host.page, link, 'Zeynep', 'ferry to kadikoy at dawn');
    expect(await host.page.locator('.shelter-list > li').allTextContents()).toEqual([expect.stringContaining('Kadıköy Church Hall')]);
    expect(await host.page.getByText('Zeynep · host').isVisible()).toBe(true);

    // The link worked once.
    const reused = await newPage(browser, baseURL);
    await reused.page.goto(link);
    expect(await reused.page.getByRole('heading', { name: 'This invitation cannot be used' }).isVisible()).toBe(true);

    await host.page.getByRole('button', { name: 'Sign out' }).click();
    await host.page.waitForURL('**/login');
    await new SignInPage(host.page).signInAndWait('zeynep@example.test', 'ferry to kadikoy at dawn');
    await Promise.all([admin.context.close(), host.context.close(), reused.context.close()]);
  });

  it('a disabled host is thrown out at the next click, though their cookie is still valid', async () => {
    const admin = await newPage(browser, baseURL);
    await openSignedIn(admin.page, 'admin@waystation.test');
    const link = await inviteThroughUi(admin.page, 'leaving-host@example.test', 'host', 'Beşiktaş Flat');
    const host = await newPage(browser, baseURL);
    await acceptInvitation(host.page, link, 'Mehmet', 'a kettle on the balcony');
    await host.page.getByRole('link', { name: 'Beşiktaş Flat' }).click();
    await host.page.getByRole('heading', { name: 'Beşiktaş Flat' }).waitFor();

    await admin.page.goto('/staff');
    const card = admin.page.getByRole('listitem', { name: 'leaving-host@example.test' });
    await card.getByRole('button', { name: 'Disable account' }).click();
    await card.getByRole('button', { name: 'Yes' }).click();
    await card.getByText('Account disabled.').waitFor();

    await host.page.getByRole('link', { name: 'Rooms and beds' }).click();
    await host.page.waitForURL('**/login');
    expect(await host.page.getByRole('heading', { name: 'Sign in' }).isVisible()).toBe(true);
    // And the password no longer opens the door.
    const signIn = new SignInPage(host.page);
    await signIn.signIn('leaving-host@example.test', 'a kettle on the balcony');
    expect(await signIn.alertText()).toBe('Wrong email or password.');
    await Promise.all([admin.context.close(), host.context.close()]);
  });

  it('signing out ends the session for good: the old cookie opens nothing', async () => {
    const { context, page } = await newPage(browser, baseURL);
    await new SignInPage(page).signInAndWait('guide@waystation.test');
    const cookies = await context.cookies();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/login');

    const thief = await browser.newContext({ baseURL });
    await thief.addCookies(cookies);
    const stolen = await thief.newPage();
    await stolen.goto('/shelters');
    expect(new URL(stolen.url()).pathname).toBe('/login');
    await Promise.all([context.close(), thief.close()]);
  });
});
