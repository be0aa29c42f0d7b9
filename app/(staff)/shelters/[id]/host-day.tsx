import { HouseholdLine } from '@/components/household-line';
import Link from '@/components/link';
import { AutoRefresh } from '@/components/occupancy/auto-refresh';
import { ActionButton } from '@/components/ui/action-button';
import type { FormAction } from '@/components/ui/use-form-action';
import { nightCount, type Night } from '@/lib/calendar/nights';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import type { TwoInOneBed } from '@/lib/shelters/bed-conflicts';
import type { DayStay, HostDay } from '@/lib/shelters/day';
import styles from './host-day.module.css';

const REFRESH_SECONDS = 60;

type Actions = { checkIn: FormAction; checkOut: FormAction; oneMoreNight: FormAction; undoOneMoreNight: FormAction; cancel: FormAction };
type ListName = 'expected' | 'leavingToday' | 'leavingTomorrow' | 'overdue';
type Formatter = Awaited<ReturnType<typeof getFormatter>>;
type Props = { day: HostDay; twoInOneBed: TwoInOneBed[]; timeZone: string; now: Date; actions: Actions | null };

/** A night "YYYY-MM-DD" as a short date in the reader's language ("Tue 3 Mar"); it is a calendar day, so UTC. */
export const nightDate = (format: Formatter, night: Night) =>
  format.dateTime(new Date(`${night}T12:00:00Z`), { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });

/**
 * When an expected household should come, in the shelter's zone: "Tonight · lands 18:30", "Thu 3 Dec ·
 * arrived in the city 14:05", and what the guest said on their link, which wins over the landing.
 */
async function WhenLine({ stay, timeZone, now, format }: { stay: DayStay; timeZone: string; now: Date; format: Formatter }) {
  const t = await getTranslations('hostDay');
  const clock = (at: Date) => format.dateTime(at, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const { expectedAt, arrivedAt } = stay.household;
  const night = stay.tonight || !stay.firstNight ? t('tonight') : nightDate(format, stay.firstNight);
  const landing = expectedAt
    ? t('lands', { time: clock(expectedAt), past: expectedAt <= now ? 'yes' : 'no' })
    : t('inCitySince', { time: clock(arrivedAt) });
  const said = stay.guestSaid;
  return (
    <>
      <p className="stay-when">
        <strong>{night}</strong> · {landing} · {t('heldUntil', { time: clock(stay.holdUntil) })}
      </p>
      {said ? (
        <p className={styles.said} role="note">
          {said.said === 'late' && said.eta
            ? t('late', { time: clock(said.eta), at: clock(said.at) })
            : t('onTheWay', { time: clock(said.at) })}
        </p>
      ) : null}
    </>
  );
}

async function DayItem({
  stay,
  list,
  actions,
  timeZone,
  now,
}: {
  stay: DayStay;
  list: ListName;
  actions: Actions | null;
  timeZone: string;
  now: Date;
}) {
  const t = await getTranslations('hostDay');
  const privacy = await getTranslations('privacy');
  const format = await getFormatter();
  const { household } = stay;
  const name = household.identified ? (household.alias ?? t('erased')) : privacy('hidden');
  const where = stay.beds.map((bed) => `${bed.roomName} ${bed.label}`).join(', ');
  // What each button acts on, for a screen reader: the name, or where a household without one sleeps.
  const subject = household.identified ? name : `${name}, ${where}`;
  const dates =
    stay.firstNight && stay.departure
      ? t('dates', {
          nights: nightCount({ firstNight: stay.firstNight, departure: stay.departure }),
          from: nightDate(format, stay.firstNight),
          until: nightDate(format, stay.departure),
        })
      : null;
  const oneMore =
    actions && stay.departure && list !== 'expected' ? (
      // Keyed by the departure: once it changes (a night added or undone), the line below says so and
      // the button starts afresh rather than keeping an outcome that may no longer be true.
      <ActionButton
        key={stay.departure}
        action={actions.oneMoreNight}
        fields={{ stayId: stay.id, departure: stay.departure }}
        label={t('oneMoreNight')}
        subject={subject}
      />
    ) : null;
  return (
    <li aria-label={name}>
      <strong className="stay-alias">{name}</strong>
      <HouseholdLine household={household.composition} />
      {list === 'expected' ? <WhenLine stay={stay} timeZone={timeZone} now={now} format={format} /> : null}
      {household.needNote ? <p className="need-note">{household.needNote}</p> : null}
      <p className="muted">{[where, dates].filter(Boolean).join(' · ')}</p>
      {stay.extension ? (
        <div className={styles.extended}>
          <p role="status">
            <strong>{t('extendedUntil', { until: nightDate(format, stay.extension.departureAfter) })}</strong>
          </p>
          {actions ? (
            <ActionButton
              key={stay.extension.id}
              action={actions.undoOneMoreNight}
              fields={{ extensionId: stay.extension.id }}
              label={t('undo')}
              subject={subject}
            />
          ) : null}
        </div>
      ) : null}
      {actions ? (
        <div className="button-row">
          {list === 'expected' && stay.tonight ? (
            <ActionButton
              action={actions.checkIn}
              fields={{ stayId: stay.id }}
              label={t('checkIn')}
              subject={subject}
              className="button primary"
            />
          ) : null}
          {list === 'expected' ? (
            <ActionButton
              action={actions.cancel}
              fields={{ stayId: stay.id }}
              label={t('cancel')}
              subject={subject}
              confirm={t('cancelConfirm')}
            />
          ) : null}
          {list === 'leavingToday' || list === 'overdue' ? (
            <ActionButton
              action={actions.checkOut}
              fields={{ stayId: stay.id }}
              label={t('checkOut')}
              subject={subject}
              confirm={t('checkOutConfirm')}
              className="button primary"
            />
          ) : null}
          {oneMore}
        </div>
      ) : null}
    </li>
  );
}

/**
 * Beds with two guests: the guest past their departure and the other one, and what resolves it (check
 * the first out, or move one of them). Nothing here is dropped by the app; it stays until resolved.
 */
async function TwoInOneBedNotice({ conflicts, isHost }: { conflicts: TwoInOneBed[]; isHost: boolean }) {
  const t = await getTranslations('hostDay');
  const privacy = await getTranslations('privacy');
  const format = await getFormatter();
  const nameOf = (guest: TwoInOneBed['staying']) =>
    guest.household.identified ? (guest.household.alias ?? t('erased')) : privacy('hidden');
  return (
    <section className={`card ${styles.attention}`} role="alert" aria-labelledby="two-in-one-bed">
      <h3 id="two-in-one-bed">{t('twoInOneBedTitle', { count: conflicts.length })}</h3>
      <ul className="stay-list">
        {conflicts.map((conflict) => (
          <li key={`${conflict.staying.household.id} ${conflict.other.household.id}`}>
            <p>
              {t('twoInOneBed', {
                room: conflict.roomName,
                bed: conflict.bedLabel,
                staying: nameOf(conflict.staying),
                departure: nightDate(format, conflict.departure),
                other: nameOf(conflict.other),
                status: conflict.otherStatus,
                from: nightDate(format, conflict.otherFrom),
              })}
            </p>
            {conflict.staying.moveHref || conflict.other.moveHref ? (
              <p className="button-row">
                {[conflict.staying, conflict.other].map((guest) =>
                  guest.moveHref ? (
                    <Link key={guest.moveHref} href={guest.moveHref} className="button">
                      {t('move', { name: nameOf(guest) })}
                    </Link>
                  ) : null,
                )}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      {isHost ? <p className="muted">{t('askGuideToMove')}</p> : null}
    </section>
  );
}

/**
 * The top of the shelter page: who is expected (tonight's first, with when they should come and what
 * they said on their link), who leaves today and tomorrow, who is past their departure, each with the
 * one tap it needs. Each empty list says what would show there. It refreshes itself every minute, so
 * a guest's "I'll be late" reaches a host who keeps the page open.
 */
export async function HostDaySection({ day, twoInOneBed, isHost, timeZone, now, actions }: Props & { isHost: boolean }) {
  const t = await getTranslations('hostDay');
  const format = await getFormatter();
  const checkOutBy = format.dateTime(day.checkOutAt, { timeZone, timeStyle: 'short' });
  const lists: { name: ListName; title: string; empty: string }[] = [
    { name: 'expected', title: t('expected', { count: day.expected.length }), empty: t('noneExpected') },
    {
      name: 'leavingToday',
      title: t('leavingToday', { count: day.leavingToday.length }),
      empty: t('noneLeavingToday', { time: checkOutBy }),
    },
    { name: 'leavingTomorrow', title: t('leavingTomorrow', { count: day.leavingTomorrow.length }), empty: t('noneLeavingTomorrow') },
    { name: 'overdue', title: t('overdue', { count: day.overdue.length }), empty: t('noneOverdue', { time: checkOutBy }) },
  ];
  return (
    <section className={styles.day} aria-labelledby="host-day-title">
      <AutoRefresh seconds={REFRESH_SECONDS} />
      <h2 id="host-day-title">{t('title', { date: nightDate(format, day.today) })}</h2>
      {twoInOneBed.length > 0 ? <TwoInOneBedNotice conflicts={twoInOneBed} isHost={isHost} /> : null}
      <div className={styles.lists}>
        {lists.map(({ name, title, empty }) => (
          <section
            key={name}
            className={`card ${name === 'overdue' && day.overdue.length > 0 ? styles.attention : ''}`}
            aria-labelledby={`day-${name}`}
          >
            <h3 id={`day-${name}`}>{title}</h3>
            {day[name].length === 0 ? (
              <p className="empty">{empty}</p>
            ) : (
              <ul className="stay-list">
                {day[name].map((stay) => (
                  <DayItem key={stay.id} stay={stay} list={name} actions={actions} timeZone={timeZone} now={now} />
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </section>
  );
}
