'use client';

import { useTranslations } from 'next-intl';
import { FormStatus } from '@/components/ui/form-status';
import { nameFor } from '@/components/ui/name-for';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { SECOND_FACTOR_POLICIES, type SecondFactorPolicy } from '@/db/schema/enums';

/** Who must sign in with a code from an app as well as a password. */
export function SecondFactorForm({ action, policy }: { action: FormAction; policy: SecondFactorPolicy }) {
  const t = useTranslations('settings');
  const [state, formAction] = useFormAction(action);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormStatus state={state} />
      <SelectField
        state={state}
        name="secondFactor"
        label={t('secondFactor')}
        stored={policy}
        options={SECOND_FACTOR_POLICIES.map((value) => ({ value, label: t(`secondFactorPolicy.${value}`) }))}
      />
      <p className="hint">{t('secondFactorHint')}</p>
      <SubmitButton aria-label={nameFor(t('secondFactorSave'), t('secondFactorTitle'))}>{t('secondFactorSave')}</SubmitButton>
    </form>
  );
}
