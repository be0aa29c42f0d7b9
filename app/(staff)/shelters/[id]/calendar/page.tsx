import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import Link from '@/components/link';
import { ActionButton } from '@/components/ui/action-button';
import { addNights, MAX_DAYS_AHEAD, tonightIn } from '@/lib/calendar/nights';
import { applyExpiry } from '@/lib/placement/read';
import { loadCalendar } from '@/lib/shelters/calendar';
import { closuresAhead } from '@/lib/shelters/closures';
import { nightDate } from '../host-day';
import { loadShelter } from '../load-shelter';
import { closeShelterNights, reopenShelterNights } from './actions';
import { CalendarGrid } from './calendar-grid';
import styles from './calendar.module.css';
import { ClosureForm } from './closure-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('calendar'))('title') };
}

export default async function CalendarPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, shelter, editable } = await loadShelter(params);
  const t = await getTranslations('calendar');
  const format = await getFormatter();
  const now = new Date();
  applyExpiry(db, now);
  const tonight = tonightIn(shelter.timeZone, now);
  const locale = await getLocale();
  const calendar = loadCalendar(db, shelter.id, tonight, locale);
  const closures = closuresAhead(db, shelter.id, tonight, locale);
  const rooms = calendar.rooms.map((room) => ({ id: room.id, name: room.name }));
  return (
    <>
      <p className="breadcrumb">
        <Link href={`/shelters/${shelter.id}`}>← {shelter.name}</Link>
      </p>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro', { count: calendar.nights.length, from: nightDate(format, tonight) })}</p>
      {calendar.rooms.length === 0 ? <p className="empty">{t('noRooms')}</p> : <CalendarGrid calendar={calendar} />}
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
            <ClosureForm
              action={closeShelterNights}
              shelterId={shelter.id}
              rooms={rooms}
              min={tonight}
              max={addNights(tonight, MAX_DAYS_AHEAD)}
            />
          </>
        ) : null}
      </section>
    </>
  );
}
