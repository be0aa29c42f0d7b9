import 'server-only';
import { cookies } from 'next/headers';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';

export async function rememberLocale(locale: string): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 24 * 3600 });
}
