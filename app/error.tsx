'use client';

import { useTranslations } from 'next-intl';
import { ErrorNextStep } from '@/components/error-next-step';

/**
 * Shown for an unexpected failure outside the staff screens (or in their layout): nobody is known to be
 * signed in here. It never shows the error itself (no stack, no SQL).
 */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('errorPage');
  return (
    <main className="narrow">
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      <ErrorNextStep role={null} reset={reset} />
    </main>
  );
}
