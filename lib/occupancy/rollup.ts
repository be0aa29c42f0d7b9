import 'server-only';
import { sql } from 'drizzle-orm';
import { write, type Db } from '@/db';
import { columnName, columnNames, statement } from '@/db/prepared';
import { cities as cityTable, occupancyDays, shelters as shelterTable } from '@/db/schema';
import { addDays, dayWindows, localDay } from '@/lib/calendar/days';
import { NETWORK_TIME_ZONE } from '@/lib/calendar/zones';
import { runSteps, runStepsYielding } from '@/lib/steps';
import { NETWORK_SCOPE } from './day-scopes';
import { countAsHome, homeShelterIds } from './home-days';
import { loadHistoryData, registrationsBetween } from './load';
import { occupancyByDay, type DayFigures } from './maths';
import { recountUnendedHouseholds } from './recount';
import { storeUnmetDays, waitedInNetworkAndCities, waitedPastMidnight } from './unmet';

type ShelterClock = { id: string; time_zone: string; created_at: number };

const lastDayOf = statement(() => sql`select max(${occupancyDays.day}) from ${occupancyDays} where ${occupancyDays.scope} = @scope`);
const lastRolledDay = (db: Db, scope: string) => (lastDayOf(db).pluck().get({ scope }) as string | null) ?? null;

/** The last local day that has ended in `timeZone`. */
export const lastEndedDay = (now: number, timeZone: string) => addDays(localDay(now, timeZone), -1);

// The columns a day's figures fill, in this order; the unmet demand is left to storeUnmetDays.
const DAY_COLUMNS = columnNames(
  occupancyDays.scope,
  occupancyDays.day,
  occupancyDays.bedsInService,
  occupancyDays.outOfService,
  occupancyDays.occupied,
  occupancyDays.reserved,
  occupancyDays.registered,
  occupancyDays.placed,
  occupancyDays.checkedIn,
  occupancyDays.checkedOut,
  occupancyDays.noShows,
  occupancyDays.staysCompleted,
  occupancyDays.stayMsTotal,
  occupancyDays.waitMinutes,
  occupancyDays.surgeBeds,
  occupancyDays.surgeOccupied,
  occupancyDays.homeBeds,
  occupancyDays.homeOccupied,
);

const insertDay = statement(
  () => sql`insert or replace into ${occupancyDays}
       (${DAY_COLUMNS})
     values (@scope, @day, @bedsInService, @outOfService, @occupied, @reserved, @registered, @placed, @checkedIn, @checkedOut,
        @noShows, @staysCompleted, @stayMsTotal, @waitMinutes, @surgeBeds, @surgeOccupied, @homeBeds, @homeOccupied)`,
);

export function storeDays(db: Db, scope: string, days: DayFigures[]): void {
  const insert = insertDay(db);
  for (const day of days) insert.run({ ...day, scope, waitMinutes: day.waitMinutes.join(',') });
}

function rollUpShelter(db: Db, shelter: ShelterClock, home: boolean, now: number): number {
  const last = lastRolledDay(db, shelter.id);
  const from = last ? addDays(last, 1) : localDay(shelter.created_at, shelter.time_zone);
  const to = lastEndedDay(now, shelter.time_zone);
  if (from > to) return 0;
  const windows = dayWindows(from, to, shelter.time_zone, now);
  const data = loadHistoryData(db, windows[0].start, windows[windows.length - 1].end, [shelter.id]).get(shelter.id);
  const days = countAsHome(home, occupancyByDay({ windows, beds: data?.beds ?? [], stays: data?.stays ?? [], now }));
  write(db, (tx) => storeDays(tx, shelter.id, days));
  return days.length;
}

const cityClocks = statement(() => sql`select ${cityTable.id}, ${cityTable.timeZone} from ${cityTable}`);
const firstShelterDayStored = statement(
  () => sql`select min(${occupancyDays.day}) from ${occupancyDays} where ${occupancyDays.scope} <> @network`,
);
const sumNetworkDays = statement(
  () => sql`insert or replace into ${occupancyDays}
           (${DAY_COLUMNS})
         select @network, ${occupancyDays.day}, sum(${occupancyDays.bedsInService}), sum(${occupancyDays.outOfService}), sum(${occupancyDays.occupied}),
                sum(${occupancyDays.reserved}), 0, sum(${occupancyDays.placed}),
                sum(${occupancyDays.checkedIn}), sum(${occupancyDays.checkedOut}), sum(${occupancyDays.noShows}), sum(${occupancyDays.staysCompleted}),
                sum(${occupancyDays.stayMsTotal}), coalesce(group_concat(nullif(${occupancyDays.waitMinutes}, ''), ','), ''),
                sum(${occupancyDays.surgeBeds}), sum(${occupancyDays.surgeOccupied}), sum(${occupancyDays.homeBeds}), sum(${occupancyDays.homeOccupied})
           from ${occupancyDays} where ${occupancyDays.scope} <> @network and ${occupancyDays.day} between @from and @to group by ${occupancyDays.day}`,
);
const setRegisteredOn = statement(
  () => sql`update ${occupancyDays} set ${columnName(occupancyDays.registered)} = @registered
             where ${occupancyDays.scope} = @scope and ${occupancyDays.day} = @day`,
);
const shelterClocks = statement(
  () => sql`select ${shelterTable.id}, ${shelterTable.timeZone}, ${shelterTable.createdAt} from ${shelterTable}`,
);

/**
 * Network rows are the sums of the shelters' rows, plus the households registered that day and the
 * network's unmet demand (households that waited past its midnight without a bed, searches that found
 * no fitting shelter), on the network's own days; each city's unmet demand on its own days.
 */
function rollUpNetwork(db: Db, shelters: ShelterClock[], now: number): number {
  const cities = cityClocks(db).all() as { id: string; time_zone: string }[];
  const zones = new Set([NETWORK_TIME_ZONE, ...shelters.map((shelter) => shelter.time_zone), ...cities.map((city) => city.time_zone)]);
  const to = [...zones].map((zone) => lastEndedDay(now, zone)).sort()[0];
  const last = lastRolledDay(db, NETWORK_SCOPE);
  const firstShelterDay = firstShelterDayStored(db).pluck().get({ network: NETWORK_SCOPE }) as string | null;
  const from = last ? addDays(last, 1) : firstShelterDay;
  if (!from || from > to) return 0;
  const windows = dayWindows(from, to, NETWORK_TIME_ZONE, now);
  const registered = occupancyByDay({
    windows,
    beds: [],
    stays: [],
    registrations: registrationsBetween(db, windows[0].start, windows[windows.length - 1].end),
    now,
  });
  const waited = waitedInNetworkAndCities(db, windows);
  // A city's "past midnight" is its own midnight: a city on another clock is counted on its own days.
  for (const city of cities) {
    if (city.time_zone !== NETWORK_TIME_ZONE)
      waited.cities.set(city.id, waitedPastMidnight(db, dayWindows(from, to, city.time_zone, now), [city.id]));
  }
  write(db, (tx) => {
    sumNetworkDays(tx).run({ network: NETWORK_SCOPE, from, to });
    const setRegistered = setRegisteredOn(tx);
    for (const day of registered) setRegistered.run({ registered: day.registered, scope: NETWORK_SCOPE, day: day.day });
    storeUnmetDays(tx, windows, waited);
  });
  return windows.length;
}

/**
 * Writes the figures of every day that has ended and is not yet stored: on start, every hour, and
 * idempotent. Each shelter is its own short transaction, so a two-year backfill never holds the write
 * lock for long while guides reserve beds. A generator, so the server can yield between shelters.
 */
function* rollUpSteps(db: Db, now: Date): Generator<void, { shelterDays: number; networkDays: number }> {
  recountUnendedHouseholds(db, now.getTime());
  const shelters = shelterClocks(db).all() as ShelterClock[];
  const homes = homeShelterIds(db);
  let shelterDays = 0;
  for (const shelter of shelters) {
    shelterDays += rollUpShelter(db, shelter, homes.has(shelter.id), now.getTime());
    yield;
  }
  return { shelterDays, networkDays: rollUpNetwork(db, shelters, now.getTime()) };
}

export function rollUpOccupancy(db: Db, now: Date): { shelterDays: number; networkDays: number } {
  return runSteps(rollUpSteps(db, now));
}

/** The same, letting the server answer requests between shelters during a long backfill. */
export function rollUpOccupancyInBackground(db: Db, now: Date): Promise<{ shelterDays: number; networkDays: number }> {
  return runStepsYielding(rollUpSteps(db, now));
}
