'use client';

import { useTranslations } from 'next-intl';
import type { FormState } from '@/lib/forms';

/** Ids derive from the input's id, not its name: one page can hold several forms with a `name` field. */
export const errorId = (inputId: string) => `${inputId}-error`;
export const hintId = (inputId: string) => `${inputId}-hint`;

/** A code is a key under `errors`, or, with a dot, the full path of a message in another namespace. */
export const messagePath = (code: string, namespace: 'errors' | 'notices') => (code.includes('.') ? code : `${namespace}.${code}`);

/**
 * A refusal's values as its message formats them: a night ("2026-12-02") becomes a date, so the
 * message can say "full on 2 Dec" in the reader's language. Noon UTC is the same day in every zone we serve.
 */
export function messageValues(params: Record<string, string | number> | undefined): Record<string, string | number | Date> {
  return Object.fromEntries(
    Object.entries(params ?? {}).map(([key, value]) => [
      key,
      typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : value,
    ]),
  );
}

export function FieldError({ state, name, inputId }: { state: FormState; name: string; inputId: string }) {
  const t = useTranslations();
  const code = state.fieldErrors?.[name];
  if (!code) return null;
  return (
    <p className="field-error" id={errorId(inputId)}>
      {t(messagePath(code, 'errors'), messageValues(state.messageParams))}
    </p>
  );
}

/** Ties an input to its hint and, after a refusal, to its error message, for screen readers. */
export function describedBy(state: FormState, name: string, inputId: string, hasHint = false) {
  const invalid = Boolean(state.fieldErrors?.[name]);
  const ids = [hasHint ? hintId(inputId) : null, invalid ? errorId(inputId) : null].filter(Boolean);
  return {
    ...(invalid ? { 'aria-invalid': true as const } : {}),
    ...(ids.length > 0 ? { 'aria-describedby': ids.join(' ') } : {}),
  };
}
