import en from '@/lib/i18n/arrival/en.json';
import ru from '@/lib/i18n/arrival/ru.json';
import tr from '@/lib/i18n/arrival/tr.json';
import uk from '@/lib/i18n/arrival/uk.json';
import { rankedLanguages } from '@/lib/i18n/accept-language';

/** The arrival's page speaks four languages; the staff screens three. */
export const ARRIVAL_LOCALES = ['ru', 'uk', 'tr', 'en'] as const;
export type ArrivalLocale = (typeof ARRIVAL_LOCALES)[number];
export const ARRIVAL_LOCALE_COOKIE = 'lang';
export const ARRIVAL_MESSAGES: Record<ArrivalLocale, typeof en> = { en, ru, tr, uk };
export const ARRIVAL_LOCALE_NAMES: Record<ArrivalLocale, string> = { ru: 'Русский', uk: 'Українська', tr: 'Türkçe', en: 'English' };

export const isArrivalLocale = (value: unknown): value is ArrivalLocale => ARRIVAL_LOCALES.includes(value as ArrivalLocale);

/** A choice in the URL wins, then the remembered one, then the phone's Accept-Language; else English. */
export function arrivalLocale(chosen: string | null, remembered: string | undefined, acceptLanguage: string | null): ArrivalLocale {
  if (isArrivalLocale(chosen)) return chosen;
  if (isArrivalLocale(remembered)) return remembered;
  // Belarusian and Kazakh speakers of this exodus read Russian.
  for (const base of rankedLanguages(acceptLanguage)) {
    if (isArrivalLocale(base)) return base;
    if (base === 'be' || base === 'kk') return 'ru';
  }
  return 'en';
}
