import { TEXT_LOCALES, type TextLocale } from '@/db/schema/enums';

/**
 * A place's name in the languages someone gave it one (a room, a meeting point): "Мужская комната"
 * for a Russian reader of "Men's room". The place's own name is the one typed first.
 */
export type TranslatedNames = Partial<Record<TextLocale, string>>;

const isTextLocale = (locale: string): locale is TextLocale => (TEXT_LOCALES as readonly string[]).includes(locale);

/** The name a reader of `locale` sees: its translation there, else the place's own name. */
export const translatedName = (name: string, translations: TranslatedNames | undefined, locale: string): string =>
  (isTextLocale(locale) ? translations?.[locale] : undefined) || name;

/** Rows of (id, locale, name) grouped by id, as the name tables store them. */
export function groupNames(rows: { id: string; locale: TextLocale; name: string }[]): Map<string, TranslatedNames> {
  const byId = new Map<string, TranslatedNames>();
  for (const row of rows) byId.set(row.id, { ...byId.get(row.id), [row.locale]: row.name });
  return byId;
}
