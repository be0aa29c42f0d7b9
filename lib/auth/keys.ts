import { createHash, hkdfSync } from 'node:crypto';
import { Remembered } from '@/lib/cache';

// One entry per purpose (a handful), while AUTH_SECRET stays the same.
const keys = new Remembered<string, Buffer>(100);

/**
 * A 256-bit key for one purpose, derived from AUTH_SECRET with HKDF (RFC 5869). One secret to keep,
 * and a key that leaks through one use (a device cookie's MAC) says nothing about another (the
 * sealed second-factor secrets). Read at first use, never at build time.
 */
export function derivedKey(purpose: string): Buffer {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error('AUTH_SECRET is not set');
  const id = `${purpose}\0${secret}`;
  return keys.get(id) ?? keys.set(id, Buffer.from(hkdfSync('sha256', secret, 'waystation', `waystation ${purpose} v1`, 32)));
}

/** Lower-cased email, hashed: what device cookies and throttle keys bind to, never the address itself. */
export const emailDigest = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');
