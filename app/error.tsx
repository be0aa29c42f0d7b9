'use client';
import { useTranslations } from 'next-intl';

/** Shown for an unexpected failure; it never shows the error itself (no stack, no SQL). */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('errorPage');
  return (
    <main className="narrow">
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      <button type="button" className="button primary" onClick={reset}>
        {t('retry')}
      </button>
    </main>
  );
}
