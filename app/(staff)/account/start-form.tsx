'use client';

import { useTranslations } from 'next-intl';
import { FormStatus } from '@/components/ui/form-status';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';

/** Setting it up starts with the password, so someone with only a borrowed session cannot. */
export function StartForm({ action, email }: { action: FormAction; email: string }) {
  const t = useTranslations('account');
  const [state, formAction] = useFormAction(action);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormStatus state={state} />
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        state={state}
        id="start-current-password"
        name="currentPassword"
        label={t('currentPassword')}
        type="password"
        autoComplete="current-password"
        required
      />
      <SubmitButton>{t('enrolStart')}</SubmitButton>
    </form>
  );
}
