import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '@/db';
import { hashPassword } from '@/lib/auth/password';
import { makeUser } from '../support/fixtures';
import { launchBrowser, newPage, PHONE, SignInPage } from './support';

let browser: Browser;
const baseURL = inject('baseURL');
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('changing one’s password', () => {
  it('signs the person out on every other device and keeps this one signed in', async () => {
    // A guide of their own, so the demo accounts keep their password for the other tests.
    const { db, sqlite } = openDatabase(inject('databasePath'));
    const guide = makeUser(db, 'guide', { passwordHash: await hashPassword('lanterns over the bosphorus') });
    sqlite.close();

    const laptop = await newPage(browser, baseURL);
    await new SignInPage(laptop.page).signInAndWait(guide.email, 'lanterns over the bosphorus');
    const phone = await newPage(browser, baseURL, PHONE);
    await new SignInPage(phone.page).signInAndWait(guide.email, 'lanterns over the bosphorus');

    await phone.page.getByRole('link', { name: 'Password' }).click();
    await phone.page.getByRole('heading', { name: 'Change password' }).waitFor();
    // A wrong current password is refused next to its field; nothing changes.
    await phone.page.locator('#field-currentPassword').fill('not the password at all');
    await phone.page.getByLabel('New password', { exact: true }).fill('simit and tea at the pier');
    await phone.page.getByLabel('New password again').fill('simit and tea at the pier');
    await phone.page.getByRole('button', { name: 'Change password' }).click();
    await phone.page.getByText('This is not your current password.').waitFor();

    await phone.page.locator('#field-currentPassword').fill('lanterns over the bosphorus');
    await phone.page.getByLabel('New password', { exact: true }).fill('simit and tea at the pier');
    await phone.page.getByLabel('New password again').fill('simit and tea at the pier');
    await phone.page.getByRole('button', { name: 'Change password' }).click();
    await phone.page.getByText('Password changed. You were signed out on every other device.').waitFor();

    // The laptop's next click lands on the sign-in page; the phone carries on.
    await laptop.page.getByRole('link', { name: 'Shelters' }).click();
    await laptop.page.waitForURL('**/login');
    await phone.page.getByRole('link', { name: 'Arrivals' }).click();
    await phone.page.waitForURL('**/arrivals');
    expect(await phone.page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);

    // Only the new password signs in now.
    const signIn = new SignInPage(laptop.page);
    await signIn.signIn(guide.email, 'lanterns over the bosphorus');
    expect(await signIn.alertText()).toBe('Wrong email or password.');
    await signIn.signInAndWait(guide.email, 'simit and tea at the pier');
    await Promise.all([laptop.context.close(), phone.context.close()]);
  });
});
