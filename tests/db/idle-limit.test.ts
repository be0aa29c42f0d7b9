import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { write } from '@/db';
import { auditEvents } from '@/db/schema';
import { authConfig } from '@/lib/auth/config';
import { idleMinutesOf, saveIdleMinutes } from '@/lib/auth/idle-setting';
import { loadStaffUser } from '@/lib/auth/staff';
import { DomainError } from '@/lib/errors';
import { asStaff, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

// A guide between two night flights: the admin sets how long a session may sit idle.
const test = createTestDb();
const { db } = test;
afterAll(test.cleanup);
afterEach(() => vi.useRealTimers());

const SIGNED_IN = new Date('2026-10-01T20:00:00Z').getTime();
const minutes = (n: number) => n * 60_000;
const admin = asStaff(makeUser(db, 'admin'));
const guide = makeUser(db, 'guide');

/** The session as the jwt callback and the page check see it: signed in, last active, the limit at sign-in. */
const session = (lastActiveMinutes: number) => ({
  userId: guide.id,
  signedInAt: SIGNED_IN,
  lastActiveAt: SIGNED_IN + minutes(lastActiveMinutes),
  idleMinutes: idleMinutesOf(db),
});

describe('the staff idle limit', () => {
  it('is 30 minutes until an admin sets it, then what they set', () => {
    expect(idleMinutesOf(db)).toBe(30);
    write(db, (tx) => saveIdleMinutes(tx, admin, 60, new Date(SIGNED_IN)));
    expect(idleMinutesOf(db)).toBe(60);
    expect(
      db
        .select()
        .from(auditEvents)
        .all()
        .map((event) => event.action),
    ).toContain('network.idle_limit');
  });

  it('at 60: 45 idle minutes keep the session, 61 end it', () => {
    write(db, (tx) => saveIdleMinutes(tx, admin, 60, new Date(SIGNED_IN)));
    // Active at 2 h, then a gap between flights.
    expect(loadStaffUser(db, session(120), new Date(SIGNED_IN + minutes(120 + 45)))?.id).toBe(guide.id);
    expect(loadStaffUser(db, session(120), new Date(SIGNED_IN + minutes(120 + 61)))).toBeNull();
  });

  it('at 4 hours, still ends 12 hours after sign-in, however active', () => {
    write(db, (tx) => saveIdleMinutes(tx, admin, 240, new Date(SIGNED_IN)));
    expect(loadStaffUser(db, session(11 * 60 + 50), new Date(SIGNED_IN + minutes(11 * 60 + 55)))?.id).toBe(guide.id);
    expect(loadStaffUser(db, session(12 * 60 + 50), new Date(SIGNED_IN + minutes(13 * 60)))).toBeNull();
  });

  it('is applied where the proxy renews the cookie too: an idle token is not renewed', async () => {
    write(db, (tx) => saveIdleMinutes(tx, admin, 60, new Date(SIGNED_IN)));
    const token = {
      uid: guide.id,
      role: 'guide' as const,
      signedInAt: SIGNED_IN,
      iat: (SIGNED_IN + minutes(120)) / 1000,
      idleMinutes: idleMinutesOf(db),
    };
    const renew = async (at: number) => {
      vi.useFakeTimers({ toFake: ['Date'], now: at });
      return authConfig.callbacks.jwt({ token: { ...token } } as never);
    };
    expect(await renew(SIGNED_IN + minutes(120 + 45))).toMatchObject({ uid: guide.id });
    expect(await renew(SIGNED_IN + minutes(120 + 61))).toBeNull();
    expect(await renew(SIGNED_IN + minutes(13 * 60))).toBeNull();
  });

  it('only an admin sets it', () => {
    expect(() => write(db, (tx) => saveIdleMinutes(tx, asStaff(guide), 240, new Date(SIGNED_IN)))).toThrow(DomainError);
  });
});
