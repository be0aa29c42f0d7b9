import { Secret, TOTP } from 'otpauth';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { write } from '@/db';
import { idleState } from '@/lib/forms';
import { confirmEnrolment, secondFactorStatus, startEnrolment } from '@/lib/staff/second-factor';
import { asStaff, FIXTURE_PASSWORD, makeUser } from '../support/fixtures';
import { RequestContext } from '../support/request-context';
import { createTestDb, snapshot } from '../support/test-db';

// Real Auth.js session cookies, issued by the real sign-in action, reused the way a thief or a
// forgotten browser tab would: each must stop opening anything at the moment it should.
const context = vi.hoisted(() => ({ current: undefined as unknown as RequestContext }));
vi.mock('next/headers', () => ({ headers: async () => context.current.headers(), cookies: async () => context.current.cookies() }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const test = createTestDb();
process.env.DATABASE_PATH = test.path;
process.env.AUTH_SECRET = 'sessions-test-secret-sessions-test-secret';
const { db, sqlite } = test;
afterAll(test.cleanup);
afterEach(() => vi.useRealTimers());

type Modules = {
  currentUser: typeof import('@/lib/auth/current-user').currentUser;
  handlers: typeof import('@/lib/auth').handlers;
  signInWithPassword: typeof import('@/app/login/actions').signInWithPassword;
  signOutEverywhere: typeof import('@/app/(staff)/actions').signOutEverywhere;
  changePassword: typeof import('@/app/(staff)/account/actions').changePassword;
  startSecondFactor: typeof import('@/app/(staff)/account/actions').startSecondFactor;
  confirmSecondFactor: typeof import('@/app/(staff)/account/actions').confirmSecondFactor;
  newRecoveryCodes: typeof import('@/app/(staff)/account/actions').newRecoveryCodes;
  turnOffSecondFactor: typeof import('@/app/(staff)/account/actions').turnOffSecondFactor;
  disableAccount: typeof import('@/lib/staff/accounts').disableAccount;
};
let m: Modules;
beforeAll(async () => {
  m = {
    ...(await import('@/lib/auth/current-user')),
    ...(await import('@/lib/auth')),
    ...(await import('@/app/login/actions')),
    ...(await import('@/app/(staff)/actions')),
    ...(await import('@/app/(staff)/account/actions')),
    ...(await import('@/lib/staff/accounts')),
  };
});

const COOKIE = 'authjs.session-token';
const T0 = new Date('2026-11-02T08:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

/** Next signals a redirect by throwing; for these tests it is simply where the page went. */
async function settle(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    if ((error as { digest?: string }).digest?.startsWith('NEXT_REDIRECT')) return 'redirected';
    throw error;
  }
}

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.append(name, value);
  return data;
};

/** A browser that signed in through the sign-in form. */
async function signedIn(email: string, password = FIXTURE_PASSWORD): Promise<RequestContext> {
  const browser = (context.current = new RequestContext());
  await settle(() => m.signInWithPassword(idleState, form({ email, password })));
  expect(browser.cookie(COOKIE)).toBeTruthy();
  return browser;
}

/** Another browser holding a copy of the cookie, as it is now. */
async function copyOf(browser: RequestContext): Promise<RequestContext> {
  const thief = new RequestContext();
  (await thief.cookies()).set(COOKIE, browser.cookie(COOKIE)!);
  return thief;
}

async function whoIs(browser: RequestContext): Promise<string | null> {
  context.current = browser;
  return (await m.currentUser())?.id ?? null;
}

/** What the proxy does on every page a staff member opens: read the session, which re-issues the cookie. */
async function openPage(browser: RequestContext): Promise<void> {
  const response = await m.handlers.GET(new Request('http://localhost:3000/api/auth/session', { headers: browser.headers() }) as never);
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
    if (name === COOKIE)
      (await browser.cookies()).set(name, value, { maxAge: /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line) ? 0 : undefined });
  }
}

/** What Auth.js's own session endpoint tells a browser holding this cookie. */
async function sessionEndpoint(browser: RequestContext): Promise<unknown> {
  const response = await m.handlers.GET(new Request('http://localhost:3000/api/auth/session', { headers: browser.headers() }) as never);
  return response.json();
}

describe('an old session cookie', () => {
  it('opens nothing after its owner signs out', async () => {
    const user = makeUser(db, 'guide');
    const browser = await signedIn(user.email);
    const thief = await copyOf(browser);
    expect(await whoIs(thief)).toBe(user.id);
    context.current = browser;
    await settle(() => m.signOutEverywhere());
    expect(await whoIs(thief)).toBeNull();
  });

  it('gets nothing from /api/auth/session once the database has ended its session', async () => {
    const admin = makeUser(db, 'admin');
    const [leaver, disabled] = [makeUser(db, 'guide'), makeUser(db, 'host')];
    const thief = await copyOf(await signedIn(leaver.email));
    const other = await signedIn(disabled.email);
    expect(await sessionEndpoint(thief)).toMatchObject({ user: { id: leaver.id, email: leaver.email, role: 'guide' } });

    context.current = await signedIn(leaver.email);
    await settle(() => m.signOutEverywhere());
    m.disableAccount(db, { ...admin, shelterIds: [] }, disabled.id, new Date());
    // The same as for no session at all: no name, email, role or id, and the cookie is cleared.
    expect(await sessionEndpoint(thief)).toBeNull();
    expect(await sessionEndpoint(other)).toBeNull();
  });

  it('opens nothing once an admin disables the account', async () => {
    const admin = makeUser(db, 'admin');
    const host = makeUser(db, 'host');
    const browser = await signedIn(host.email);
    expect(await whoIs(browser)).toBe(host.id);
    m.disableAccount(db, { ...admin, shelterIds: [] }, host.id, new Date());
    expect(await whoIs(browser)).toBeNull();
  });

  it('opens nothing after a password change elsewhere; the browser that changed it stays signed in', async () => {
    const user = makeUser(db, 'host');
    const other = await signedIn(user.email);
    const browser = await signedIn(user.email);
    const before = await copyOf(browser);
    const outcome = await settle(() =>
      m.changePassword(
        idleState,
        form({ currentPassword: FIXTURE_PASSWORD, password: 'tea on the ferry at six', confirmPassword: 'tea on the ferry at six' }),
      ),
    );
    expect(outcome).toBe('redirected');
    expect(await whoIs(other)).toBeNull();
    expect(await whoIs(before)).toBeNull();
    expect(await whoIs(browser)).toBe(user.id);
    // The old password no longer signs in; the new one does.
    const refused = new RequestContext();
    context.current = refused;
    expect(await settle(() => m.signInWithPassword(idleState, form({ email: user.email, password: FIXTURE_PASSWORD })))).toMatchObject({
      message: 'signInFailed',
    });
    await signedIn(user.email, 'tea on the ferry at six');
  });

  it('is refused with a wrong current password, and the password stays', async () => {
    const user = makeUser(db, 'guide');
    const browser = await signedIn(user.email);
    const outcome = await m.changePassword(
      idleState,
      form({ currentPassword: 'not my password at all', password: 'tea on the ferry at six', confirmPassword: 'tea on the ferry at six' }),
    );
    expect(outcome).toMatchObject({ status: 'error', fieldErrors: { currentPassword: 'account.wrongPassword' } });
    expect(await whoIs(browser)).toBe(user.id);
    await signedIn(user.email);
  });

  it('opens nothing after a second factor is enrolled, on any device; the codes come back once', async () => {
    const user = makeUser(db, 'host');
    const other = await signedIn(user.email);
    const browser = await signedIn(user.email);
    const before = await copyOf(browser);
    expect(await m.startSecondFactor(idleState, form({ currentPassword: FIXTURE_PASSWORD }))).toMatchObject({ status: 'ok' });
    const status = secondFactorStatus(db, user.id);
    const key = status.on ? '' : status.pending!.key.replace(/\s+/g, '');
    const code = TOTP.generate({ secret: Secret.fromBase32(key), timestamp: Date.now() });
    expect(await m.confirmSecondFactor(idleState, form({ code }))).toMatchObject({
      status: 'ok',
      message: 'account.secondFactorOn',
      data: { recoveryCodes: expect.any(String) },
    });
    expect(await whoIs(other)).toBeNull();
    expect(await whoIs(before)).toBeNull();
    expect(await whoIs(browser)).toBeNull();
  });

  it('ends after 30 minutes without a page opened, not while the person keeps working', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    const user = makeUser(db, 'guide');
    const browser = await signedIn(user.email);
    const forgotten = await copyOf(browser);
    vi.setSystemTime(minutes(29));
    expect(await whoIs(forgotten)).toBe(user.id);
    await openPage(browser);
    vi.setSystemTime(minutes(31));
    expect(await whoIs(forgotten)).toBeNull();
    expect(await whoIs(browser)).toBe(user.id);
    vi.setSystemTime(minutes(29 + 31));
    expect(await whoIs(browser)).toBeNull();
  });

  it('ends 12 hours after sign-in however busy the person is', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    const user = makeUser(db, 'host');
    const browser = await signedIn(user.email);
    for (let minute = 20; minute < 12 * 60; minute += 20) {
      vi.setSystemTime(minutes(minute));
      await openPage(browser);
    }
    vi.setSystemTime(minutes(12 * 60 - 1));
    expect(await whoIs(browser)).toBe(user.id);
    vi.setSystemTime(minutes(12 * 60));
    expect(await whoIs(browser)).toBeNull();
    // And the proxy's renewal now clears the cookie instead of renewing it.
    await openPage(browser);
    expect(browser.cookie(COOKIE)).toBeUndefined();
  });
});

describe('a change to how an account signs in, from a borrowed session', () => {
  const wrong = { currentPassword: 'not my password at all' };

  it('cannot start enrolling a second factor without the password; it writes nothing but the failure', async () => {
    const user = makeUser(db, 'host');
    const browser = await signedIn(user.email);
    const before = snapshot(sqlite, ['login_throttles']);
    expect(await m.startSecondFactor(idleState, form(wrong))).toMatchObject({
      status: 'error',
      fieldErrors: { currentPassword: 'account.wrongPassword' },
    });
    expect(snapshot(sqlite, ['login_throttles'])).toEqual(before);
    expect(secondFactorStatus(db, user.id)).toEqual({ on: false, pending: null });
    expect(await whoIs(browser)).toBe(user.id);
  });

  it('counts each wrong password toward the sign-in lockout, on the same counter as the sign-in form', async () => {
    const user = makeUser(db, 'guide');
    await signedIn(user.email);
    const answers: string[] = [];
    for (let i = 0; i < 4; i++) answers.push(((await m.startSecondFactor(idleState, form(wrong))) as { message: string }).message);
    expect(answers).toEqual(['checkFields', 'checkFields', 'checkFields', 'checkFields']);
    // The fifth failure, at the sign-in form of the same browser, locks it.
    expect(await m.signInWithPassword(idleState, form({ email: user.email, password: wrong.currentPassword }))).toMatchObject({
      status: 'error',
      message: 'signInLocked',
    });
  });

  it('cannot turn the factor off or make new recovery codes without both the password and a code', async () => {
    const user = makeUser(db, 'host');
    write(db, (tx) => startEnrolment(tx, asStaff(user)));
    const status = secondFactorStatus(db, user.id);
    const key = status.on ? '' : status.pending!.key.replace(/\s+/g, '');
    const codeAt = (ms: number) => TOTP.generate({ secret: Secret.fromBase32(key), timestamp: ms });
    write(db, (tx) => confirmEnrolment(tx, asStaff(user), codeAt(Date.now()), new Date()));
    // Signed in with both factors, after enrolment ended the sessions before it.
    context.current = new RequestContext();
    await context.current.signInAs(user, Date.now() + 1000);
    const before = snapshot(sqlite, ['login_throttles']);
    for (const action of [m.newRecoveryCodes, m.turnOffSecondFactor]) {
      expect(await action(idleState, form({ ...wrong, code: codeAt(Date.now() + 30_000) }))).toMatchObject({
        fieldErrors: { currentPassword: 'account.wrongPassword' },
      });
      expect(await action(idleState, form({ currentPassword: FIXTURE_PASSWORD, code: '000000' }))).toMatchObject({
        fieldErrors: { code: 'codeWrong' },
      });
      expect(await action(idleState, form({ currentPassword: FIXTURE_PASSWORD }))).toMatchObject({ fieldErrors: { code: 'codeRequired' } });
    }
    expect(snapshot(sqlite, ['login_throttles'])).toEqual(before);
    const renewed = await m.newRecoveryCodes(idleState, form({ currentPassword: FIXTURE_PASSWORD, code: codeAt(Date.now() + 30_000) }));
    expect(renewed).toMatchObject({
      status: 'ok',
      message: 'account.recoveryCodesRenewed',
      data: { recoveryCodes: expect.stringMatching(/^(\S+ ){9}\S+$/) },
    });
    expect(secondFactorStatus(db, user.id)).toMatchObject({ on: true, recoveryCodesLeft: 10 });
  });
});
