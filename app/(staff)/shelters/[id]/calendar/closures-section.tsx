import { ActionButton } from '@/components/ui/action-button';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import type { CalendarPage } from '@/lib/shelters/calendar-page';
import { nightDate } from '../host-day';
import { closeShelterNights, reopenShelterNights } from './actions';
import styles from './calendar.module.css';
import { ClosureForm } from './closure-form';

/** The nights closed ahead, whole shelter or one room, and (for those who may) reopening them or closing more. */
export async function ClosuresSection({ view }: { view: CalendarPage }) {
  const { closures, editable } = view;
  const t = await getTranslations('calendar');
  const format = await getFormatter();
  return (
    <section className={`card ${styles.closures}`} aria-labelledby="closures-title">
      <h2 id="closures-title">{t('closuresTitle')}</h2>
      {closures.length === 0 ? <p className="empty">{t('noClosures')}</p> : null}
      <ul className="stay-list">
        {closures.map((closure) => {
          const what = closure.roomName ?? t('wholeShelter');
          const when =
            closure.firstNight === closure.lastNight
              ? t('oneNight', { date: nightDate(format, closure.firstNight) })
              : t('nightsRange', { from: nightDate(format, closure.firstNight), to: nightDate(format, closure.lastNight) });
          return (
            <li key={closure.id} aria-label={`${what}: ${when}`}>
              <strong>{what}</strong> · {when}
              {closure.reason ? <p className="muted">{closure.reason}</p> : null}
              {editable ? (
                <ActionButton
                  action={reopenShelterNights}
                  fields={{ closureId: closure.id }}
                  label={t('reopen')}
                  confirm={t('reopenConfirm', { what })}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
      {editable ? (
        <>
          <h3>{t('closeTitle')}</h3>
          <ClosureForm action={closeShelterNights} shelterId={view.shelter.id} rooms={view.rooms} min={view.tonight} max={view.lastNight} />
        </>
      ) : null}
    </section>
  );
}
