import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { HouseholdLine } from '@/components/household-line';
import Link from '@/components/link';
import { NetworkForecast } from '@/components/network-forecast';
import { RequestFloodNotice } from '@/components/request-flood-notice';
import { nameFor } from '@/components/ui/name-for';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { tonightIn } from '@/lib/calendar/nights';
import { listCities } from '@/lib/cities/cities';
import { cityTimeZone } from '@/lib/cities/clock';
import { filterQueue, QUEUE_KINDS, QUEUE_PAGE, queueCities, queueHref, queueQuery } from '@/lib/households/filters';
import type { Landing } from '@/lib/households/landing';
import { pendingReservations, queueScope, waitingQueue } from '@/lib/households/queries';
import type { HouseholdView } from '@/lib/households/views';
import { freeTonightByShelter } from '@/lib/placement/batch';
import { applyExpiry } from '@/lib/placement/read';
import type { SearchParams } from '@/lib/search-params';
import { BatchPlace } from './batch-place';
import { BatchScope, QueueTick } from './batch-scope';
import styles from './queue.module.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('arrivals'))('title') };
}

export default async function ArrivalsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireStaff();
  if (!can(user, 'household.list')) notFound();
  const db = getDb();
  const now = new Date();
  applyExpiry(db, now);
  const t = await getTranslations('arrivals');
  const q = await getTranslations('queuePage');
  const requests = await getTranslations('requests');
  const format = await getFormatter();
  const privacy = await getTranslations('privacy');
  const params = await searchParams;
  const asked = queueQuery(params, user.role);
  // The caller's cities, and the one they chose of them; a city that is not theirs (or none) is ignored.
  const locale = await getLocale();
  const cities = queueCities(user, listCities(db, locale), asked.city);
  const query = { ...asked, city: cities.chosen?.slug ?? null };
  const cityId = cities.chosen?.id ?? null;
  // The queue's nights and times are on the clock of the city its heading names: the chosen one, or the only one.
  const timeZone = cityTimeZone(db, cities.shown?.id ?? null);
  const tonight = tonightIn(timeZone, now);
  // Each answer is made for this caller: an admin's households come without names or notes, and
  // the search and filters only ever look at what this caller received.
  const waiting = filterQueue(waitingQueue(db, user, now, cityId), query, now, tonight);
  const reserved = filterQueue(
    pendingReservations(db, user, now, cityId, locale).map((stay) => ({ ...stay.household, firstNight: stay.firstNight, stay })),
    query,
    now,
    tonight,
  );
  const masked = !can(user, 'household.identify');
  const name = (household: HouseholdView) => (household.identified ? (household.alias ?? t('erased')) : privacy('hidden'));
  // Households whose names the caller may not see are told apart by their place in the list.
  const placeOf = (household: HouseholdView, index: number) => (household.identified ? null : t('queuePlace', { place: index + 1 }));
  const whom = (household: HouseholdView, index: number) => [name(household), placeOf(household, index)].filter(Boolean).join(', ');
  const shownWaiting = query.view === 'waiting' ? waiting.slice(0, query.shown) : [];
  const shownReserved = query.view === 'placed' ? reserved.slice(0, query.shown) : [];
  const total = query.view === 'waiting' ? waiting.length : reserved.length;
  const shownCount = query.view === 'waiting' ? shownWaiting.length : shownReserved.length;
  // The next page of whichever list is shown, under it.
  const showMore =
    shownCount < total ? (
      <p className={styles.more}>
        <Link href={queueHref(query, { shown: query.shown + QUEUE_PAGE })}>{q('showMore', { shown: shownCount, total })}</Link>
      </p>
    ) : null;
  const scope = queueScope(user, cityId);
  const shelters = shownWaiting.length > 0 ? freeTonightByShelter(db, now, scope === 'all' ? undefined : scope) : [];
  const filtered = Boolean(query.kind || query.q);
  // "lands tomorrow 14:20": the day and hour on the household's own city clock (lib/households/landing.ts).
  const landsText = ({ day, date, time }: Landing) =>
    t('lands', { day, time, date: format.dateTime(new Date(`${date}T12:00:00Z`), { timeZone: 'UTC', day: 'numeric', month: 'short' }) });
  return (
    <>
      <div className="page-head">
        <h1>{t('title')}</h1>
        <Link href="/arrivals/new" className="button primary">
          {t('register')}
        </Link>
      </div>
      <nav aria-label={q('views')} className={styles.tabs}>
        <Link href={queueHref(query, { view: 'waiting', shown: QUEUE_PAGE })} aria-current={query.view === 'waiting' ? 'page' : undefined}>
          {q('waitingTab', { count: waiting.length })}
        </Link>
        <Link href={queueHref(query, { view: 'placed', shown: QUEUE_PAGE })} aria-current={query.view === 'placed' ? 'page' : undefined}>
          {q('placedTab', { count: reserved.length })}
        </Link>
      </nav>
      {cities.ignored ? (
        <p className="form-status error" role="status">
          {q('unknownCity')}
        </p>
      ) : null}
      {cities.choices.length > 0 ? (
        <nav aria-label={q('cities')} className={styles.kinds}>
          <Link href={queueHref(query, { city: null, shown: QUEUE_PAGE })} aria-current={cityId === null ? 'true' : undefined}>
            {q('allCities')}
          </Link>
          {cities.choices.map((city) => (
            <Link
              key={city.id}
              href={queueHref(query, { city: city.slug, shown: QUEUE_PAGE })}
              aria-current={cityId === city.id ? 'true' : undefined}
            >
              {city.name}
            </Link>
          ))}
        </nav>
      ) : null}
      {params.forgotten ? (
        <p className="form-status ok" role="status">
          {privacy('forgotten')}
        </p>
      ) : null}
      {can(user, 'requests.watch') ? <RequestFloodNotice now={now} /> : null}
      {masked ? <p className="muted">{privacy('adminHint')}</p> : null}
      <NetworkForecast now={now} cityIds={scope === 'all' ? null : scope} />
      <div className={styles.finders}>
        {can(user, 'household.search') ? (
          <form method="get" action="/arrivals" role="search" className={styles.search}>
            {query.view !== 'waiting' ? <input type="hidden" name="view" value={query.view} /> : null}
            {query.kind ? <input type="hidden" name="kind" value={query.kind} /> : null}
            {query.city ? <input type="hidden" name="city" value={query.city} /> : null}
            <label htmlFor="queue-search">{q('searchLabel')}</label>
            <span className={styles.searchRow}>
              <input id="queue-search" type="search" name="q" defaultValue={query.q} maxLength={40} autoComplete="off" />
              <button type="submit" className="button">
                {q('search')}
              </button>
            </span>
          </form>
        ) : null}
        <nav aria-label={q('kinds')} className={styles.kinds}>
          <Link href={queueHref(query, { kind: null, shown: QUEUE_PAGE })} aria-current={query.kind === null ? 'true' : undefined}>
            {q('kindAll')}
          </Link>
          {QUEUE_KINDS.map((kind) => (
            <Link key={kind} href={queueHref(query, { kind, shown: QUEUE_PAGE })} aria-current={query.kind === kind ? 'true' : undefined}>
              {q(`kind.${kind}`)}
            </Link>
          ))}
        </nav>
        {filtered ? (
          <p className="muted">
            {q('filtered', { count: total })} <Link href={queueHref(query, { kind: null, q: '', shown: QUEUE_PAGE })}>{q('clear')}</Link>
          </p>
        ) : null}
      </div>
      {query.view === 'waiting' ? (
        <section aria-labelledby="waiting-title">
          <h2 id="waiting-title">
            {cities.shown
              ? t('waitingInCity', { city: cities.shown.name, count: waiting.length })
              : t('waitingTitle', { count: waiting.length })}
          </h2>
          {waiting.length === 0 ? <p className="empty">{filtered ? q('noMatch') : t('nobodyWaiting')}</p> : null}
          {/* The ticks and the bar that places them share one form's answer (batch-scope.tsx). */}
          <BatchScope>
            <ol className="queue">
              {shownWaiting.map((household, index) => (
                <li key={household.id} className="card" aria-label={name(household)}>
                  <div className="card-head">
                    <Link
                      href={`/arrivals/${household.id}`}
                      className="queue-alias"
                      aria-label={nameFor(name(household), placeOf(household, index))}
                    >
                      {name(household)}
                    </Link>
                    <span className="muted">
                      {household.landing
                        ? landsText(household.landing)
                        : household.waitedMinutes === 0
                          ? t('justArrived')
                          : household.waitedMinutes < 60
                            ? t('waitedMinutes', { minutes: household.waitedMinutes })
                            : t('waitedHours', { hours: Math.floor(household.waitedMinutes / 60), minutes: household.waitedMinutes % 60 })}
                    </span>
                  </div>
                  <HouseholdLine household={household.composition} />
                  {household.selfRegistered ? (
                    <p>
                      <span className="badge">{requests('selfRegistered')}</span>
                    </p>
                  ) : null}
                  {household.needNote ? <p className="need-note">{household.needNote}</p> : null}
                  <div className={styles.cardActions}>
                    <Link
                      href={`/arrivals/${household.id}`}
                      className="button"
                      aria-label={nameFor(t('findPlace'), whom(household, index))}
                    >
                      {t('findPlace')}
                    </Link>
                    <QueueTick arrivalId={household.id} size={household.size} label={q('select')} />
                  </div>
                </li>
              ))}
            </ol>
            {showMore}
            {shownWaiting.length > 0 ? <BatchPlace shelters={shelters} /> : null}
          </BatchScope>
        </section>
      ) : (
        <section aria-labelledby="reserved-title">
          <h2 id="reserved-title">{t('reservedTitle', { count: reserved.length })}</h2>
          {reserved.length === 0 ? <p className="empty">{filtered ? q('noMatch') : t('noneReserved')}</p> : null}
          <ul className="queue">
            {shownReserved.map(({ stay }, index) => (
              <li key={stay.id} className="card" aria-label={name(stay.household)}>
                <div className="card-head">
                  <Link
                    href={`/arrivals/${stay.household.id}`}
                    className="queue-alias"
                    aria-label={nameFor(name(stay.household), placeOf(stay.household, index))}
                  >
                    {name(stay.household)}
                  </Link>
                  <span>{stay.shelterName}</span>
                </div>
                {stay.household.landing ? <p>{landsText(stay.household.landing)}</p> : null}
                <p className="muted">
                  {stay.beds.map((bed) => `${bed.roomName} ${bed.label}`).join(', ')} ·{' '}
                  {stay.firstNight > tonight
                    ? q('from', { night: new Date(`${stay.firstNight}T12:00:00Z`) })
                    : t('heldUntil', { time: format.dateTime(stay.holdUntil, { timeZone: stay.timeZone, timeStyle: 'short' }) })}
                </p>
              </li>
            ))}
          </ul>
          {showMore}
        </section>
      )}
    </>
  );
}
