import type { Metadata } from 'next';
import { NETWORK_TIME_ZONE } from '@/lib/time';
import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { HouseholdLine } from '@/components/household-line';
import { NetworkForecast } from '@/components/network-forecast';
import { RequestFloodNotice } from '@/components/request-flood-notice';
import { pendingReservations, waitingQueue } from '@/lib/arrivals/queries';
import type { HouseholdView } from '@/lib/arrivals/views';
import { requireStaff } from '@/lib/auth/current-user';
import type { SearchParams } from '@/lib/search-params';
import { applyExpiry } from '@/lib/placement/read';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('arrivals'))('title') };
}

export default async function ArrivalsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireStaff();
  if (user.role === 'host') notFound();
  const db = getDb();
  const now = new Date();
  applyExpiry(db, now);
  const t = await getTranslations('arrivals');
  const requests = await getTranslations('requests');
  const format = await getFormatter();
  const privacy = await getTranslations('privacy');
  const { forgotten } = await searchParams;
  // Each answer is made for this caller: an admin's households come without names or notes.
  const waiting = waitingQueue(db, user, now);
  const reserved = pendingReservations(db, user, now);
  const masked = user.role === 'admin';
  const name = (household: HouseholdView) => (household.identified ? (household.alias ?? t('erased')) : privacy('hidden'));
  return (
    <>
      <div className="page-head">
        <h1>{t('title')}</h1>
        <Link href="/arrivals/new" className="button primary">
          {t('register')}
        </Link>
      </div>
      {forgotten ? (
        <p className="form-status ok" role="status">
          {privacy('forgotten')}
        </p>
      ) : null}
      {user.role === 'admin' ? <RequestFloodNotice now={now} /> : null}
      {masked ? <p className="muted">{privacy('adminHint')}</p> : null}
      <NetworkForecast now={now} />
      <section aria-labelledby="waiting-title">
        <h2 id="waiting-title">{t('waitingTitle', { count: waiting.length })}</h2>
        {waiting.length === 0 ? <p className="empty">{t('nobodyWaiting')}</p> : null}
        <ol className="queue">
          {waiting.map((household) => (
            <li key={household.id} className="card" aria-label={name(household)}>
              <div className="card-head">
                <Link href={`/arrivals/${household.id}`} className="queue-alias">
                  {name(household)}
                </Link>
                <span className="muted">
                  {household.waitedMinutes === 0
                    ? t('justArrived')
                    : household.waitedMinutes < 60
                    ? t('waitedMinutes', { minutes: household.waitedMinutes })
                    : t('waitedHours', { hours: Math.floor(household.waitedMinutes / 60), minutes: household.waitedMinutes % 60 })}
                </span>
              </div>
              <HouseholdLine household={household.composition} />
              {household.selfRegistered ? (
                <p>
                  <span className="badge">{requests('selfRegistered')}</span>{' '}
                  {household.arrivedAt > now ? requests('lands', { time: format.dateTime(household.arrivedAt, { timeZone: NETWORK_TIME_ZONE, dateStyle: 'short', timeStyle: 'short' }) }) : null}
                </p>
              ) : null}
              {household.needNote ? <p className="need-note">{household.needNote}</p> : null}
              <Link href={`/arrivals/${household.id}`} className="button">
                {t('findPlace')}
              </Link>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="reserved-title">
        <h2 id="reserved-title">{t('reservedTitle', { count: reserved.length })}</h2>
        {reserved.length === 0 ? <p className="empty">{t('noneReserved')}</p> : null}
        <ul className="queue">
          {reserved.map((stay) => (
            <li key={stay.id} className="card">
              <div className="card-head">
                <Link href={`/arrivals/${stay.household.id}`} className="queue-alias">
                  {name(stay.household)}
                </Link>
                <span>{stay.shelterName}</span>
              </div>
              <p className="muted">
                {stay.beds.map((bed) => `${bed.roomName} ${bed.label}`).join(', ')} ·{' '}
                {t('heldUntil', { time: format.dateTime(stay.holdUntil, { timeZone: stay.timeZone, timeStyle: 'short' }) })}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
