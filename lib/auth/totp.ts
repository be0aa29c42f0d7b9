import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { derivedKey } from './keys';

/** RFC 6238 as every authenticator app reads it by default: SHA-1, 6 digits, 30-second steps. */
const TOTP_PARAMS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
export const RECOVERY_CODE_COUNT = 10;

export const newTotpSecret = () => new Secret({ size: 20 }).base32;

/**
 * AES-256-GCM under a key derived from AUTH_SECRET, with the user's id as associated data: a copy of
 * the database alone does not give the secret away, and a sealed secret moved to another account
 * does not open.
 */
export function sealSecret(base32: string, userId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derivedKey('totp secret'), iv).setAAD(Buffer.from(userId));
  const sealed = Buffer.concat([cipher.update(base32, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), sealed].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

/** Throws if the secret was tampered with, moved, or sealed under another AUTH_SECRET. */
export function openSecret(sealed: string, userId: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || !data) throw new Error('not a sealed second-factor secret');
  const decipher = createDecipheriv('aes-256-gcm', derivedKey('totp secret'), Buffer.from(iv, 'base64url')).setAAD(Buffer.from(userId));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(base32: string, email: string): string {
  return new TOTP({ issuer: 'Waystation', label: email, secret: Secret.fromBase32(base32), ...TOTP_PARAMS }).toString();
}

/** The key grouped in fours, as people type it into an app by hand. */
export const groupedKey = (base32: string) => base32.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * The time step a code belongs to if it is right for `now`, allowing one step either side for a
 * phone's clock drift; null if it is wrong. Whether that step was already used is the caller's check.
 */
export function totpStep(base32: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const timestamp = now.getTime();
  const delta = TOTP.validate({ token: code, secret: Secret.fromBase32(base32), timestamp, window: 1, ...TOTP_PARAMS });
  return delta === null ? null : TOTP.counter({ period: TOTP_PARAMS.period, timestamp }) + delta;
}

/** Spaces and dashes are how codes are shown or typed, not part of them. */
export const normalizeCode = (code: string) => code.replace(/[\s-]+/g, '').toLowerCase();

// No 0/o, 1/l/i: recovery codes are copied from paper.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten codes of ten characters (about 49 bits each), shown as "abcde-fghjk". */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Keyed, so the stored hashes cannot be tried offline from a copy of the database alone. */
export const recoveryCodeHash = (code: string) =>
  createHmac('sha256', derivedKey('recovery code')).update(normalizeCode(code)).digest('base64url');
