import type { ArrivalLocale } from '@/lib/guest-link/locale';

/** The guest pages' words: they render without next-intl, so each page is handed these two. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;
export type Format = { dateTime(d: Date, o: Intl.DateTimeFormatOptions): string; relativeTime(d: Date, now: Date): string };

const displayNames = new Map<string, Intl.DisplayNames>();
/** "русский" for ru, read in the reader's language; the formatter is built once per language. */
export function languageName(locale: ArrivalLocale, language: string): string {
  let names = displayNames.get(locale);
  if (!names) displayNames.set(locale, (names = new Intl.DisplayNames([locale], { type: 'language' })));
  return names.of(language) ?? language;
}
