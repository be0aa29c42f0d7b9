import 'server-only';
import type { Db } from '@/db';
import { NETWORK_TIME_ZONE } from '@/lib/time';
import { addDays, dayWindows, localDay, type DayWindow } from './days';
import { householdKind, noKinds, type HouseholdKind, type KindCounts } from './kind';
import { NETWORK_SCOPE } from './rollup';

/** One network day's unmet demand: households that waited past its midnight without a bed, and searches that found no fitting shelter. */
export type UnmetDay = { day: string; waited: KindCounts; noFit: KindCounts };

type Household = { adultMen: number; adultWomen: number; children: number };

/**
 * A guide's suggestion list found no fitting shelter for a waiting household: counted once per
 * household per network day, whatever the number of searches. Only the day, the household's id (so
 * a second search that day is not counted again) and its kind are kept, until the day's rollup.
 */
export function recordNoFit(db: Db, arrival: Household & { id: string }, now: Date): void {
  db.$client
    .prepare('insert or ignore into no_fit_searches (day, arrival_id, kind) values (?, ?, ?)')
    .run(localDay(now.getTime(), NETWORK_TIME_ZONE), arrival.id, householdKind(arrival));
}

type Candidate = Household & { id: string; since: number; endedAt: number | null };
type Cover = { from: number; until: number };

// A backfill of two years reads its households a month at a time, not all at once.
const CHUNK_DAYS = 31;

/** Households that could have been waiting at some instant in [first, last]: registered before it ends, not ended before it starts. */
function candidates(db: Db, first: number, last: number): { households: Candidate[]; covers: Map<string, Cover[]> } {
  const within = `a.status not in ('not_genuine', 'mistaken') and a.created_at < @last and (a.ended_at is null or a.ended_at > @first)`;
  const households = db.$client
    .prepare(
      // A request may be sent before the flight: the wait starts when the household is here.
      `select a.id, a.adult_men as adultMen, a.adult_women as adultWomen, a.children,
              max(a.created_at, a.arrived_at, coalesce(a.expected_at, 0)) as since, a.ended_at as endedAt
         from arrivals a where ${within}`,
    )
    .all({ first, last }) as Candidate[];
  // A stay keeps its household off the street from its reservation until it ends; a hold that passed
  // but is not yet marked expired ends at its hold.
  const stays = db.$client
    .prepare(
      `select s.arrival_id, s.created_at, coalesce(s.ended_at, case when s.status = 'reserved' then s.hold_until end)
         from stays s join arrivals a on a.id = s.arrival_id where ${within}`,
    )
    .raw()
    .all({ first, last }) as [string, number, number | null][];
  const covers = new Map<string, Cover[]>();
  for (const [arrivalId, from, until] of stays) {
    const list = covers.get(arrivalId) ?? [];
    list.push({ from, until: until ?? Infinity });
    covers.set(arrivalId, list);
  }
  return { households, covers };
}

/**
 * For each window, the households still waiting at the midnight that ends it (registered and here
 * before it, not withdrawn or ended by then) that held no reservation at that instant, by kind.
 * A household that waited three nights counts on each of the three days.
 */
export function waitedPastMidnight(db: Db, windows: DayWindow[]): KindCounts[] {
  const result = windows.map(noKinds);
  for (let start = 0; start < windows.length; start += CHUNK_DAYS) {
    const chunk = windows.slice(start, start + CHUNK_DAYS);
    const midnights = chunk.map((window) => window.end);
    const { households, covers } = candidates(db, midnights[0], midnights[midnights.length - 1]);
    for (const household of households) {
      const kind = householdKind(household);
      const own = covers.get(household.id) ?? [];
      midnights.forEach((midnight, i) => {
        if (household.since >= midnight || (household.endedAt !== null && household.endedAt <= midnight)) return;
        if (own.some((cover) => cover.from < midnight && cover.until > midnight)) return;
        result[start + i][kind]++;
      });
    }
  }
  return result;
}

/** The no-fit searches recorded for the days from `from` to `to`, by day and kind. */
function noFitByDay(db: Db, from: string, to: string): Map<string, KindCounts> {
  const rows = db.$client
    .prepare('select day, kind, count(*) from no_fit_searches where day between ? and ? group by day, kind')
    .raw()
    .all(from, to) as [string, HouseholdKind, number][];
  const byDay = new Map<string, KindCounts>();
  for (const [day, kind, n] of rows) {
    const counts = byDay.get(day) ?? noKinds();
    counts[kind] = n;
    byDay.set(day, counts);
  }
  return byDay;
}

/**
 * In the rollup's write transaction, for network days just stored: writes their unmet demand into
 * the network rows, then deletes the no-fit rows counted (and any older ones), so only counts remain.
 */
export function storeUnmetDays(tx: Db, windows: DayWindow[], waited: KindCounts[]): void {
  const from = windows[0].day;
  const to = windows[windows.length - 1].day;
  const noFit = noFitByDay(tx, from, to);
  const update = tx.$client.prepare(
    `update occupancy_days
        set unmet_waited_men = @waitedMen, unmet_waited_women = @waitedWomen, unmet_waited_families = @waitedFamilies,
            no_fit_men = @noFitMen, no_fit_women = @noFitWomen, no_fit_families = @noFitFamilies
      where scope = @scope and day = @day`,
  );
  windows.forEach((window, i) => {
    const searched = noFit.get(window.day) ?? noKinds();
    update.run({
      scope: NETWORK_SCOPE,
      day: window.day,
      waitedMen: waited[i].men,
      waitedWomen: waited[i].women,
      waitedFamilies: waited[i].families,
      noFitMen: searched.men,
      noFitWomen: searched.women,
      noFitFamilies: searched.families,
    });
  });
  tx.$client.prepare('delete from no_fit_searches where day <= ?').run(to);
}

type StoredUnmet = { day: string; wm: number; ww: number; wf: number; nm: number; nw: number; nf: number };

/**
 * The network's unmet demand for each day from `from` to `to` (network days, inclusive): stored days
 * from the rollup, later ones from the households and searches themselves. A day still running has
 * no midnight yet, so nobody has waited past it; its searches so far are counted.
 */
export function unmetHistory(db: Db, from: string, to: string, now: Date): UnmetDay[] {
  const stored = (
    db.$client
      .prepare(
        `select day, unmet_waited_men as wm, unmet_waited_women as ww, unmet_waited_families as wf,
                no_fit_men as nm, no_fit_women as nw, no_fit_families as nf
           from occupancy_days where scope = ? and day between ? and ? order by day`,
      )
      .all(NETWORK_SCOPE, from, to) as StoredUnmet[]
  ).map(({ day, wm, ww, wf, nm, nw, nf }) => ({ day, waited: { men: wm, women: ww, families: wf }, noFit: { men: nm, women: nw, families: nf } }));
  const byDay = new Map(stored.map((day) => [day.day, day]));
  const liveFrom = stored.length > 0 ? addDays(stored[stored.length - 1].day, 1) : from;
  if (liveFrom <= to) {
    const windows = dayWindows(liveFrom, to, NETWORK_TIME_ZONE, now.getTime()).filter((window) => window.start <= now.getTime());
    const ended = windows.filter((window) => window.end <= now.getTime());
    const waited = ended.length > 0 ? waitedPastMidnight(db, ended) : [];
    const noFit = noFitByDay(db, liveFrom, to);
    windows.forEach((window, i) => byDay.set(window.day, { day: window.day, waited: waited[i] ?? noKinds(), noFit: noFit.get(window.day) ?? noKinds() }));
  }
  const days: UnmetDay[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(byDay.get(day) ?? { day, waited: noKinds(), noFit: noKinds() });
  return days;
}

/** The days' figures added up by kind, for the history page. */
export function totalUnmet(days: UnmetDay[]): { waited: KindCounts; noFit: KindCounts } {
  const waited = noKinds();
  const noFit = noKinds();
  for (const day of days) {
    for (const kind of ['men', 'women', 'families'] as const) {
      waited[kind] += day.waited[kind];
      noFit[kind] += day.noFit[kind];
    }
  }
  return { waited, noFit };
}
