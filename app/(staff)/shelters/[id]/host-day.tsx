import { getFormatter, getTranslations } from 'next-intl/server';
import { HouseholdLine } from '@/components/household-line';
import { ActionButton } from '@/components/ui/action-button';
import type { FormAction } from '@/components/ui/use-form-action';
import { nightCount, type Night } from '@/lib/nights/calendar';
import type { DayStay, HostDay } from '@/lib/shelters/day';
import styles from './host-day.module.css';

type Actions = { checkIn: FormAction; checkOut: FormAction; oneMoreNight: FormAction };
type ListName = 'arriving' | 'leavingToday' | 'leavingTomorrow' | 'overdue';
type Props = { day: HostDay; timeZone: string; actions: Actions | null };

/** A night "YYYY-MM-DD" as a short date in the reader's language ("Tue 3 Mar"); it is a calendar day, so UTC. */
export const nightDate = (format: Awaited<ReturnType<typeof getFormatter>>, night: Night) =>
  format.dateTime(new Date(`${night}T12:00:00Z`), { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });

async function DayItem({ stay, list, actions }: { stay: DayStay; list: ListName; actions: Actions | null }) {
  const t = await getTranslations('hostDay');
  const privacy = await getTranslations('privacy');
  const format = await getFormatter();
  const { household } = stay;
  const name = household.identified ? (household.alias ?? t('erased')) : privacy('hidden');
  const dates =
    stay.firstNight && stay.departure
      ? t('dates', { nights: nightCount({ firstNight: stay.firstNight, departure: stay.departure }), from: nightDate(format, stay.firstNight), until: nightDate(format, stay.departure) })
      : null;
  const oneMore = actions && stay.departure && list !== 'arriving' ? (
    <ActionButton action={actions.oneMoreNight} fields={{ stayId: stay.id, departure: stay.departure }} label={t('oneMoreNight')} />
  ) : null;
  return (
    <li aria-label={name}>
      <strong className="stay-alias">{name}</strong>
      <HouseholdLine household={household.composition} />
      {household.needNote ? <p className="need-note">{household.needNote}</p> : null}
      <p className="muted">{[stay.beds.map((bed) => `${bed.roomName} ${bed.label}`).join(', '), dates].filter(Boolean).join(' · ')}</p>
      {actions ? (
        <div className="button-row">
          {list === 'arriving' ? <ActionButton action={actions.checkIn} fields={{ stayId: stay.id }} label={t('checkIn')} className="button primary" /> : null}
          {list === 'leavingToday' || list === 'overdue' ? (
            <ActionButton action={actions.checkOut} fields={{ stayId: stay.id }} label={t('checkOut')} confirm={t('checkOutConfirm')} className="button primary" />
          ) : null}
          {oneMore}
        </div>
      ) : null}
    </li>
  );
}

/**
 * The top of the shelter page: who comes tonight, who leaves today and tomorrow, who is past their
 * departure, each with the one tap it needs. Each empty list says what would show there.
 */
export async function HostDaySection({ day, timeZone, actions }: Props) {
  const t = await getTranslations('hostDay');
  const format = await getFormatter();
  const checkOutBy = format.dateTime(day.checkOutAt, { timeZone, timeStyle: 'short' });
  const lists: { name: ListName; title: string; empty: string }[] = [
    { name: 'arriving', title: t('arriving', { count: day.arriving.length }), empty: t('noneArriving') },
    { name: 'leavingToday', title: t('leavingToday', { count: day.leavingToday.length }), empty: t('noneLeavingToday', { time: checkOutBy }) },
    { name: 'leavingTomorrow', title: t('leavingTomorrow', { count: day.leavingTomorrow.length }), empty: t('noneLeavingTomorrow') },
    { name: 'overdue', title: t('overdue', { count: day.overdue.length }), empty: t('noneOverdue', { time: checkOutBy }) },
  ];
  return (
    <section className={styles.day} aria-labelledby="host-day-title">
      <h2 id="host-day-title">{t('title', { date: nightDate(format, day.today) })}</h2>
      <div className={styles.lists}>
        {lists.map(({ name, title, empty }) => (
          <section key={name} className={`card ${name === 'overdue' && day.overdue.length > 0 ? styles.attention : ''}`} aria-labelledby={`day-${name}`}>
            <h3 id={`day-${name}`}>{title}</h3>
            {day[name].length === 0 ? (
              <p className="empty">{empty}</p>
            ) : (
              <ul className="stay-list">
                {day[name].map((stay) => (
                  <DayItem key={stay.id} stay={stay} list={name} actions={actions} />
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </section>
  );
}
