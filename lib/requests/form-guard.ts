import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Turns naive bots away without a CAPTCHA or any third-party service: the form carries the time it
 * was handed out, signed so that it cannot simply be backdated, and a field hidden from people. A
 * bot posting at once, or filling every field it finds, is refused; a person never notices.
 */
export const MIN_FILL_MS = 3_000;

// Without AUTH_SECRET (a bare dev server) a per-process key works the same until a restart.
const processKey = randomBytes(32).toString('base64url');
const key = () => process.env.AUTH_SECRET || processKey;
const sign = (ms: string) => createHmac('sha256', key()).update(`request-form:${ms}`).digest('base64url');

export function formStamp(now: Date): string {
  const ms = String(now.getTime());
  return `${ms}.${sign(ms)}`;
}

/** When a stamp was issued, or null for a missing, malformed or forged one. */
export function stampTime(stamp: string | undefined): Date | null {
  const [ms, signature, extra] = (stamp ?? '').split('.');
  if (!ms || !signature || extra !== undefined || !/^\d{1,15}$/.test(ms)) return null;
  const expected = Buffer.from(sign(ms));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? new Date(Number(ms)) : null;
}

export type BotVerdict = 'honeypot' | 'tooFast' | null;

/** Why a post looks automated, or null. A stamp from the future counts as forged. */
export function botVerdict(form: { website?: string; stamp?: string }, now: Date): BotVerdict {
  if (form.website?.trim()) return 'honeypot';
  const issued = stampTime(form.stamp);
  if (!issued || issued.getTime() > now.getTime() || now.getTime() - issued.getTime() < MIN_FILL_MS) return 'tooFast';
  return null;
}
