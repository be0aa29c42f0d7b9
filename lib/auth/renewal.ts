import { createHmac, timingSafeEqual } from 'node:crypto';
import { derivedKey } from './keys';

const RENEWAL_MS = 60_000;
const renewalMac = (userId: string, endedAt: string) => createHmac('sha256', derivedKey('session renewal')).update(`${userId}.${endedAt}`).digest();

/**
 * Keeps signed in the one browser whose action just ended every session of its account until `endedAt`
 * (enrolling a second factor): minted by the server within that action and handed to Auth.js's session
 * update, never sent to the browser. A key of its own, so it can never stand in for a sign-in ticket.
 */
export function renewalTicket(userId: string, endedAt: Date): string {
  const at = String(endedAt.getTime());
  return `${at}.${renewalMac(userId, at).toString('base64url')}`;
}

/** The sign-in time a renewed session carries: just after the cut-off, so it outlives it; null if the ticket is no good. */
export function renewedSignInAt(ticket: unknown, userId: string, now: Date): number | null {
  if (typeof ticket !== 'string') return null;
  const [at, given] = ticket.split('.');
  if (!at || !given || !/^\d+$/.test(at)) return null;
  const age = now.getTime() - Number(at);
  const expected = renewalMac(userId, at);
  const actual = Buffer.from(given, 'base64url');
  if (!(age >= 0 && age < RENEWAL_MS && actual.length === expected.length && timingSafeEqual(actual, expected))) return null;
  return Number(at) + 1;
}
