'use client';
import { useTranslations } from 'next-intl';
import { FormStatus } from '@/components/ui/form-status';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';

/** Turning it off asks again who this is: a current code, a recovery code or the password. */
export function TurnOffForm({ action }: { action: FormAction }) {
  const t = useTranslations('account');
  const [state, formAction] = useFormAction(action);
  return (
    <details>
      <summary>{t('turnOff')}</summary>
      <form action={formAction} className="stack" noValidate>
        <FormStatus state={state} />
        <TextField state={state} name="answer" label={t('turnOffAnswer')} hint={t('turnOffHint')} type="password" autoComplete="off" required />
        <SubmitButton className="button danger">{t('turnOffSubmit')}</SubmitButton>
      </form>
    </details>
  );
}
