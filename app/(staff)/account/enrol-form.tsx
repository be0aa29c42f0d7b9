'use client';

import { useTranslations } from 'next-intl';
import { FormStatus } from '@/components/ui/form-status';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { useShowRecoveryCodes } from './recovery-codes';

/** The first code from the app turns the second factor on; the recovery codes then appear once. */
export function EnrolForm({ action }: { action: FormAction }) {
  const t = useTranslations('account');
  const [state, formAction] = useFormAction(action);
  useShowRecoveryCodes(state);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormStatus state={state} />
      <TextField
        state={state}
        name="code"
        label={t('enrolCode')}
        autoComplete="one-time-code"
        inputMode="numeric"
        maxLength={12}
        required
      />
      <SubmitButton>{t('enrolSubmit')}</SubmitButton>
    </form>
  );
}
