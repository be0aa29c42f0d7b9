'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { FormState } from '@/lib/forms';
import { LOCALE_NAMES, LOCALES } from '@/lib/i18n/locales';
import { useFormAction } from './ui/use-form-action';

/** `choose`: the route's server action that keeps the choice (app/actions.ts chooseLocale), handed down by the page. */
export function LanguageSwitcher({ choose }: { choose: (previous: FormState, data: FormData) => Promise<FormState> }) {
  const t = useTranslations('common');
  const current = useLocale();
  const [, formAction] = useFormAction(choose);
  return (
    <form action={formAction} className="language-switcher" aria-label={t('language')}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          className="link-button"
        >
          {LOCALE_NAMES[locale]}
        </button>
      ))}
    </form>
  );
}
