'use client';

import { useTranslations } from 'next-intl';
import type { FormState } from '@/lib/forms';
import { messagePath, messageValues } from './field-error';

/** The form-level outcome, announced to screen readers. */
export function FormStatus({ state }: { state: FormState }) {
  const t = useTranslations();
  if (state.status === 'idle' || !state.message) return null;
  if (state.status === 'error') {
    return (
      <p role="alert" className="form-status error">
        {t(messagePath(state.message, 'errors'), messageValues(state.messageParams))}
      </p>
    );
  }
  return (
    <p role="status" className="form-status ok">
      {t(messagePath(state.message, 'notices'), messageValues(state.messageParams))}
    </p>
  );
}
