'use client';

import { useTranslations } from 'next-intl';
import { ErrorNextStep } from '@/components/error-next-step';
import { useStaffRole } from '@/components/staff-role';

/** A failure in a staff screen keeps the header (this renders inside the staff layout) and says what to do next. */
export default function StaffErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('errorPage');
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      <ErrorNextStep role={useStaffRole()} reset={reset} />
    </>
  );
}
