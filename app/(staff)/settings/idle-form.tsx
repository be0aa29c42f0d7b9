'use client';

import { useTranslations } from 'next-intl';
import { FormStatus } from '@/components/ui/form-status';
import { nameFor } from '@/components/ui/name-for';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { IDLE_MINUTES } from '@/lib/auth/idle';

/** How many idle minutes sign a staff member out; the 12 hours from sign-in stay whatever it is. */
export function IdleForm({ action, idleMinutes }: { action: FormAction; idleMinutes: number }) {
  const t = useTranslations('settings');
  const [state, formAction] = useFormAction(action);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormStatus state={state} />
      <TextField
        state={state}
        name="idleMinutes"
        label={t('idleMinutes')}
        hint={t('idleMinutesHint')}
        stored={idleMinutes}
        type="number"
        min={IDLE_MINUTES.min}
        max={IDLE_MINUTES.max}
        inputMode="numeric"
      />
      <SubmitButton aria-label={nameFor(t('idleSave'), t('idleTitle'))}>{t('idleSave')}</SubmitButton>
    </form>
  );
}
