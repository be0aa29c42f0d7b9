'use client';
import { useTranslations } from 'next-intl';
import type { FormState } from '@/lib/forms';

export const errorId = (name: string) => `${name}-error`;

export function FieldError({ state, name }: { state: FormState; name: string }) {
  const t = useTranslations('errors');
  const code = state.fieldErrors?.[name];
  if (!code) return null;
  return (
    <p className="field-error" id={errorId(name)}>
      {t(code, state.messageParams ?? {})}
    </p>
  );
}

/** Props that tie an input to its error message for screen readers. */
export function errorProps(state: FormState, name: string) {
  const invalid = Boolean(state.fieldErrors?.[name]);
  return invalid ? { 'aria-invalid': true, 'aria-describedby': errorId(name) } : {};
}
