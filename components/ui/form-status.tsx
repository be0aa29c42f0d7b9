'use client';
import { useTranslations } from 'next-intl';
import type { FormState } from '@/lib/forms';

/** The form-level outcome, announced to screen readers. */
export function FormStatus({ state }: { state: FormState }) {
  const errors = useTranslations('errors');
  const notices = useTranslations('notices');
  if (state.status === 'idle' || !state.message) return null;
  if (state.status === 'error') {
    return (
      <p role="alert" className="form-status error">
        {errors(state.message, state.messageParams ?? {})}
      </p>
    );
  }
  return (
    <p role="status" className="form-status ok">
      {notices(state.message, state.messageParams ?? {})}
    </p>
  );
}
