import { HouseholdLine } from '@/components/household-line';
import Link from '@/components/link';
import { NetworkForecast } from '@/components/network-forecast';
import { RequestFloodNotice } from '@/components/request-flood-notice';
import { nameFor } from '@/components/ui/name-for';
import { QUEUE_KINDS, QUEUE_PAGE, queueHref } from '@/lib/households/filters';
import type { Landing } from '@/lib/households/landing';
import type { QueuePage } from '@/lib/households/queue-page';
import type { HouseholdView } from '@/lib/households/views';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { BatchPlace } from './batch-place';
import { BatchScope, QueueTick } from './batch-scope';
import styles from './queue.module.css';

type Props = { view: QueuePage };

/** What a card calls a household: its alias, or (when the caller may not know it) its place in the list. */
async function naming() {
  const t = await getTranslations('arrivals');
  const privacy = await getTranslations('privacy');
  const name = (household: HouseholdView) => (household.identified ? (household.alias ?? t('erased')) : privacy('hidden'));
  // Households whose names the caller may not see are told apart by their place in the list.
  const placeOf = (household: HouseholdView, index: number) => (household.identified ? null : t('queuePlace', { place: index + 1 }));
  const whom = (household: HouseholdView, index: number) => [name(household), placeOf(household, index)].filter(Boolean).join(', ');
  return { name, placeOf, whom };
}

/** "lands tomorrow 14:20": the day and hour on the household's own city clock (lib/households/landing.ts). */
async function landing() {
  const t = await getTranslations('arrivals');
  const format = await getFormatter();
  return ({ day, date, time }: Landing) =>
    t('lands', { day, time, date: format.dateTime(new Date(`${date}T12:00:00Z`), { timeZone: 'UTC', day: 'numeric', month: 'short' }) });
}

/** The next page of whichever list is shown, under it. */
async function ShowMore({ view, shown }: Props & { shown: number }) {
  if (shown >= view.total) return null;
  const q = await getTranslations('queuePage');
  return (
    <p className={styles.more}>
      <Link href={queueHref(view.query, { shown: view.query.shown + QUEUE_PAGE })}>{q('showMore', { shown, total: view.total })}</Link>
    </p>
  );
}

/** The heading, the two lists' tabs, the caller's cities, what they should know, and the forecast. */
export async function QueueHead({ view, forgotten }: Props & { forgotten: boolean }) {
  const { query, cities, cityId } = view;
  const t = await getTranslations('arrivals');
  const q = await getTranslations('queuePage');
  const privacy = await getTranslations('privacy');
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
          {q('waitingTab', { count: view.waiting.count })}
        </Link>
        <Link href={queueHref(query, { view: 'placed', shown: QUEUE_PAGE })} aria-current={query.view === 'placed' ? 'page' : undefined}>
          {q('placedTab', { count: view.reserved.count })}
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
      {forgotten ? (
        <p className="form-status ok" role="status">
          {privacy('forgotten')}
        </p>
      ) : null}
      {view.flood ? <RequestFloodNotice flood={view.flood} /> : null}
      {view.masked ? <p className="muted">{privacy('adminHint')}</p> : null}
      <NetworkForecast forecast={view.forecast} />
    </>
  );
}

/** The search by alias (guides only) and the kinds, as a GET form and plain links. */
export async function QueueFinders({ view }: Props) {
  const { query } = view;
  const q = await getTranslations('queuePage');
  return (
    <div className={styles.finders}>
      {view.maySearch ? (
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
      {view.filtered ? (
        <p className="muted">
          {q('filtered', { count: view.total })} <Link href={queueHref(query, { kind: null, q: '', shown: QUEUE_PAGE })}>{q('clear')}</Link>
        </p>
      ) : null}
    </div>
  );
}

/** The households waiting, longest first, each with its way to a place and a tick for a batch. */
export async function WaitingSection({ view }: Props) {
  const { cities, waiting } = view;
  const t = await getTranslations('arrivals');
  const q = await getTranslations('queuePage');
  const requests = await getTranslations('requests');
  const { name, placeOf, whom } = await naming();
  const landsText = await landing();
  return (
    <section aria-labelledby="waiting-title">
      <h2 id="waiting-title">
        {cities.shown ? t('waitingInCity', { city: cities.shown.name, count: waiting.count }) : t('waitingTitle', { count: waiting.count })}
      </h2>
      {waiting.count === 0 ? <p className="empty">{view.filtered ? q('noMatch') : t('nobodyWaiting')}</p> : null}
      {/* The ticks and the bar that places them share one form's answer (batch-scope.tsx). */}
      <BatchScope>
        <ol className="queue">
          {waiting.shown.map((household, index) => (
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
                <Link href={`/arrivals/${household.id}`} className="button" aria-label={nameFor(t('findPlace'), whom(household, index))}>
                  {t('findPlace')}
                </Link>
                <QueueTick arrivalId={household.id} size={household.size} label={q('select')} />
              </div>
            </li>
          ))}
        </ol>
        <ShowMore view={view} shown={waiting.shown.length} />
        {waiting.shown.length > 0 ? <BatchPlace shelters={view.shelters} /> : null}
      </BatchScope>
    </section>
  );
}

/** The households placed and still to come: where, which beds, and from when or until when. */
export async function ReservedSection({ view }: Props) {
  const { reserved, tonight } = view;
  const t = await getTranslations('arrivals');
  const q = await getTranslations('queuePage');
  const format = await getFormatter();
  const { name, placeOf } = await naming();
  const landsText = await landing();
  return (
    <section aria-labelledby="reserved-title">
      <h2 id="reserved-title">{t('reservedTitle', { count: reserved.count })}</h2>
      {reserved.count === 0 ? <p className="empty">{view.filtered ? q('noMatch') : t('noneReserved')}</p> : null}
      <ul className="queue">
        {reserved.shown.map((stay, index) => (
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
      <ShowMore view={view} shown={reserved.shown.length} />
    </section>
  );
}
