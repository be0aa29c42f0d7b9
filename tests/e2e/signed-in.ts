import Database from 'better-sqlite3';
import { encode } from 'next-auth/jwt';
import type { Page, Response } from 'playwright-core';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';
import { AUTH_SECRET } from '../support/next-server';

/** A running server and its database: the shared one of the end-to-end run, or a file's own. */
export type ServerUnderTest = { baseURL: string; databasePath: string };

/** Where tests/e2e/global-setup.ts leaves the shared server for the test workers it starts (`openSignedIn`). */
export const SHARED_SERVER_VARIABLES = { baseURL: 'WAYSTATION_E2E_BASE_URL', databasePath: 'WAYSTATION_E2E_DATABASE' } as const;

function sharedServer(): ServerUnderTest {
  const baseURL = process.env[SHARED_SERVER_VARIABLES.baseURL];
  const databasePath = process.env[SHARED_SERVER_VARIABLES.databasePath];
  if (!baseURL || !databasePath) throw new Error('openSignedIn: no shared server here; pass the file’s own server');
  return { baseURL, databasePath };
}

const SESSION_COOKIE = 'authjs.session-token';

/**
 * Signs the page's browser in as the staff member with this email without typing the form: the
 * session cookie Auth.js would issue at sign-in (the server's secret), and the language cookie the
 * sign-in leaves (the account's own). Then it opens the home page and waits for the same landing page
 * a sign-in reaches, or, given `at`, opens that page at once (a load less for a test that starts
 * there) and fails if it was sent to the sign-in form; it returns that page's response. The form
 * itself is driven in sign-in, second-factor, device-cookies, account, staff and sign-out tests;
 * every other test starts here.
 */
export async function openSignedIn(
  page: Page,
  email: string,
  { server = sharedServer(), at }: { server?: ServerUnderTest; at?: string } = {},
): Promise<Response | null> {
  const sqlite = new Database(server.databasePath, { fileMustExist: true });
  const user = sqlite.prepare('select id, role, locale from users where email = ? and disabled_at is null').get(email) as
    { id: string; role: string; locale: string } | undefined;
  sqlite.close();
  if (!user) throw new Error(`openSignedIn: no active staff member ${email}`);
  const value = await encode({
    token: { sub: user.id, uid: user.id, role: user.role as never, signedInAt: Date.now() },
    secret: AUTH_SECRET,
    salt: SESSION_COOKIE,
  });
  const cookie = { url: server.baseURL, httpOnly: true, sameSite: 'Lax' as const };
  await page.context().addCookies([
    { ...cookie, name: SESSION_COOKIE, value },
    { ...cookie, name: LOCALE_COOKIE, value: user.locale },
  ]);
  const response = await page.goto(new URL(at ?? '/', server.baseURL).href);
  if (at === undefined) await page.waitForURL(/\/(shelters|arrivals)$/);
  else if (new URL(page.url()).pathname === '/login') throw new Error(`openSignedIn: ${email} was sent to sign in from ${at}`);
  return response;
}
