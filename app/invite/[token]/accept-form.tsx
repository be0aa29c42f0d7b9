'use client';

import { useTranslations } from 'next-intl';
import { FormStatus } from '@/components/ui/form-status';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-length';

/** `askEmail`: the invitation names no address (a home's host), so its holder chooses the one they sign in with. */
export function AcceptForm({ action, token, askEmail = false }: { action: FormAction; token: string; askEmail?: boolean }) {
  const t = useTranslations('invite');
  const [state, formAction] = useFormAction(action);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="token" value={token} />
      {askEmail ? (
        <TextField state={state} name="email" label={t('email')} type="email" autoComplete="email" maxLength={254} required />
      ) : null}
      <TextField state={state} name="name" label={t('name')} hint={t('nameHint')} autoComplete="nickname" maxLength={80} required />
      <TextField
        state={state}
        name="password"
        label={t('password')}
        hint={t('passwordHint', { min: MIN_PASSWORD_LENGTH })}
        type="password"
        autoComplete="new-password"
        required
      />
      <TextField state={state} name="confirmPassword" label={t('confirmPassword')} type="password" autoComplete="new-password" required />
      <SubmitButton>{t('submit')}</SubmitButton>
    </form>
  );
}
