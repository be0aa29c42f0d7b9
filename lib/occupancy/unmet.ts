import 'server-only';
import type { Db } from '@/db';
import { addDays, dayWindows, localDay, type DayWindow } from '@/lib/calendar/days';
import { NETWORK_TIME_ZONE } from '@/lib/calendar/zones';
import { cityTimeZone } from '@/lib/cities/clock';
import { NETWORK_SCOPE } from './day-scopes';
import { householdKind, noKinds, type HouseholdKind, type KindCounts } from './kind';

/** One network day's unmet demand: households that waited past its midnight without a bed, and searches that found no fitting shelter. */
export type UnmetDay = { day: string; waited: KindCounts; noFit: KindCounts };

type Household = { adultMen: number; adultWomen: number; children: number };

/**
 * A guide's suggestion list found no fitting shelter for a waiting household: counted once per
 * household per network day, whatever the number of searches. Only the day, the household's id (so
 * a second search that day is not counted again), its kind and the city whose queue it is in are
 * kept, until the day's rollup.
 */
export function recordNoFit(db: Db, arrival: Household & { id: string; cityId: string | null }, now: Date): void {
  db.$client
    .prepare('insert or ignore into no_fit_searches (day, arrival_id, kind, city_id) values (?, ?, ?, ?)')
    .run(localDay(now.getTime(), cityTimeZone(db, arrival.cityId)), arrival.id, householdKind(arrival), arrival.cityId);
}

type Candidate = Household & { id: string; cityId: string | null; since: number; endedAt: number | null };
type Cover = { from: number; until: number };

// A backfill of two years reads its households a month at a time, not all at once.
const CHUNK_DAYS = 31;

/**
 * When a household stopped waiting for good. A household that left, withdrew or was judged not
 * genuine is never waiting again, even if its row lacks the moment (rows written before every ending
 * stamped it): it ended when its last stay did, or, with none, when it registered.
 */
export const HOUSEHOLD_END = `coalesce(a.ended_at, case when a.status in ('left', 'cancelled', 'not_genuine', 'mistaken')
  then coalesce((select max(coalesce(s.ended_at, s.hold_until)) from stays s where s.arrival_id = a.id), a.created_at) end)`;

/** Households that could have been waiting at some instant in [first, last]: registered before it ends, not ended before it starts. */
function candidates(db: Db, first: number, last: number): { households: Candidate[]; covers: Map<string, Cover[]> } {
  const within = `a.status not in ('not_genuine', 'mistaken') and a.created_at < @last and (${HOUSEHOLD_END} is null or ${HOUSEHOLD_END} > @first)`;
  const households = db.$client
    .prepare(
      // A request may be sent before the flight: the wait starts when the household is here.
      `select a.id, a.city_id as cityId, a.adult_men as adultMen, a.adult_women as adultWomen, a.children,
              max(a.created_at, a.arrived_at, coalesce(a.expected_at, 0)) as since, ${HOUSEHOLD_END} as endedAt
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
 * before it, not withdrawn or ended by then) that held no reservation at that instant, by kind, in
 * the groups `groupOf` names (a household it gives null is counted in none).
 * A household that waited three nights counts on each of the three days.
 */
function waitedBy(db: Db, windows: DayWindow[], groupsOf: (household: Candidate) => readonly string[]): Map<string, KindCounts[]> {
  const groups = new Map<string, KindCounts[]>();
  for (let start = 0; start < windows.length; start += CHUNK_DAYS) {
    const chunk = windows.slice(start, start + CHUNK_DAYS);
    const midnights = chunk.map((window) => window.end);
    const { households, covers } = candidates(db, midnights[0], midnights[midnights.length - 1]);
    for (const household of households) {
      const results = groupsOf(household).map((group) => {
        let result = groups.get(group);
        if (!result) groups.set(group, (result = windows.map(noKinds)));
        return result;
      });
      if (results.length === 0) continue;
      const kind = householdKind(household);
      const own = covers.get(household.id) ?? [];
      midnights.forEach((midnight, i) => {
        if (household.since >= midnight || (household.endedAt !== null && household.endedAt <= midnight)) return;
        if (own.some((cover) => cover.from < midnight && cover.until > midnight)) return;
        for (const result of results) result[start + i][kind]++;
      });
    }
  }
  return groups;
}

/** Households that waited past each window's midnight without a bed: the network's, or those of the cities named. */
export function waitedPastMidnight(db: Db, windows: DayWindow[], cityIds: readonly string[] | null = null): KindCounts[] {
  const area = cityIds ? new Set(cityIds) : null;
  const inArea = (household: Candidate) => (!area || (household.cityId !== null && area.has(household.cityId)) ? ['area'] : []);
  return waitedBy(db, windows, inArea).get('area') ?? windows.map(noKinds);
}

/** The same for the network and, in one pass, for each city (a household with no city is in the network's only). */
export function waitedInNetworkAndCities(db: Db, windows: DayWindow[]): { network: KindCounts[]; cities: Map<string, KindCounts[]> } {
  const groups = waitedBy(db, windows, (household) =>
    household.cityId === null ? [NETWORK_SCOPE] : [NETWORK_SCOPE, `city ${household.cityId}`],
  );
  const cities = new Map(
    [...groups].filter(([group]) => group.startsWith('city ')).map(([group, counts]) => [group.slice('city '.length), counts]),
  );
  return { network: groups.get(NETWORK_SCOPE) ?? windows.map(noKinds), cities };
}

/** The no-fit searches recorded for the days from `from` to `to`, by day and kind: the network's, or the cities' named. */
function noFitByDay(db: Db, from: string, to: string, cityIds: readonly string[] | null = null): Map<string, KindCounts> {
  const rows = db.$client
    .prepare(
      cityIds
        ? 'select day, kind, count(*) from no_fit_searches where day between ? and ? and city_id in (select value from json_each(?)) group by day, kind'
        : 'select day, kind, count(*) from no_fit_searches where day between ? and ? group by day, kind',
    )
    .raw()
    .all(from, to, ...(cityIds ? [JSON.stringify(cityIds)] : [])) as [string, HouseholdKind, number][];
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
 * the network rows and, city by city, into unmet_city_days (a row for every city and day, zeros
 * included, so a city's figures are known from the first day stored), then deletes the no-fit rows
 * counted (and any older ones), so only counts remain.
 */
export function storeUnmetDays(tx: Db, windows: DayWindow[], waitedThere: ReturnType<typeof waitedInNetworkAndCities>): void {
  const waited = waitedThere.network;
  const from = windows[0].day;
  const to = windows[windows.length - 1].day;
  const noFit = noFitByDay(tx, from, to);
  const update = tx.$client.prepare(
    `update occupancy_days
        set unmet_waited_men = @waitedMen, unmet_waited_women = @waitedWomen, unmet_waited_families = @waitedFamilies,
            no_fit_men = @noFitMen, no_fit_women = @noFitWomen, no_fit_families = @noFitFamilies
      where scope = @scope and day = @day`,
  );
  const counts = (day: string, waitedThen: KindCounts, searched: KindCounts) => ({
    day,
    waitedMen: waitedThen.men,
    waitedWomen: waitedThen.women,
    waitedFamilies: waitedThen.families,
    noFitMen: searched.men,
    noFitWomen: searched.women,
    noFitFamilies: searched.families,
  });
  windows.forEach((window, i) =>
    update.run({ scope: NETWORK_SCOPE, ...counts(window.day, waited[i], noFit.get(window.day) ?? noKinds()) }),
  );
  const insertCity = tx.$client.prepare(
    `insert or replace into unmet_city_days (city_id, day, waited_men, waited_women, waited_families, no_fit_men, no_fit_women, no_fit_families)
     values (@cityId, @day, @waitedMen, @waitedWomen, @waitedFamilies, @noFitMen, @noFitWomen, @noFitFamilies)`,
  );
  for (const cityId of tx.$client.prepare('select id from cities').pluck().all() as string[]) {
    const searched = noFitByDay(tx, from, to, [cityId]);
    const waitedHere = waitedThere.cities.get(cityId);
    windows.forEach((window, i) =>
      insertCity.run({ cityId, ...counts(window.day, waitedHere?.[i] ?? noKinds(), searched.get(window.day) ?? noKinds()) }),
    );
  }
  tx.$client.prepare('delete from no_fit_searches where day <= ?').run(to);
}

type StoredUnmet = [string, number, number, number, number, number, number];

/**
 * Unmet demand for each day from `from` to `to` (network days, inclusive): the network's, or the
 * cities' named (their households, by the city whose queue they are in). Stored days from the
 * rollup, later ones from the households and searches themselves. A day still running has no
 * midnight yet, so nobody has waited past it; its searches so far are counted. Days stored before
 * the rollup counted cities (before unmetByCitySince) have no city figures: zeros.
 */
export function unmetHistory(db: Db, from: string, to: string, now: Date, cityIds: readonly string[] | null = null): UnmetDay[] {
  const lastStored = db.$client
    .prepare('select max(day) from occupancy_days where scope = ? and day between ? and ?')
    .pluck()
    .get(NETWORK_SCOPE, from, to) as string | null;
  const stored = (
    cityIds
      ? db.$client
          .prepare(
            `select day, sum(waited_men), sum(waited_women), sum(waited_families), sum(no_fit_men), sum(no_fit_women), sum(no_fit_families)
               from unmet_city_days where city_id in (select value from json_each(?)) and day between ? and ? group by day`,
          )
          .raw()
          .all(JSON.stringify(cityIds), from, lastStored ?? '')
      : db.$client
          .prepare(
            `select day, unmet_waited_men, unmet_waited_women, unmet_waited_families, no_fit_men, no_fit_women, no_fit_families
               from occupancy_days where scope = ? and day between ? and ?`,
          )
          .raw()
          .all(NETWORK_SCOPE, from, to)
  ) as StoredUnmet[];
  const byDay = new Map<string, UnmetDay>(
    stored.map(([day, wm, ww, wf, nm, nw, nf]) => [
      day,
      { day, waited: { men: wm, women: ww, families: wf }, noFit: { men: nm, women: nw, families: nf } },
    ]),
  );
  const liveFrom = lastStored ? addDays(lastStored, 1) : from;
  if (liveFrom <= to) {
    // One city's midnights are its own; the network's (and several cities') are the network's.
    const zone = cityIds?.length === 1 ? cityTimeZone(db, cityIds[0]) : NETWORK_TIME_ZONE;
    const windows = dayWindows(liveFrom, to, zone, now.getTime()).filter((window) => window.start <= now.getTime());
    const ended = windows.filter((window) => window.end <= now.getTime());
    const waited = ended.length > 0 ? waitedPastMidnight(db, ended, cityIds) : [];
    const noFit = noFitByDay(db, liveFrom, to, cityIds);
    windows.forEach((window, i) =>
      byDay.set(window.day, { day: window.day, waited: waited[i] ?? noKinds(), noFit: noFit.get(window.day) ?? noKinds() }),
    );
  }
  const days: UnmetDay[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(byDay.get(day) ?? { day, waited: noKinds(), noFit: noKinds() });
  return days;
}

/**
 * For a city's figures over `from`–`to`: the first day they are known from, when the range holds
 * days the rollup stored before it counted city by city (migration 0011), or null when every day is
 * known. Those earlier days count for the network only: their households are erased, and cannot be
 * split by city afterwards.
 */
export function unmetByCityFrom(db: Db, from: string, to: string): string | null {
  const since = db.$client.prepare('select min(day) from unmet_city_days').pluck().get() as string | null;
  const stored = db.$client
    .prepare('select min(day), max(day) from occupancy_days where scope = ? and day between ? and ?')
    .raw()
    .get(NETWORK_SCOPE, from, to) as [string | null, string | null];
  const [first, last] = stored;
  if (first === null || last === null) return null;
  if (since !== null && since <= first) return null;
  return since ?? addDays(last, 1);
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
