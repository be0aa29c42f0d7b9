'use client';

import { useTranslations } from 'next-intl';
import Link from '@/components/link';
import { FormStatus } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';

type Props = { action: FormAction; shelterId: string; rooms: { id: string; name: string }[]; min: string; max: string };

/** Close the whole shelter or one room for a few nights: renovation, the host away. */
export function ClosureForm({ action, shelterId, rooms, min, max }: Props) {
  const t = useTranslations('closures');
  const [state, formAction] = useFormAction(action);
  // A refusal over a booking links to that household's page, where it is moved or its dates changed.
  const moveHref = state.fieldErrors?.firstNight === 'closureHasBookings' ? state.messageParams?.moveHref : undefined;
  return (
    <form action={formAction} className="stack" noValidate>
      <input type="hidden" name="shelterId" value={shelterId} />
      <SelectField
        state={state}
        id="closure-room"
        name="roomId"
        label={t('what')}
        options={[{ value: '', label: t('wholeShelter') }, ...rooms.map((room) => ({ value: room.id, label: room.name }))]}
      />
      <div className="row">
        {/* The link to the booking in the way sits right under the refusal that names it. */}
        <div className="field">
          <TextField state={state} id="closure-first" name="firstNight" label={t('firstNight')} type="date" min={min} max={max} required />
          {moveHref ? (
            <p>
              <Link href={String(moveHref)} className="button">
                {t('moveBooking', { named: String(state.messageParams?.named), name: String(state.messageParams?.name) })}
              </Link>
            </p>
          ) : null}
        </div>
        <TextField
          state={state}
          id="closure-last"
          name="lastNight"
          label={t('lastNight')}
          hint={t('lastNightHint')}
          type="date"
          min={min}
          max={max}
          required
        />
      </div>
      <TextField state={state} id="closure-reason" name="reason" label={t('reason')} hint={t('reasonHint')} maxLength={120} />
      <FormStatus state={state} />
      <SubmitButton>{t('submit')}</SubmitButton>
    </form>
  );
}
