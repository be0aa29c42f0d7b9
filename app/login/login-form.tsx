'use client';
import { useTranslations } from 'next-intl';
import { FormStatus } from '@/components/ui/form-status';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';

export function LoginForm({ action }: { action: FormAction }) {
  const t = useTranslations('login');
  const [state, formAction] = useFormAction(action);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormStatus state={state} />
      <TextField state={state} name="email" label={t('email')} type="email" autoComplete="username" required inputMode="email" />
      <TextField state={state} name="password" label={t('password')} type="password" autoComplete="current-password" required />
      <SubmitButton>{t('submit')}</SubmitButton>
    </form>
  );
}
