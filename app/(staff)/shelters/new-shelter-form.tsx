'use client';

import { useTranslations } from 'next-intl';
import { FormStatus } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';

/** A new shelter in one of the caller's cities; it takes that city's time zone (editable on its profile). */
export function NewShelterForm({
  action,
  cities,
  preselected,
}: {
  action: FormAction;
  cities: { id: string; name: string }[];
  preselected?: string;
}) {
  const t = useTranslations('shelters');
  const [state, formAction] = useFormAction(action);
  return (
    <form action={formAction} className="inline-form" noValidate>
      <FormStatus state={state} />
      <TextField state={state} name="name" label={t('name')} maxLength={100} required />
      <TextField state={state} name="district" label={t('district')} maxLength={60} required />
      <SelectField
        state={state}
        name="cityId"
        label={t('city')}
        stored={preselected}
        placeholder={preselected ? undefined : t('chooseCity')}
        options={cities.map((city) => ({ value: city.id, label: city.name }))}
      />
      <SubmitButton>{t('create')}</SubmitButton>
    </form>
  );
}
