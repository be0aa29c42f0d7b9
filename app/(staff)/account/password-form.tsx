'use client';

import { useTranslations } from 'next-intl';
import { FormStatus } from '@/components/ui/form-status';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-length';

/** The email rides along, hidden, so password managers know which account's password changed. */
export function PasswordForm({ action, email }: { action: FormAction; email: string }) {
  const t = useTranslations('account');
  const [state, formAction] = useFormAction(action);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormStatus state={state} />
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        state={state}
        name="currentPassword"
        label={t('currentPassword')}
        type="password"
        autoComplete="current-password"
        required
      />
      <TextField
        state={state}
        name="password"
        label={t('newPassword')}
        hint={t('newPasswordHint', { min: MIN_PASSWORD_LENGTH })}
        type="password"
        autoComplete="new-password"
        required
      />
      <TextField state={state} name="confirmPassword" label={t('confirmPassword')} type="password" autoComplete="new-password" required />
      <SubmitButton>{t('submit')}</SubmitButton>
    </form>
  );
}
