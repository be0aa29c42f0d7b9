import { rankedLanguages } from './accept-language';

export const LOCALES = ['en', 'ru', 'tr'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';
export const LOCALE_COOKIE = 'waystation-locale';

export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ru: 'Русский', tr: 'Türkçe' };

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

/** Picks the best supported language from an Accept-Language header, honouring q-values. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  // Ukrainian speakers nearly all read Russian; the staff screens have no Ukrainian yet.
  for (const base of rankedLanguages(acceptLanguage)) {
    if (isLocale(base)) return base;
    if (base === 'uk' || base === 'be') return 'ru';
  }
  return DEFAULT_LOCALE;
}
