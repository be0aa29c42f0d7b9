import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '@/db';
import { hashPassword } from '@/lib/auth/password';
import { makeUser } from '../support/fixtures';
import { launchBrowser, newPage, SignInPage } from './support';

// Every way out ends the session on the server: a copy of the cookie taken before signing out opens
// nothing afterwards, and Auth.js's session endpoint says there is no session.
const baseURL = inject('baseURL');
const PASSWORD = 'gulls over the galata bridge';
const CLIENT = { 'x-forwarded-for': '198.18.15.1' };

let browser: Browser;
// Emails of this file's own: other files add users to the same database.
let people = 0;
const emails: string[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
  const { db, sqlite } = openDatabase(inject('databasePath'));
  const passwordHash = await hashPassword(PASSWORD);
  for (let i = 0; i < 2; i++) emails.push(makeUser(db, 'host', { passwordHash, email: `sign-out-${++people}@example.test` }).email);
  sqlite.close();
});
afterAll(() => browser?.close());

const cookieHeader = (setCookies: string[]) => setCookies.map((c) => c.split(';')[0]).join('; ');

/** Signs in through Auth.js's own endpoints; returns the CSRF and session cookies. */
async function signInWithFetch(email: string): Promise<{ csrfToken: string; cookie: string }> {
  const csrf = await fetch(`${baseURL}/api/auth/csrf`, { headers: CLIENT });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = cookieHeader(csrf.headers.getSetCookie());
  const response = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...CLIENT, cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith('authjs.session-token='));
  expect(session, 'signed in').toBeTruthy();
  return { csrfToken, cookie: `${csrfCookie}; ${session!.split(';')[0]}` };
}

async function sessionOf(cookie: string): Promise<unknown> {
  return (await fetch(`${baseURL}/api/auth/session`, { headers: { ...CLIENT, cookie } })).json();
}

async function accountPageStatus(cookie: string): Promise<number> {
  return (await fetch(`${baseURL}/account`, { redirect: 'manual', headers: { ...CLIENT, cookie } })).status;
}

describe('signing out', () => {
  it('through Auth.js’s own endpoint ends the session for every copy of the cookie', async () => {
    const { csrfToken, cookie } = await signInWithFetch(emails[0]);
    expect(await sessionOf(cookie)).toMatchObject({ user: { email: emails[0] } });
    expect(await accountPageStatus(cookie)).toBe(200);

    const signOut = await fetch(`${baseURL}/api/auth/signout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...CLIENT, cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken }),
    });
    expect(signOut.status).toBe(302);

    // The copy kept from before: no session, and staff pages send it to sign in.
    expect(await sessionOf(cookie)).toBeNull();
    expect(await accountPageStatus(cookie)).toBe(307);
  });

  it('with the app’s own button ends the session that a copy of the cookie still carries', async () => {
    const { context, page } = await newPage(browser, baseURL);
    await context.setExtraHTTPHeaders(CLIENT);
    await new SignInPage(page).signInAndWait(emails[1], PASSWORD);
    const copy = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    expect(await sessionOf(copy)).toMatchObject({ user: { email: emails[1] } });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/login');

    // Nothing about the person comes back for the voided cookie: no name, email, role or id.
    expect(await sessionOf(copy)).toBeNull();
    expect(await accountPageStatus(copy)).toBe(307);
    await context.close();
  });
});
