import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db';
import { hashPassword } from '@/lib/auth/password';
import { makeUser } from '../support/fixtures';
import { startDemoServer } from '../support/next-server';
import { launchBrowser, newPage, SignInPage } from './support';

// A stranger who knows only an email must not be able to lock its owner out, nor can a guesser at a
// shelter office's shared address lock out everyone signing in from there (OWASP's device cookies).
// On a server of its own: its failed sign-ins are many scrypt checks, which the project beside the
// shared server's files has the time for.
const PASSWORD = 'ferry horns at dawn';
// Addresses of this file only, so no other test's failures count against them.
const ATTACKER = '198.18.14.1';
const HOME = '198.18.14.2';
const OFFICE = '198.18.14.3';

let server: Awaited<ReturnType<typeof startDemoServer>>;
let baseURL: string;
let browser: Browser;
let people = 0;
let rightful: { email: string };
let colleague: { email: string };
beforeAll(async () => {
  server = await startDemoServer();
  baseURL = server.baseURL;
  browser = await launchBrowser();
  const { db, sqlite } = openDatabase(server.databasePath);
  const passwordHash = await hashPassword(PASSWORD);
  rightful = makeUser(db, 'guide', { passwordHash, email: `device-${++people}@example.test` });
  colleague = makeUser(db, 'guide', { passwordHash, email: `device-${++people}@example.test` });
  sqlite.close();
});
afterAll(async () => {
  await browser?.close();
  server?.stop();
});

/** A wrong password posted to Auth.js's own endpoint, as a script would, from `address`. */
async function failFrom(address: string, email: string): Promise<void> {
  const headers = { 'x-forwarded-for': address };
  const csrf = await fetch(`${baseURL}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const response = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...headers, cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, email, password: 'a wrong guess at it' }),
  });
  expect(response.headers.getSetCookie().some((c) => c.startsWith('authjs.session-token='))).toBe(false);
}

/** A browser, seen by the server as coming from `address`. */
async function browserAt(address: string) {
  const { context, page } = await newPage(browser, baseURL);
  await context.setExtraHTTPHeaders({ 'x-forwarded-for': address });
  return { context, page, at: (next: string) => context.setExtraHTTPHeaders({ 'x-forwarded-for': next }) };
}

async function signOut(page: import('playwright-core').Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL('**/login');
}

describe('device cookies', () => {
  it('a stranger locks out strangers only: the owner’s browser still signs in, from anywhere', async () => {
    const own = await browserAt(HOME);
    await new SignInPage(own.page).signInAndWait(rightful.email, PASSWORD);
    await signOut(own.page);

    for (let i = 0; i < 5; i++) await failFrom(ATTACKER, rightful.email);

    // A browser that never signed in as this person is refused even with the right password.
    const stranger = await browserAt(HOME);
    const strangerSignIn = new SignInPage(stranger.page);
    await strangerSignIn.signIn(rightful.email, PASSWORD);
    expect(await strangerSignIn.alertText()).toMatch(/^Too many failed attempts/);

    // The owner's browser signs in from home, and from the attacker's own address too.
    await new SignInPage(own.page).signInAndWait(rightful.email, PASSWORD);
    await signOut(own.page);
    await own.at(ATTACKER);
    await new SignInPage(own.page).signInAndWait(rightful.email, PASSWORD);
    await Promise.all([own.context.close(), stranger.context.close()]);
  });

  it('twenty made-up emails from a shared office address do not stop a trusted browser there', async () => {
    const trusted = await browserAt(HOME);
    await new SignInPage(trusted.page).signInAndWait(colleague.email, PASSWORD);
    await signOut(trusted.page);

    for (let i = 0; i < 20; i++) await failFrom(OFFICE, `made-up-${i}@example.test`);

    // Anyone else at the office is refused for now, as before...
    const newcomer = await browserAt(OFFICE);
    const newcomerSignIn = new SignInPage(newcomer.page);
    await newcomerSignIn.signIn(colleague.email, PASSWORD);
    expect(await newcomerSignIn.alertText()).toMatch(/^Too many failed attempts/);

    // ...but the browser the colleague signed in with before is let in.
    await trusted.at(OFFICE);
    await new SignInPage(trusted.page).signInAndWait(colleague.email, PASSWORD);
    await Promise.all([trusted.context.close(), newcomer.context.close()]);
  });
});
