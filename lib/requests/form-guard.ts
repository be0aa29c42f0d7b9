import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Turns naive bots away without a CAPTCHA or any third-party service: the form carries the time it
 * was handed out, signed so that it cannot simply be backdated, and a field hidden from people. A
 * bot posting at once, or filling every field it finds, is refused; a person never notices.
 */
export const MIN_FILL_MS = 3_000;
/**
 * A stamp is good for one request (lib/requests/used-stamps.ts) and for this long: spent stamps need
 * remembering only until then. A person left with an older form is asked to send it again, with
 * what they typed kept and a fresh stamp.
 */
export const STAMP_MAX_AGE_MS = 6 * 3600_000;

// Without AUTH_SECRET (a bare dev server) a per-process key works the same until a restart.
const processKey = randomBytes(32).toString('base64url');
const key = () => process.env.AUTH_SECRET || processKey;
const sign = (issued: string) => createHmac('sha256', key()).update(`request-form:${issued}`).digest('base64url');

/** The time it is handed out and a random part, so two people given a form at once get two stamps. */
export function formStamp(now: Date): string {
  const issued = `${now.getTime()}.${randomBytes(9).toString('base64url')}`;
  return `${issued}.${sign(issued)}`;
}

/** When a stamp was issued, or null for a missing, malformed or forged one. */
export function stampTime(stamp: string | undefined): Date | null {
  const [ms, nonce, signature, extra] = (stamp ?? '').split('.');
  if (!ms || !nonce || !signature || extra !== undefined || !/^\d{1,15}$/.test(ms) || !/^[\w-]{12}$/.test(nonce)) return null;
  const expected = Buffer.from(sign(`${ms}.${nonce}`));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? new Date(Number(ms)) : null;
}

/**
 * 'tooFast': a good stamp, sent sooner than a person fills the form (a quick typist with autofill
 * does): the same stamp goes through once the minimum has passed, so it is kept, not replaced.
 * 'stale': a missing, forged, future or too old stamp: the form comes back with a fresh one.
 */
export type BotVerdict = 'honeypot' | 'tooFast' | 'stale' | null;

/** Why a post looks automated, or null. */
export function botVerdict(form: { website?: string; stamp?: string }, now: Date): BotVerdict {
  if (form.website?.trim()) return 'honeypot';
  const issued = stampTime(form.stamp);
  const age = issued ? now.getTime() - issued.getTime() : -1;
  if (age < 0 || age > STAMP_MAX_AGE_MS) return 'stale';
  return age < MIN_FILL_MS ? 'tooFast' : null;
}

/** A public form's own bookkeeping fields: never given back as what the person typed. */
const GUARD_FIELDS = ['stamp', 'website', 'lang'];

/** Why a post is turned away before its fields are read, and whether its form comes back with a new stamp. */
export type GuardRefusal = { status: 400 | 403; message: 'badOrigin' | 'refused' | 'waitMoment' | 'tooFast'; freshStamp: boolean };

/**
 * A post to a public form (/request, /offer) before its fields are read: what was typed, to give
 * back; the stamp to keep (time already spent on the form counts after a refusal; a bad stamp starts
 * over); and the refusal, if any: from another site, the hidden field filled ("refused", nothing
 * given back), too fast (the same stamp is good in a moment, as a refused post spends nothing), or a
 * stale stamp.
 */
export function guardPost(raw: Record<string, string | string[]>, sameOrigin: boolean, now: Date) {
  const typed = Object.fromEntries(Object.entries(raw).filter(([name]) => !GUARD_FIELDS.includes(name)));
  const stamp = typeof raw.stamp === 'string' && stampTime(raw.stamp) ? raw.stamp : formStamp(now);
  const refusal = ((): GuardRefusal | null => {
    if (!sameOrigin) return { status: 403, message: 'badOrigin', freshStamp: false };
    const bot = botVerdict({ website: String(raw.website ?? ''), stamp: String(raw.stamp ?? '') }, now);
    if (bot === 'honeypot') return { status: 400, message: 'refused', freshStamp: false };
    if (bot === 'tooFast') return { status: 400, message: 'waitMoment', freshStamp: false };
    return bot === 'stale' ? { status: 400, message: 'tooFast', freshStamp: true } : null;
  })();
  return { typed, stamp, refusal };
}
