import { rankedLanguages } from '@/lib/i18n/accept-language';
import en from '@/lib/i18n/arrival/en.json';
import ru from '@/lib/i18n/arrival/ru.json';
import tr from '@/lib/i18n/arrival/tr.json';
import uk from '@/lib/i18n/arrival/uk.json';
import publicEn from '@/lib/i18n/public/en.json';
import publicRu from '@/lib/i18n/public/ru.json';
import publicTr from '@/lib/i18n/public/tr.json';
import publicUk from '@/lib/i18n/public/uk.json';

/** The arrival's page speaks four languages; the staff screens three. */
export const ARRIVAL_LOCALES = ['ru', 'uk', 'tr', 'en'] as const;
export type ArrivalLocale = (typeof ARRIVAL_LOCALES)[number];
export const ARRIVAL_LOCALE_COOKIE = 'lang';
// The public list and request form share the arrival page's languages, and its one translator.
export const ARRIVAL_MESSAGES: Record<ArrivalLocale, typeof en & typeof publicEn> = {
  en: { ...en, ...publicEn },
  ru: { ...ru, ...publicRu },
  tr: { ...tr, ...publicTr },
  uk: { ...uk, ...publicUk },
};
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
