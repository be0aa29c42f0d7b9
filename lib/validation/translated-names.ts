import type { TextLocale } from '@/db/schema/enums';
import { optionalNameText } from './common';

/** A place's name in each language, as the forms send them (lib/i18n/translated-name.ts); blank falls back. */
export const translationFields = (max: number) => ({
  nameEn: optionalNameText(max),
  nameRu: optionalNameText(max),
  nameTr: optionalNameText(max),
  nameUk: optionalNameText(max),
});

type TranslationFields = { nameEn: string | null; nameRu: string | null; nameTr: string | null; nameUk: string | null };

/** The fields of a parsed form as names by language, each null where left blank. */
export const namesByLocale = ({ nameEn, nameRu, nameTr, nameUk }: TranslationFields): Record<TextLocale, string | null> => ({
  en: nameEn,
  ru: nameRu,
  tr: nameTr,
  uk: nameUk,
});
