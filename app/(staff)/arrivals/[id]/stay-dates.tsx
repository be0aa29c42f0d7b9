'use client';

import { useTranslations } from 'next-intl';
import Link from '@/components/link';
import { useNightFormat } from '@/components/nights';
import { describedBy, FieldError } from '@/components/ui/field-error';
import { FormStatus } from '@/components/ui/form-status';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { addNights, nightCount } from '@/lib/calendar/nights';
import { fieldValue } from '@/lib/forms';

type Stay = { id: string; status: 'reserved' | 'checked_in'; firstNight: string; departure: string; checkOutBy: string };

/**
 * A stay's nights and the form to change them. An extension onto nights someone else has booked
 * comes back refused with the night; the page then offers places free for the new dates (a move).
 */
export function StayDates({ stay, path, action }: { stay: Stay; path: string; action: FormAction }) {
  const t = useTranslations('placement');
  const { day, range } = useNightFormat();
  const [state, formAction] = useFormAction(action);
  const wanted = typeof state.values?.departure === 'string' ? state.values.departure : null;
  const collided = state.status === 'error' && state.fieldErrors?.departure === 'datesTaken' && wanted;
  return (
    <div className="stay-dates">
      <p>
        {t('stayNights', {
          count: nightCount(stay),
          range: range(stay.firstNight, addNights(stay.departure, -1)),
          departure: day(stay.departure),
          time: stay.checkOutBy,
        })}
      </p>
      <details>
        <summary>{t('changeDates')}</summary>
        <form action={formAction} className="field-row">
          <input type="hidden" name="stayId" value={stay.id} />
          {stay.status === 'reserved' ? (
            <div className="field">
              <label htmlFor="stay-first-night">{t('firstNight')}</label>
              <input
                id="stay-first-night"
                type="date"
                name="firstNight"
                defaultValue={fieldValue(state, 'firstNight', stay.firstNight)}
                {...describedBy(state, 'firstNight', 'stay-first-night')}
              />
              <FieldError state={state} name="firstNight" inputId="stay-first-night" />
            </div>
          ) : null}
          <div className="field">
            <label htmlFor="stay-departure">{t('departure')}</label>
            <input
              id="stay-departure"
              type="date"
              name="departure"
              required
              defaultValue={fieldValue(state, 'departure', stay.departure)}
              {...describedBy(state, 'departure', 'stay-departure')}
            />
            <FieldError state={state} name="departure" inputId="stay-departure" />
          </div>
          <SubmitButton className="button">{t('saveDates')}</SubmitButton>
        </form>
        {collided ? (
          <p>
            <Link href={`${path}?to=${wanted}#suggestions-title`}>{t('placesForNewDates', { departure: day(wanted) })}</Link>
          </p>
        ) : (
          <FormStatus state={state} />
        )}
      </details>
    </div>
  );
}
