'use client';

import { useTranslations } from 'next-intl';
import { useNightFormat } from '@/components/nights';
import { addNights, nightCount } from '@/lib/calendar/nights';

export type AskedNights = {
  firstNight: string;
  departure: string;
  /** Why the dates in the page's address were not used, for the field that was wrong. */
  error: { field: 'firstNight' | 'departure'; code: string } | null;
  chosen: boolean;
};

/**
 * The nights the suggestions below are for. A plain GET form: changing the dates reloads the page with
 * places free on every one of them, and the address can be shared with another guide.
 */
export function NightsForm({ nights, path, moving }: { nights: AskedNights; path: string; moving: boolean }) {
  const t = useTranslations('placement');
  const errors = useTranslations('errors');
  const { range } = useNightFormat();
  const count = nightCount(nights);
  const error = (field: 'firstNight' | 'departure') =>
    nights.error?.field === field ? (
      <p className="field-error" id={`nights-${field}-error`}>
        {errors(nights.error.code, { days: 90, max: 90 })}
      </p>
    ) : null;
  const invalid = (field: 'firstNight' | 'departure') =>
    nights.error?.field === field ? { 'aria-invalid': true as const, 'aria-describedby': `nights-${field}-error` } : {};
  return (
    // Keyed by the nights: after a link or a move changes them, the fields show them, not what they first held.
    <form
      key={`${nights.firstNight} ${nights.departure}`}
      method="get"
      action={path}
      className="card nights-form"
      aria-labelledby="nights-title"
    >
      <h2 id="nights-title">{t('nightsTitle')}</h2>
      <p>
        {t('nightsSummary', {
          count,
          range: range(nights.firstNight, addNights(nights.departure, -1)),
          departure: new Date(`${nights.departure}T12:00:00Z`),
        })}
      </p>
      <div className="field-row">
        {moving ? null : (
          <div className="field">
            <label htmlFor="nights-from">{t('firstNight')}</label>
            <input id="nights-from" type="date" name="from" defaultValue={nights.firstNight} required {...invalid('firstNight')} />
            {error('firstNight')}
          </div>
        )}
        <div className="field">
          <label htmlFor="nights-to">{t('departure')}</label>
          <input id="nights-to" type="date" name="to" defaultValue={nights.departure} required {...invalid('departure')} />
          {error('departure')}
        </div>
      </div>
      <button type="submit" className="button">
        {t('showPlaces')}
      </button>
    </form>
  );
}
