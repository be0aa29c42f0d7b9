'use client';

import { useTranslations } from 'next-intl';
import { CheckboxGroup } from '@/components/ui/checkbox-group';
import { FormStatus } from '@/components/ui/form-status';
import { nameFor } from '@/components/ui/name-for';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';

const KINDS = ['men', 'women', 'families'] as const;

/** The kinds of household suggested only homes verified by two volunteers. */
export function HomesForm({ action, kinds }: { action: FormAction; kinds: string[] }) {
  const t = useTranslations('settings');
  const [state, formAction] = useFormAction(action);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormStatus state={state} />
      <CheckboxGroup
        state={state}
        name="kinds"
        legend={t('homesKinds')}
        stored={kinds}
        options={KINDS.map((kind) => ({ value: kind, label: t(`homesKind.${kind}`) }))}
      />
      <SubmitButton aria-label={nameFor(t('homesSave'), t('homesTitle'))}>{t('homesSave')}</SubmitButton>
    </form>
  );
}
