import { HouseholdCityLine } from '@/components/household-city-line';
import { HouseholdLine } from '@/components/household-line';
import { ActionButton } from '@/components/ui/action-button';
import type { placementPage } from '@/lib/households/placement-page';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { REVEAL_MINUTES } from '@/lib/privacy/shares';
import { markRequestNotGenuine, revealArrival } from './actions';
import { chooseMeetingPoint } from './meeting-point-actions';
import { MeetingPointForm } from './meeting-point-form';

type View = NonNullable<ReturnType<typeof placementPage>>;

/** Who the household is, as far as the caller may know, and what they may do about that here. */
export async function HouseholdCard({ view }: { view: View }) {
  const { household, timeZone, cityName, cityNames, meetingPoints, meetingPointId } = view;
  const t = await getTranslations('placement');
  const privacy = await getTranslations('privacy');
  const languageNames = await getTranslations('languages');
  const requests = await getTranslations('requests');
  const intake = await getTranslations('intake');
  const format = await getFormatter();
  return (
    <section className="card household" aria-label={t('household')}>
      <HouseholdLine household={household.composition} />
      <HouseholdCityLine cities={cityNames} />
      {household.languages.length > 0 ? <p>{household.languages.map((l) => languageNames(l)).join(', ')}</p> : null}
      {household.needNote ? <p className="need-note">{household.needNote}</p> : null}
      {household.expectedAt ? (
        <p>
          {t('expectedLanding', {
            time: format.dateTime(household.expectedAt, { timeZone, dateStyle: 'medium', timeStyle: 'short' }),
            clock: cityName ? intake('clockOf', { city: cityName }) : intake('clockLocal'),
          })}
        </p>
      ) : null}
      {meetingPoints.length > 0 ? (
        <MeetingPointForm action={chooseMeetingPoint} arrivalId={household.id} points={meetingPoints} current={meetingPointId} />
      ) : null}
      {household.contact ? (
        <p>
          {t('contact')}: {household.contact}
        </p>
      ) : null}
      {household.identified ? null : (
        <>
          <p className="muted">{privacy('hiddenHint', { minutes: REVEAL_MINUTES })}</p>
          <ActionButton
            action={revealArrival}
            fields={{ arrivalId: household.id }}
            label={privacy('reveal')}
            confirm={privacy('revealConfirm')}
          />
        </>
      )}
      {household.selfRegistered ? (
        <>
          <p>
            <span className="badge">{requests('selfRegistered')}</span> {requests('selfRegisteredHint')}
          </p>
          {household.status === 'waiting' ? (
            <ActionButton
              action={markRequestNotGenuine}
              fields={{ arrivalId: household.id }}
              label={requests('notGenuine')}
              confirm={requests('notGenuineConfirm')}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
