import 'server-only';
import type { Db } from '@/db';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { tonightIn } from '@/lib/calendar/nights';
import { listCities } from '@/lib/cities/cities';
import { cityTimeZone } from '@/lib/cities/clock';
import { forecastView } from '@/lib/forecast/forecast-view';
import { freeTonightByShelter } from '@/lib/placement/batch';
import { applyExpiry } from '@/lib/placement/read';
import { floodView } from '@/lib/requests/flood-view';
import { filterQueue, queueCities, type QueueQuery } from './filters';
import { pendingReservations, queueScope, waitingQueue } from './queries';

/**
 * The queue page for its caller, or null when they have no queue (hosts). Holds past their time are
 * let go first, so a household whose hold lapsed is back among the waiting and no longer listed as
 * placed. Each household is made for this caller (an admin's come without names or notes), and the
 * search and filters only ever look at what this caller received. Only the cards of the one list shown
 * (and its first `query.shown`) are in the view; the other list is a count.
 */
export function queuePage(db: Db, user: StaffUser, asked: QueueQuery, now: Date, locale: string) {
  if (!can(user, 'household.list')) return null;
  applyExpiry(db, now);
  // The caller's cities, and the one they chose of them; a city that is not theirs (or none) is ignored.
  const cities = queueCities(user, listCities(db, locale), asked.city);
  const query = { ...asked, city: cities.chosen?.slug ?? null };
  const cityId = cities.chosen?.id ?? null;
  // The queue's nights and times are on the clock of the city its heading names: the chosen one, or the only one.
  const tonight = tonightIn(cityTimeZone(db, cities.shown?.id ?? null), now);
  const waiting = filterQueue(waitingQueue(db, user, now, cityId), query, now, tonight);
  const reserved = filterQueue(
    pendingReservations(db, user, now, cityId, locale).map((stay) => ({ ...stay.household, firstNight: stay.firstNight, stay })),
    query,
    now,
    tonight,
  );
  const shownWaiting = query.view === 'waiting' ? waiting.slice(0, query.shown) : [];
  const scope = queueScope(user, cityId);
  return {
    query,
    cities,
    cityId,
    tonight,
    waiting: { count: waiting.length, shown: shownWaiting },
    reserved: { count: reserved.length, shown: query.view === 'placed' ? reserved.slice(0, query.shown).map(({ stay }) => stay) : [] },
    /** How many households the list shown holds after the search and filters. */
    total: query.view === 'waiting' ? waiting.length : reserved.length,
    filtered: Boolean(query.kind || query.q),
    /** The shelters a batch of the waiting cards shown may go to tonight. */
    shelters: shownWaiting.length > 0 ? freeTonightByShelter(db, now, scope === 'all' ? undefined : scope) : [],
    /** The next nights of the queue's cities (the network's for all-city staff). */
    forecast: forecastView(db, now, { cityIds: scope === 'all' ? null : scope }),
    masked: !can(user, 'household.identify'),
    maySearch: can(user, 'household.search'),
    /** For whoever watches the public form: what is flooding it, if anything. */
    flood: can(user, 'requests.watch') ? floodView(db, now) : null,
  };
}

export type QueuePage = NonNullable<ReturnType<typeof queuePage>>;
