'use client';

import { useTranslations } from 'next-intl';
import { FieldError } from '@/components/ui/field-error';
import type { FormState } from '@/lib/forms';

/**
 * The languages, the network's most used first; the rest wait behind a native "More languages" so the
 * common case fits a phone's screen. The box opens by itself when one of the hidden ones is ticked.
 */
export function LanguageBoxes({ state, languages, shown }: { state: FormState; languages: string[]; shown: number }) {
  const t = useTranslations('intake');
  const names = useTranslations('languages');
  const typed = state.values?.languages;
  const chosen = state.values ? (Array.isArray(typed) ? typed : []) : languages.slice(0, 1);
  const box = (language: string) => (
    <div className="checkbox" key={language}>
      <input type="checkbox" id={`languages-${language}`} name="languages[]" value={language} defaultChecked={chosen.includes(language)} />
      <label htmlFor={`languages-${language}`}>{names(language)}</label>
    </div>
  );
  const rest = languages.slice(shown);
  return (
    <fieldset>
      <legend>{t('languages')}</legend>
      <div className="checkbox-group">{languages.slice(0, shown).map(box)}</div>
      <details className="more-languages" open={rest.some((l) => chosen.includes(l)) || undefined}>
        <summary>{t('moreLanguages')}</summary>
        <div className="checkbox-group">{rest.map(box)}</div>
      </details>
      <FieldError state={state} name="languages" inputId="languages" />
    </fieldset>
  );
}
