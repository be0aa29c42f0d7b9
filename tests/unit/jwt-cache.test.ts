import { decode } from '@auth/core/jwt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cachedDecode, cachedEncode } from '@/lib/auth/jwt-cache';

const secret = 'test-secret-test-secret-test-secret-test';
const salt = 'authjs.session-token';
const T0 = new Date('2026-11-30T10:00:00Z');
const claims = { uid: 'user-1', role: 'host' as const, signedInAt: T0.getTime() };

afterEach(() => vi.useRealTimers());

describe('the session token, remembered for a moment', () => {
  it('hands out the same encrypted token for the same session within a minute, and a fresh one after', async () => {
    vi.useFakeTimers({ now: T0, toFake: ['Date'] });
    const first = await cachedEncode({ secret, salt, token: claims, maxAge: 1800 });
    vi.setSystemTime(new Date(T0.getTime() + 59_000));
    expect(await cachedEncode({ secret, salt, token: { ...claims, iat: 1, exp: 2 }, maxAge: 1800 })).toBe(first);
    expect(await cachedEncode({ secret, salt, token: { ...claims, role: 'admin' as const }, maxAge: 1800 })).not.toBe(first);
    vi.setSystemTime(new Date(T0.getTime() + 61_000));
    const renewed = await cachedEncode({ secret, salt, token: claims, maxAge: 1800 });
    expect(renewed).not.toBe(first);
    // Auth.js's own decode reads what we handed out: the renewed one runs 30 minutes from its minute.
    expect((await decode({ secret, salt, token: renewed }))?.exp).toBe(Math.floor((T0.getTime() + 61_000) / 1000) + 1800);
  });

  it('decodes a token once, answers again from memory, and never past its expiry', async () => {
    vi.useFakeTimers({ now: T0, toFake: ['Date'] });
    const token = await cachedEncode({ secret, salt, token: { ...claims, uid: 'user-2' }, maxAge: 1800 });
    const first = await cachedDecode({ secret, salt, token });
    expect(first).toMatchObject({ uid: 'user-2', role: 'host' });
    // A copy each time: a caller that changes its answer changes nobody else's.
    first!.role = 'admin';
    expect(await cachedDecode({ secret, salt, token })).toMatchObject({ uid: 'user-2', role: 'host' });
    await expect(cachedDecode({ secret, salt: 'another-cookie', token })).rejects.toThrow();
    vi.setSystemTime(new Date(T0.getTime() + 1830_000));
    await expect(cachedDecode({ secret, salt, token })).rejects.toThrow(/exp/);
  });
});
