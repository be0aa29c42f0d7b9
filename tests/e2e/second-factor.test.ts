import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db';
import { hashPassword } from '@/lib/auth/password';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';
import { makeUser } from '../support/fixtures';
import { startDemoServer } from '../support/next-server';
import { openSignedIn } from './signed-in';
import { launchBrowser, newPage, PHONE, screenshot, shotsDir, SignInPage } from './support';

// A guide sets up two-step sign-in on a phone, reading the key off the page as someone typing it into
// an app would; the test is the app, computing codes from that key. On a demo network of its own:
// turning on "every staff member needs it" is network-wide, and no other file's sign-ins should meet it.
let server: Awaited<ReturnType<typeof startDemoServer>>;
let baseURL: string;
let databasePath: string;
const PASSWORD = 'the last ferry to kadikoy';
const CLIENT = { 'x-forwarded-for': '198.18.16.1' };
const SHOTS = shotsDir('second-factor');

let browser: Browser;
let people = 0;
let guide: { email: string };
let required: { email: string };
let enrolling: { email: string };
beforeAll(async () => {
  server = await startDemoServer();
  ({ baseURL, databasePath } = server);
  browser = await launchBrowser();
  const { db, sqlite } = openDatabase(databasePath);
  const passwordHash = await hashPassword(PASSWORD);
  guide = makeUser(db, 'guide', { passwordHash, email: `two-step-${++people}@example.test` });
  required = makeUser(db, 'guide', { passwordHash, email: `two-step-${++people}@example.test` });
  enrolling = makeUser(db, 'guide', { passwordHash, email: `two-step-${++people}@example.test` });
  sqlite.close();
});
afterAll(async () => {
  await browser?.close();
  server?.stop();
});

/** The code an authenticator app holding `key` shows `ahead` steps from now (a step is used once). */
const codeFrom = (key: string, ahead = 0) =>
  TOTP.generate({ secret: Secret.fromBase32(key.replace(/\s+/g, '')), timestamp: Date.now() + ahead * 30_000 });

async function phone() {
  const { context, page } = await newPage(browser, baseURL, PHONE);
  await context.setExtraHTTPHeaders(CLIENT);
  return { context, page };
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL('**/login');
}

/** Email and password, then the code step of the same form. */
async function signInWithCode(page: Page, code: string, email = guide.email): Promise<SignInPage> {
  const signIn = new SignInPage(page);
  await signIn.signIn(email, PASSWORD);
  await page.getByLabel('Code', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();
  return signIn;
}

/** With WAYSTATION_SHOTS set: the page in Russian and Turkish, then back in English. */
async function screenshotsIn(page: Page, name: string) {
  if (!SHOTS) return;
  for (const locale of ['ru', 'tr', 'en']) {
    await page.context().addCookies([{ url: baseURL, name: LOCALE_COOKIE, value: locale }]);
    await page.reload();
    await page.locator('h1').waitFor();
    if (locale !== 'en') await screenshot(page, SHOTS, `${name}-${locale}-320.png`, { fullPage: true });
  }
}

describe('two-step sign-in', () => {
  it('is set up by QR code or key, then asks for a code at sign-in; codes and recovery codes work once', async () => {
    const { context, page } = await phone();
    await new SignInPage(page).signInAndWait(guide.email, PASSWORD);
    // The same guide signed in on another device, before enrolling.
    const elsewhere = await phone();
    await new SignInPage(elsewhere.page).signInAndWait(guide.email, PASSWORD);
    await page.goto('/account');
    const section = page.getByRole('region', { name: 'Two-step sign-in' });
    // A session alone does not start it: the password first.
    await section.getByLabel('Current password').fill('not my password');
    await section.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    await section.getByText('This is not your current password.').waitFor();
    await section.getByLabel('Current password').fill(PASSWORD);
    await section.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    const key = (await page.locator('.secret-key').textContent())!;
    expect(key.replace(/\s+/g, '')).toMatch(/^[A-Z2-7]{32}$/);
    expect(await page.getByRole('img', { name: 'QR code for your authenticator app' }).locator('svg').count()).toBe(1);
    await screenshot(page, SHOTS, 'enrol-320.png', { fullPage: true });

    // A wrong first code does not turn it on.
    await page.getByLabel('Code from the app').fill('000000');
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByText('That code is not right, or it was already used.').waitFor();
    await page.getByLabel('Code from the app').fill(codeFrom(key));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByRole('heading', { name: 'Recovery codes' }).waitFor();
    await screenshot(page, SHOTS, 'recovery-codes-320.png', { fullPage: true });
    await page.getByText(/^Two-step sign-in is on\. You are signed out on every device, this one too/).waitFor();
    const first = await page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').allTextContents();
    expect(first).toHaveLength(10);
    // Every session ended with enrolment: the other device's, and this one's once the codes are kept.
    await elsewhere.page.getByRole('link', { name: 'Shelters' }).click();
    await elsewhere.page.waitForURL('**/login');
    await elsewhere.context.close();
    await page.getByRole('link', { name: 'I have kept them' }).click();
    await page.waitForURL('**/login');
    await signInWithCode(page, codeFrom(key, 1));
    await page.waitForURL('**/arrivals');
    await page.goto('/account');
    await page.getByText(/^On since .*10 recovery codes left\.$/).waitFor();
    // It says it is on, and how to get new codes or turn it off; nothing about setting it up.
    expect(await section.getByText('Two-step sign-in is on.', { exact: true }).isVisible()).toBe(true);
    expect(await section.getByText(/^To get new recovery codes or to turn it off, open one of the two below\./).isVisible()).toBe(true);
    expect(await section.getByText(/is off|set it up|Set up two-step sign-in/).count()).toBe(0);

    // New recovery codes ask for the password and a code; a recovery code will do, and the old ones stop working.
    await section.locator('summary', { hasText: 'New recovery codes' }).click();
    const renew = section.locator('details', { hasText: 'New recovery codes' });
    await renew.getByLabel('Current password').fill(PASSWORD);
    await renew.getByLabel('Code from the app, or a recovery code').fill('123456');
    await renew.getByRole('button', { name: 'Make new recovery codes' }).click();
    await renew.getByText('That code is not right, or it was already used.').waitFor();
    // A refused form never echoes a password: it is typed again.
    await renew.getByLabel('Current password').fill(PASSWORD);
    await renew.getByLabel('Code from the app, or a recovery code').fill(first[9]);
    await renew.getByRole('button', { name: 'Make new recovery codes' }).click();
    await page.getByText('New recovery codes made. The old ones no longer work.').waitFor();
    await screenshot(page, SHOTS, 'new-recovery-codes-320.png', { fullPage: true });
    const codes = await page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').allTextContents();
    expect(codes).toHaveLength(10);
    expect(codes.filter((code) => first.includes(code))).toEqual([]);
    await page.getByRole('link', { name: 'I have kept them' }).click();
    await page.getByText(/^On since .*10 recovery codes left\.$/).waitFor();
    await signOut(page);
    const stale = await signInWithCode(page, first[0]);
    expect(await stale.alertText()).toBe('That code is not right, or it was already used.');

    // The password alone is not enough now: the form asks for the code and keeps the email.
    const signIn = new SignInPage(page);
    await signIn.signIn(guide.email, PASSWORD);
    await page.getByText(`Signing in as ${guide.email}.`, { exact: false }).waitFor();
    await screenshot(page, SHOTS, 'code-step-320.png', { fullPage: true });
    await page.getByLabel('Code', { exact: true }).fill('123456');
    await page.getByRole('button', { name: 'Verify' }).click();
    expect(await signIn.alertText()).toBe('That code is not right, or it was already used.');
    // The app's codes so far went to turning it on and signing in again (a code works once): a recovery code.
    await page.getByLabel('Code', { exact: true }).fill(codes[5]);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.waitForURL('**/arrivals');
    await signOut(page);

    // A recovery code in the same field, once.
    await signInWithCode(page, codes[0]);
    await page.waitForURL('**/arrivals');
    await signOut(page);
    const again = await signInWithCode(page, codes[0]);
    expect(await again.alertText()).toBe('That code is not right, or it was already used.');
    expect(new URL(page.url()).pathname).toBe('/login');

    // An admin resets it (a lost phone): the guide's session ends, and the password alone signs in.
    await signInWithCode(page, codes[1]);
    await page.waitForURL('**/arrivals');
    const admin = await newPage(browser, baseURL);
    await openSignedIn(admin.page, 'admin@waystation.test', { server, at: '/staff' });
    const card = admin.page.getByRole('listitem', { name: guide.email });
    await card.getByRole('button', { name: 'Reset two-step sign-in' }).click();
    await card.getByRole('button', { name: 'Yes' }).click();
    await card.getByRole('button', { name: 'Reset two-step sign-in' }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Shelters' }).click();
    await page.waitForURL('**/login');
    await new SignInPage(page).signInAndWait(guide.email, PASSWORD);
    await Promise.all([context.close(), admin.context.close()]);
    // A dozen sign-ins, each a deliberately slow password hash: room for a machine under load.
  }, 180_000);

  it('when the network requires it, someone without it can only set it up', async () => {
    const admin = await newPage(browser, baseURL);
    await openSignedIn(admin.page, 'admin@waystation.test', { server, at: '/settings' });
    const form = admin.page.getByRole('region', { name: 'Two-step sign-in' });
    try {
      await form.getByLabel('Who must sign in with a code from an app').selectOption({ label: 'Everyone' });
      await form.getByRole('button', { name: 'Save' }).click();
      await form.getByRole('status').waitFor();

      const { context, page } = await phone();
      await new SignInPage(page).signIn(required.email, PASSWORD);
      await page.waitForURL('**/account');
      await page
        .getByText('Your network requires two-step sign-in. Until it is on, this is the only page you can open: set it up below.')
        .waitFor();
      // The page is about setting it up: so says its heading, and nothing says it is on, or off by choice.
      await page.getByRole('heading', { level: 1, name: 'Two-step sign-in' }).waitFor();
      expect(await page.getByText(/Two-step sign-in is on|is off|On since/).count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await screenshotsIn(page, 'second-factor-required');
      for (const path of ['/shelters', '/arrivals', '/arrivals/new']) {
        await page.goto(path);
        expect(new URL(page.url()).pathname, path).toBe('/account');
      }
      await context.close();
    } finally {
      // Back to off for the other test files, whatever happened above.
      const { sqlite } = openDatabase(databasePath);
      sqlite.prepare("update network_settings set second_factor = 'off'").run();
      sqlite.close();
      await admin.context.close();
    }
  });

  it('once set up where the network requires it, says it is on and how to turn it off, and no longer that it is required', async () => {
    const { sqlite } = openDatabase(databasePath);
    sqlite
      .prepare(
        "insert into network_settings (id, second_factor) values (1, 'everyone') on conflict (id) do update set second_factor = 'everyone'",
      )
      .run();
    sqlite.close();
    try {
      const { context, page } = await phone();
      await new SignInPage(page).signIn(enrolling.email, PASSWORD);
      await page.waitForURL('**/account');
      const section = page.getByRole('region', { name: 'Two-step sign-in' });
      await section.getByLabel('Current password').fill(PASSWORD);
      await section.getByRole('button', { name: 'Set up two-step sign-in' }).click();
      const key = (await page.locator('.secret-key').textContent())!;
      await page.getByLabel('Code from the app').fill(codeFrom(key));
      await page.getByRole('button', { name: 'Turn on' }).click();
      await page.getByText(/^Two-step sign-in is on\./).waitFor();
      expect(await page.getByText(/requires two-step sign-in/).count()).toBe(0);
      await page.getByRole('link', { name: 'I have kept them' }).click();
      await page.waitForURL('**/login');
      await signInWithCode(page, codeFrom(key, 1), enrolling.email);
      await page.waitForURL('**/arrivals');
      await page.goto('/account');
      await section.getByText('Two-step sign-in is on.', { exact: true }).waitFor();
      expect(await page.getByText(/requires two-step sign-in|is off/).count()).toBe(0);
      await screenshotsIn(page, 'second-factor-on');
      await context.close();
    } finally {
      const { sqlite: after } = openDatabase(databasePath);
      after.prepare("update network_settings set second_factor = 'off'").run();
      after.close();
    }
  }, 180_000);
});
