'use client';

import { useTranslations } from 'next-intl';
import { TEXT_LOCALES, type TextLocale } from '@/db/schema/enums';
import type { FormState } from '@/lib/forms';
import type { TranslatedNames } from '@/lib/i18n/translated-name';
import { TextField } from './text-field';

// The form fields lib/validation/translated-names.ts reads.
const FIELD: Record<TextLocale, string> = { en: 'nameEn', ru: 'nameRu', tr: 'nameTr', uk: 'nameUk' };

/**
 * A place's name in other languages, folded away: most places need none, and a name typed once is
 * shown wherever a language has none. Opened when it holds a name or a refused one, so neither hides.
 */
export function TranslatedNameFields({
  state,
  idPrefix,
  names,
  maxLength,
}: {
  state: FormState;
  idPrefix: string;
  names?: TranslatedNames;
  maxLength: number;
}) {
  const t = useTranslations('translatedNames');
  const fields = Object.values(FIELD);
  const open =
    TEXT_LOCALES.some((locale) => names?.[locale]) ||
    fields.some((field) => state.fieldErrors?.[field] || (typeof state.values?.[field] === 'string' && state.values[field] !== ''));
  return (
    <details className="translations" open={open}>
      <summary>{t('summary')}</summary>
      <p className="hint">{t('hint')}</p>
      {TEXT_LOCALES.map((locale) => (
        <TextField
          key={locale}
          state={state}
          id={`${idPrefix}-${FIELD[locale]}`}
          name={FIELD[locale]}
          label={t(locale)}
          stored={names?.[locale] ?? ''}
          maxLength={maxLength}
          lang={locale}
        />
      ))}
    </details>
  );
}
