'use client';

import { useTranslations } from 'next-intl';
import { FieldError } from '@/components/ui/field-error';
import { FormStatus } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import type { FormState } from '@/lib/forms';

/**
 * One question about arrival: already here, or lands at a time; one time field read either way. When
 * the server moved a time still ahead from "already here" to "lands at", the line saying so is here.
 */
export function ArrivalQuestion({ state, clock, now }: { state: FormState; clock: string; now: string }) {
  const t = useTranslations('intake');
  const answer = state.values?.arrival === 'lands' ? 'lands' : 'here';
  return (
    <fieldset className="arrival-question">
      <legend>{t('arrivalQuestion')}</legend>
      {(['here', 'lands'] as const).map((value) => (
        <div key={value} className="checkbox">
          <input type="radio" id={`arrival-${value}`} name="arrival" value={value} defaultChecked={answer === value} />
          <label htmlFor={`arrival-${value}`}>{t(value === 'here' ? 'alreadyHere' : 'landsAt')}</label>
        </div>
      ))}
      <FieldError state={state} name="arrival" inputId="arrival-here" />
      <TextField
        state={state}
        name="arrivalTime"
        label={t('arrivalTime', { clock })}
        hint={t('arrivalTimeHint')}
        type="datetime-local"
        stored={now}
      />
      {state.data?.arrivalMoved ? <FormStatus state={state} /> : null}
    </fieldset>
  );
}
