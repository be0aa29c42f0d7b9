import type { Metadata } from 'next';
import { NETWORK_TIME_ZONE } from '@/lib/time';
import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { HouseholdLine } from '@/components/household-line';
import { RequestFloodNotice } from '@/components/request-flood-notice';
import { pendingReservations, waitingQueue } from '@/lib/arrivals/queries';
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
  const waiting = waitingQueue(db, now);
  // A guide sees the reservations they made; an admin sees them all, without names.
  const reserved = pendingReservations(db).filter(({ stay }) => user.role === 'admin' || stay.reservedBy === user.id);
  const masked = user.role === 'admin';
  const name = (alias: string | null) => (masked ? privacy('hidden') : (alias ?? t('erased')));
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
      <section aria-labelledby="waiting-title">
        <h2 id="waiting-title">{t('waitingTitle', { count: waiting.length })}</h2>
        {waiting.length === 0 ? <p className="empty">{t('nobodyWaiting')}</p> : null}
        <ol className="queue">
          {waiting.map((household) => (
            <li key={household.id} className="card" aria-label={name(household.alias)}>
              <div className="card-head">
                <Link href={`/arrivals/${household.id}`} className="queue-alias">
                  {name(household.alias)}
                </Link>
                <span className="muted">
                  {household.waitedMinutes === 0
                    ? t('justArrived')
                    : household.waitedMinutes < 60
                    ? t('waitedMinutes', { minutes: household.waitedMinutes })
                    : t('waitedHours', { hours: Math.floor(household.waitedMinutes / 60), minutes: household.waitedMinutes % 60 })}
                </span>
              </div>
              <HouseholdLine household={household} />
              {household.selfRegistered ? (
                <p>
                  <span className="badge">{requests('selfRegistered')}</span>{' '}
                  {household.arrivedAt > now ? requests('lands', { time: format.dateTime(household.arrivedAt, { timeZone: NETWORK_TIME_ZONE, dateStyle: 'short', timeStyle: 'short' }) }) : null}
                </p>
              ) : null}
              {household.needNote && !masked ? <p className="need-note">{household.needNote}</p> : null}
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
          {reserved.map(({ stay, arrival, shelterName, timeZone, beds }) => (
            <li key={stay.id} className="card">
              <div className="card-head">
                <Link href={`/arrivals/${arrival.id}`} className="queue-alias">
                  {name(arrival.alias)}
                </Link>
                <span>{shelterName}</span>
              </div>
              <p className="muted">
                {beds.map((bed) => `${bed.roomName} ${bed.label}`).join(', ')} ·{' '}
                {t('heldUntil', { time: format.dateTime(stay.holdUntil, { timeZone, timeStyle: 'short' }) })}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
