'use client';
import { useTranslations } from 'next-intl';
import { FormStatus } from '@/components/ui/form-status';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';

export function NewShelterForm({ action }: { action: FormAction }) {
  const t = useTranslations('shelters');
  const [state, formAction] = useFormAction(action);
  return (
    <form action={formAction} className="inline-form" noValidate>
      <FormStatus state={state} />
      <TextField state={state} name="name" label={t('name')} maxLength={100} required />
      <TextField state={state} name="district" label={t('district')} maxLength={60} required />
      <SubmitButton>{t('create')}</SubmitButton>
    </form>
  );
}
