'use client';

import { useLocale, useTranslations } from 'next-intl';
import { chooseLocale } from '@/app/actions';
import { LOCALE_NAMES, LOCALES } from '@/lib/i18n/locales';
import { useFormAction } from './ui/use-form-action';

export function LanguageSwitcher() {
  const t = useTranslations('common');
  const current = useLocale();
  const [, formAction] = useFormAction(chooseLocale);
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
