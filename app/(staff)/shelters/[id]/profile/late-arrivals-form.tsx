'use client';

import { useTranslations } from 'next-intl';
import { FormStatus } from '@/components/ui/form-status';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';

export type LateArrivalsValues = { id: string; lateGraceMinutes: number; latestArrival: string | null; checkInUntil: string };

/** What a guest's "late, about 23:30" does here: the arrival's page words its promise from these two. */
export function LateArrivalsForm({ action, shelter }: { action: FormAction; shelter: LateArrivalsValues }) {
  const t = useTranslations('profile');
  const [state, formAction] = useFormAction(action);
  return (
    <form action={formAction} className="stack" noValidate>
      <input type="hidden" name="shelterId" value={shelter.id} />
      <FormStatus state={state} />
      <fieldset>
        <legend>{t('lateArrivals')}</legend>
        <p className="hint">{t('lateArrivalsHint')}</p>
        <TextField
          state={state}
          name="lateGraceMinutes"
          label={t('lateGraceMinutes')}
          hint={t('lateGraceMinutesHint')}
          stored={shelter.lateGraceMinutes}
          type="number"
          min={0}
          max={180}
          inputMode="numeric"
        />
        <TextField
          state={state}
          name="latestArrival"
          label={t('latestArrival')}
          hint={t('latestArrivalHint', { closes: shelter.checkInUntil })}
          stored={shelter.latestArrival}
          type="time"
        />
      </fieldset>
      <SubmitButton>{t('lateArrivalsSave')}</SubmitButton>
    </form>
  );
}
