'use client';

import { useTranslations } from 'next-intl';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { FormStatus } from '@/components/ui/form-status';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';

/** A new item of the offers' vetting checklist. */
export function ChecklistForm({ action }: { action: FormAction }) {
  const t = useTranslations('settings');
  const [state, formAction] = useFormAction(action);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormStatus state={state} />
      <TextField state={state} name="label" label={t('checkLabel')} hint={t('checkLabelHint')} maxLength={80} />
      <CheckboxField state={state} name="twoPeople" label={t('checkTwoPeople')} />
      <SubmitButton>{t('checkAdd')}</SubmitButton>
    </form>
  );
}
