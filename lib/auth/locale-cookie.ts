import 'server-only';
import { cookies, headers } from 'next/headers';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';
import { originFromHeaders } from './origin';

/** Like the session cookie: not readable by scripts, not sent cross-site, only over HTTPS when served so. */
export async function rememberLocale(locale: string): Promise<void> {
  const secure = new URL(originFromHeaders(await headers())).protocol === 'https:';
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', httpOnly: true, secure, maxAge: 365 * 24 * 3600 });
}
