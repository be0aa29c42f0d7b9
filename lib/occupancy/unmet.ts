import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { alias, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '@/db';
import { columnName, columnNames, statement } from '@/db/prepared';
import { arrivals, cities, noFitSearches, occupancyDays, stays, unmetCityDays } from '@/db/schema';
import { addDays, dayWindows, localDay, type DayWindow } from '@/lib/calendar/days';
import { NETWORK_TIME_ZONE } from '@/lib/calendar/zones';
import { cityTimeZone } from '@/lib/cities/clock';
import { NETWORK_SCOPE } from './day-scopes';
import { householdKind, noKinds, type HouseholdKind, type KindCounts } from './kind';

/** One network day's unmet demand: households that waited past its midnight without a bed, and searches that found no fitting shelter. */
export type UnmetDay = { day: string; waited: KindCounts; noFit: KindCounts };

type Household = { adultMen: number; adultWomen: number; children: number };

const insertNoFit = statement(
  () => sql`insert or ignore into ${noFitSearches} (${columnNames(noFitSearches.day, noFitSearches.arrivalId, noFitSearches.kind, noFitSearches.cityId)})
            values (@day, @arrivalId, @kind, @cityId)`,
);

/**
 * A guide's suggestion list found no fitting shelter for a waiting household: counted once per
 * household per network day, whatever the number of searches. Only the day, the household's id (so
 * a second search that day is not counted again), its kind and the city whose queue it is in are
 * kept, until the day's rollup.
 */
export function recordNoFit(db: Db, arrival: Household & { id: string; cityId: string | null }, now: Date): void {
  insertNoFit(db).run({
    day: localDay(now.getTime(), cityTimeZone(db, arrival.cityId)),
    arrivalId: arrival.id,
    kind: householdKind(arrival),
    cityId: arrival.cityId,
  });
}

type Candidate = Household & { id: string; cityId: string | null; since: number; endedAt: number | null };
type Cover = { from: number; until: number };

// A backfill of two years reads its households a month at a time, not all at once.
const CHUNK_DAYS = 31;

const s = alias(stays, 's');

/**
 * When a household stopped waiting for good. A household that left, withdrew or was judged not
 * genuine is never waiting again, even if its row lacks the moment (rows written before every ending
 * stamped it): it ended when its last stay did, or, with none, when it registered.
 * `a` is the household's row as the query around it names it (`alias(arrivals, 'a')`).
 */
export const householdEnd = (a: Record<'id' | 'status' | 'createdAt' | 'endedAt', SQLiteColumn>): SQL =>
  sql`coalesce(${a.endedAt}, case when ${a.status} in ('left', 'cancelled', 'not_genuine', 'mistaken')
  then coalesce((select max(coalesce(${s.endedAt}, ${s.holdUntil})) from ${stays} ${s} where ${s.arrivalId} = ${a.id}), ${a.createdAt}) end)`;

const a = alias(arrivals, 'a');
const within = sql`${a.status} not in ('not_genuine', 'mistaken') and ${a.createdAt} < @last and (${householdEnd(a)} is null or ${householdEnd(a)} > @first)`;
const candidateHouseholds = statement(
  // A request may be sent before the flight: the wait starts when the household is here.
  () => sql`select ${a.id}, ${a.cityId} as cityId, ${a.adultMen} as adultMen, ${a.adultWomen} as adultWomen, ${a.children},
              max(${a.createdAt}, ${a.arrivedAt}, coalesce(${a.expectedAt}, 0)) as since, ${householdEnd(a)} as endedAt
         from ${arrivals} ${a} where ${within}`,
);
// A stay keeps its household off the street from its reservation until it ends; a hold that passed
// but is not yet marked expired ends at its hold.
const candidateStays = statement(
  () => sql`select ${s.arrivalId}, ${s.createdAt}, coalesce(${s.endedAt}, case when ${s.status} = 'reserved' then ${s.holdUntil} end)
         from ${stays} ${s} join ${arrivals} ${a} on ${a.id} = ${s.arrivalId} where ${within}`,
);

/** Households that could have been waiting at some instant in [first, last]: registered before it ends, not ended before it starts. */
function candidates(db: Db, first: number, last: number): { households: Candidate[]; covers: Map<string, Cover[]> } {
  const households = candidateHouseholds(db).all({ first, last }) as Candidate[];
  const stays = candidateStays(db).raw().all({ first, last }) as [string, number, number | null][];
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

const noFitSearched = (inCities: SQL) =>
  statement(
    () => sql`select ${noFitSearches.day}, ${noFitSearches.kind}, count(*) from ${noFitSearches}
               where ${noFitSearches.day} between @from and @to ${inCities} group by ${noFitSearches.day}, ${noFitSearches.kind}`,
  );
const noFitInNetwork = noFitSearched(sql.empty());
const noFitInCities = noFitSearched(sql`and ${noFitSearches.cityId} in (select value from json_each(@cities))`);

/** The no-fit searches recorded for the days from `from` to `to`, by day and kind: the network's, or the cities' named. */
function noFitByDay(db: Db, from: string, to: string, cityIds: readonly string[] | null = null): Map<string, KindCounts> {
  const rows = (
    cityIds
      ? noFitInCities(db)
          .raw()
          .all({ from, to, cities: JSON.stringify(cityIds) })
      : noFitInNetwork(db).raw().all({ from, to })
  ) as [string, HouseholdKind, number][];
  const byDay = new Map<string, KindCounts>();
  for (const [day, kind, n] of rows) {
    const counts = byDay.get(day) ?? noKinds();
    counts[kind] = n;
    byDay.set(day, counts);
  }
  return byDay;
}

const setNetworkUnmet = statement(
  () => sql`update ${occupancyDays}
        set ${columnName(occupancyDays.unmetWaitedMen)} = @waitedMen, ${columnName(occupancyDays.unmetWaitedWomen)} = @waitedWomen,
            ${columnName(occupancyDays.unmetWaitedFamilies)} = @waitedFamilies, ${columnName(occupancyDays.noFitMen)} = @noFitMen,
            ${columnName(occupancyDays.noFitWomen)} = @noFitWomen, ${columnName(occupancyDays.noFitFamilies)} = @noFitFamilies
      where ${occupancyDays.scope} = @scope and ${occupancyDays.day} = @day`,
);
const storeCityUnmet = statement(
  () => sql`insert or replace into ${unmetCityDays} (${columnNames(
    unmetCityDays.cityId,
    unmetCityDays.day,
    unmetCityDays.waitedMen,
    unmetCityDays.waitedWomen,
    unmetCityDays.waitedFamilies,
    unmetCityDays.noFitMen,
    unmetCityDays.noFitWomen,
    unmetCityDays.noFitFamilies,
  )})
     values (@cityId, @day, @waitedMen, @waitedWomen, @waitedFamilies, @noFitMen, @noFitWomen, @noFitFamilies)`,
);
const allCityIds = statement(() => sql`select ${cities.id} from ${cities}`);
const deleteNoFitUpTo = statement(() => sql`delete from ${noFitSearches} where ${noFitSearches.day} <= @to`);

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
  const update = setNetworkUnmet(tx);
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
  const insertCity = storeCityUnmet(tx);
  for (const cityId of allCityIds(tx).pluck().all() as string[]) {
    const searched = noFitByDay(tx, from, to, [cityId]);
    const waitedHere = waitedThere.cities.get(cityId);
    windows.forEach((window, i) =>
      insertCity.run({ cityId, ...counts(window.day, waitedHere?.[i] ?? noKinds(), searched.get(window.day) ?? noKinds()) }),
    );
  }
  deleteNoFitUpTo(tx).run({ to });
}

type StoredUnmet = [string, number, number, number, number, number, number];

const lastStoredDay = statement(
  () =>
    sql`select max(${occupancyDays.day}) from ${occupancyDays} where ${occupancyDays.scope} = @scope and ${occupancyDays.day} between @from and @to`,
);
const storedUnmetInCities = statement(
  () => sql`select ${unmetCityDays.day}, sum(${unmetCityDays.waitedMen}), sum(${unmetCityDays.waitedWomen}), sum(${unmetCityDays.waitedFamilies}),
                   sum(${unmetCityDays.noFitMen}), sum(${unmetCityDays.noFitWomen}), sum(${unmetCityDays.noFitFamilies})
              from ${unmetCityDays} where ${unmetCityDays.cityId} in (select value from json_each(@cities)) and ${unmetCityDays.day} between @from and @to
             group by ${unmetCityDays.day}`,
);
const storedUnmetInNetwork = statement(
  () => sql`select ${occupancyDays.day}, ${occupancyDays.unmetWaitedMen}, ${occupancyDays.unmetWaitedWomen}, ${occupancyDays.unmetWaitedFamilies},
                   ${occupancyDays.noFitMen}, ${occupancyDays.noFitWomen}, ${occupancyDays.noFitFamilies}
              from ${occupancyDays} where ${occupancyDays.scope} = @scope and ${occupancyDays.day} between @from and @to`,
);

/**
 * Unmet demand for each day from `from` to `to` (network days, inclusive): the network's, or the
 * cities' named (their households, by the city whose queue they are in). Stored days from the
 * rollup, later ones from the households and searches themselves. A day still running has no
 * midnight yet, so nobody has waited past it; its searches so far are counted. Days stored before
 * the rollup counted cities (before unmetByCitySince) have no city figures: zeros.
 */
export function unmetHistory(db: Db, from: string, to: string, now: Date, cityIds: readonly string[] | null = null): UnmetDay[] {
  const lastStored = lastStoredDay(db).pluck().get({ scope: NETWORK_SCOPE, from, to }) as string | null;
  const stored = (
    cityIds
      ? storedUnmetInCities(db)
          .raw()
          .all({ cities: JSON.stringify(cityIds), from, to: lastStored ?? '' })
      : storedUnmetInNetwork(db).raw().all({ scope: NETWORK_SCOPE, from, to })
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

const firstCityDay = statement(() => sql`select min(${unmetCityDays.day}) from ${unmetCityDays}`);
const storedDaysBetween = statement(
  () => sql`select min(${occupancyDays.day}), max(${occupancyDays.day}) from ${occupancyDays}
             where ${occupancyDays.scope} = @scope and ${occupancyDays.day} between @from and @to`,
);

/**
 * For a city's figures over `from`–`to`: the first day they are known from, when the range holds
 * days the rollup stored before it counted city by city (migration 0011), or null when every day is
 * known. Those earlier days count for the network only: their households are erased, and cannot be
 * split by city afterwards.
 */
export function unmetByCityFrom(db: Db, from: string, to: string): string | null {
  const since = firstCityDay(db).pluck().get() as string | null;
  const stored = storedDaysBetween(db).raw().get({ scope: NETWORK_SCOPE, from, to }) as [string | null, string | null];
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
