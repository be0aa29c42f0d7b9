import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { derivedKey, emailDigest } from './keys';

/**
 * OWASP's device cookies: a browser that once signed in as someone (every factor) carries a token,
 * MAC'd with a key derived from AUTH_SECRET, that binds that person's email (hashed) and a random
 * nonce. Sign-in attempts that bring one are counted per nonce instead of per email and address, so
 * neither a stranger guessing at an email nor a guesser behind the same address (a shelter office's
 * NAT) can lock that browser out. The cookie holds no email, only the nonce, the time and the MAC.
 */
export const DEVICE_COOKIE = { maxAgeDays: 180, perBrowser: 5 } as const;
const MAX_AGE_MS = DEVICE_COOKIE.maxAgeDays * 24 * 3600_000;

/** `__Host-` over HTTPS: only this host may set it, Secure, Path=/. Plain name over HTTP (development). */
export const deviceCookieName = (https: boolean) => (https ? '__Host-waystation.device' : 'waystation.device');

export function deviceCookieOptions(https: boolean) {
  return { httpOnly: true, sameSite: 'lax' as const, path: '/', secure: https, maxAge: MAX_AGE_MS / 1000 };
}

const TOKEN_SHAPE = /^[\w-]{1,64}\.[0-9a-z]{1,12}\.[\w-]{43}$/;

const mac = (nonce: string, issuedAt: string, email: string) =>
  createHmac('sha256', derivedKey('device cookie'))
    .update(`${nonce}.${issuedAt}.${emailDigest(email)}`)
    .digest();

function issue(email: string, now: Date): string {
  const nonce = randomBytes(16).toString('base64url');
  const issuedAt = now.getTime().toString(36);
  return `${nonce}.${issuedAt}.${mac(nonce, issuedAt, email).toString('base64url')}`;
}

/** The nonce of this browser's token for `email`, if it carries a genuine one under 180 days old. */
export function trustedNonce(cookie: string | undefined, email: string, now: Date): string | null {
  for (const token of (cookie ?? '').split('~').slice(0, DEVICE_COOKIE.perBrowser)) {
    const [nonce, issuedAt, given] = token.split('.');
    if (!nonce || !issuedAt || !given) continue;
    const age = now.getTime() - parseInt(issuedAt, 36);
    const expected = mac(nonce, issuedAt, email);
    const actual = Buffer.from(given, 'base64url');
    if (actual.length === expected.length && timingSafeEqual(actual, expected) && age >= 0 && age < MAX_AGE_MS) return nonce;
  }
  return null;
}

/**
 * The cookie after a successful sign-in as `email`: a fresh token for it (a new nonce, so failures
 * counted under the old one are left behind), and the tokens of others who share the browser (a
 * shelter office's computer), newest first, at most five.
 */
export function renewedDeviceCookie(cookie: string | undefined, email: string, now: Date): string {
  const others = (cookie ?? '').split('~').filter((token) => TOKEN_SHAPE.test(token) && !trustedNonce(token, email, now));
  return [issue(email, now), ...others].slice(0, DEVICE_COOKIE.perBrowser).join('~');
}
