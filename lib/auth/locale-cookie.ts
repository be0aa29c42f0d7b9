import 'server-only';
import { cookies, headers } from 'next/headers';
import { isLocale, LOCALE_COOKIE, type Locale } from '@/lib/i18n/locales';
import { originFromHeaders } from './origin';

/**
 * Set with the language cookie when someone picks a language while signed out (on the sign-in
 * page): that choice, and only that one, becomes their account's language when they sign in. A
 * language cookie left from an earlier session on this browser is no choice of theirs.
 */
const CHOSEN_SIGNED_OUT_COOKIE = 'waystation-locale-chosen';

async function cookieOptions() {
  const secure = new URL(originFromHeaders(await headers())).protocol === 'https:';
  return { path: '/', sameSite: 'lax', httpOnly: true, secure } as const;
}

/** Like the session cookie: not readable by scripts, not sent cross-site, only over HTTPS when served so. */
export async function rememberLocale(locale: string, options: { chosenSignedOut?: boolean } = {}): Promise<void> {
  const base = await cookieOptions();
  const jar = await cookies();
  jar.set(LOCALE_COOKIE, locale, { ...base, maxAge: 365 * 24 * 3600 });
  if (options.chosenSignedOut) jar.set(CHOSEN_SIGNED_OUT_COOKIE, '1', { ...base, maxAge: 24 * 3600 });
}

/** The language picked on the sign-in page before this sign-in, if any; the mark is used up. */
export async function takeLocaleChosenSignedOut(): Promise<Locale | null> {
  const jar = await cookies();
  if (!jar.get(CHOSEN_SIGNED_OUT_COOKIE)) return null;
  jar.delete({ name: CHOSEN_SIGNED_OUT_COOKIE, ...(await cookieOptions()) });
  const chosen = jar.get(LOCALE_COOKIE)?.value;
  return isLocale(chosen) ? chosen : null;
}

/**
 * The language a sign-in leaves: the one the sign-in page showed, so nobody who read the page in
 * Turkish lands on an English screen. A language picked there by a tap also becomes the account's
 * (`changed`); one the page took from the phone's settings holds for this browser only.
 */
export function localeAfterSignIn(stored: string, chosen: Locale | null, shown?: Locale | null): { locale: string; changed: boolean } {
  if (chosen) return { locale: chosen, changed: chosen !== stored };
  return { locale: shown ?? stored, changed: false };
}
