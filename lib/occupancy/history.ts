import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { statement } from '@/db/prepared';
import { occupancyDays, shelters } from '@/db/schema';
import { Stamped } from '@/lib/cache';
import { addDays, dayWindows, type DayWindow } from '@/lib/calendar/days';
import { NETWORK_TIME_ZONE } from '@/lib/calendar/zones';
import { stayStamps } from '@/lib/nights/stay-stamps';
import { bedLayout, type BedLayout } from '@/lib/placement/layout';
import { NETWORK_SCOPE } from './day-scopes';
import { countAsHome, homeShelterIds } from './home-days';
import { loadHistoryData, registrationsBetween, type ShelterHistoryData } from './load';
import { emptyDay, occupancyByDay, type DayFigures } from './maths';
import { addDayFigures } from './summary';

/**
 * One shelter, the network, or some cities: their shelters' figures added up, and the households
 * registered into their queue, on the days of `timeZone`.
 */
export type HistoryScope = { shelterId: string; timeZone: string } | 'network' | { cityIds: string[]; timeZone: string };

type StoredDay = Omit<DayFigures, 'waitMinutes'> & { scope: string; waitMinutes: string };

// One text per kind of scope (every shelter's, a list's, one), each compiled once.
const storedDaysWhere = (which: SQL) =>
  statement(
    () => sql`select ${occupancyDays.scope}, ${occupancyDays.day}, ${occupancyDays.bedsInService} as bedsInService, ${occupancyDays.outOfService} as outOfService,
              ${occupancyDays.occupied}, ${occupancyDays.reserved}, ${occupancyDays.registered},
              ${occupancyDays.placed}, ${occupancyDays.checkedIn} as checkedIn, ${occupancyDays.checkedOut} as checkedOut, ${occupancyDays.noShows} as noShows,
              ${occupancyDays.staysCompleted} as staysCompleted, ${occupancyDays.stayMsTotal} as stayMsTotal, ${occupancyDays.waitMinutes} as waitMinutes,
              ${occupancyDays.surgeBeds} as surgeBeds, ${occupancyDays.surgeOccupied} as surgeOccupied,
              ${occupancyDays.homeBeds} as homeBeds, ${occupancyDays.homeOccupied} as homeOccupied
         from ${occupancyDays} where ${which} and ${occupancyDays.day} between @from and @to
        order by ${occupancyDays.day}`,
  );
const storedDaysOf = {
  everyShelter: storedDaysWhere(sql`${occupancyDays.scope} <> @network`),
  shelters: storedDaysWhere(sql`${occupancyDays.scope} in (select value from json_each(@scopes))`),
  one: storedDaysWhere(sql`${occupancyDays.scope} = @scope`),
};

/** Stored days of one scope, of some shelters (a list), or of every shelter (scope null). */
function storedDays(db: Db, scope: string | string[] | null, from: string, to: string): (DayFigures & { scope: string })[] {
  const which = scope === null ? 'everyShelter' : Array.isArray(scope) ? 'shelters' : 'one';
  const rows = storedDaysOf[which](db).all({
    scope: Array.isArray(scope) ? null : scope,
    scopes: JSON.stringify(Array.isArray(scope) ? scope : []),
    network: NETWORK_SCOPE,
    from,
    to,
  }) as StoredDay[];
  return rows.map((row) => ({ ...row, waitMinutes: row.waitMinutes ? row.waitMinutes.split(',').map(Number) : [] }));
}

type ShelterZone = { id: string; timeZone: string };

/**
 * One shelter's live days (those the roll-up has not stored yet: today, and yesterday until the
 * nightly roll-up has run), kept per connection while nothing they were computed from has moved: its
 * stays, their beds and households (the stay stamp), its beds and their outages (the bed layout, whose
 * stamp every change of a bed moves), the days asked for in its zone, and the clock within
 * [at, until): today's figures are a snapshot at `now`, which changes only when `now` passes an
 * instant of the shelter's own data (a hold running out, mostly). The network's 90-day history then
 * computes today afresh only for the shelters that changed.
 */
type LiveDays = { layout: BedLayout; from: string; to: string; timeZone: string; at: number; until: number; days: readonly DayFigures[] };
// Shared with the copy of this module that reads ahead at start (lib/warm-up.ts).
const keptLiveDays = new Stamped<LiveDays>('occupancy.live-days');

/** The first instant of a shelter's data after `now`: its figures at `now` hold until then. */
function nextInstant(data: ShelterHistoryData | undefined, now: number): number {
  let next = Infinity;
  const see = (t: number | null) => {
    if (t !== null && t > now && t < next) next = t;
  };
  for (const group of data?.beds ?? []) {
    see(group.existsFrom);
    for (const outage of group.outages) {
      see(outage.from);
      see(outage.until);
    }
  }
  for (const stay of data?.stays ?? []) {
    see(stay.createdAt);
    see(stay.holdUntil);
    see(stay.checkedInAt);
    see(stay.checkedOutAt);
    see(stay.endedAt);
    see(stay.registeredAt);
    for (const bed of stay.beds) {
      see(bed.from);
      see(bed.until);
    }
  }
  return next;
}

const copyDay = (day: DayFigures): DayFigures => ({ ...day, waitMinutes: [...day.waitMinutes] });

/** Days computed from the stays themselves, per shelter, each on its own local days. */
function liveDaysByShelter(
  db: Db,
  shelters: ShelterZone[],
  from: string,
  to: string,
  now: number,
  all: boolean,
): Map<string, DayFigures[]> {
  const client = db.$client;
  // The stamps and the stale shelters' stays read in one snapshot.
  return client.transaction(() => {
    const stampOf = stayStamps(db);
    const layout = bedLayout(db);
    const keptOf = (shelter: ShelterZone) => {
      const kept = keptLiveDays.fresh(client, shelter.id, stampOf(shelter.id));
      return kept &&
        kept.layout === layout &&
        kept.from === from &&
        kept.to === to &&
        kept.timeZone === shelter.timeZone &&
        kept.at <= now &&
        now < kept.until
        ? kept
        : undefined;
    };
    const stale = shelters.filter((shelter) => !keptOf(shelter));
    const windowsIn = new Map<string, DayWindow[]>();
    for (const zone of new Set(stale.map((shelter) => shelter.timeZone))) windowsIn.set(zone, dayWindows(from, to, zone, now));
    const spans = [...windowsIn.values()];
    if (spans.length > 0) {
      const start = Math.min(...spans.map((windows) => windows[0].start));
      const end = Math.max(...spans.map((windows) => windows[windows.length - 1].end));
      // Every shelter's stays in one read when most are stale (the first read of a process).
      const whole = all && stale.length * 2 > shelters.length;
      const data = loadHistoryData(db, start, end, whole ? null : stale.map((shelter) => shelter.id));
      for (const shelter of stale) {
        const own = data.get(shelter.id);
        const days = occupancyByDay({ windows: windowsIn.get(shelter.timeZone)!, beds: own?.beds ?? [], stays: own?.stays ?? [], now });
        keptLiveDays.keep(client, shelter.id, stampOf(shelter.id), {
          layout,
          from,
          to,
          timeZone: shelter.timeZone,
          at: now,
          until: nextInstant(own, now),
          days,
        });
      }
    }
    // Copies: what is kept is shared by every later call.
    const homes = homeShelterIds(db);
    return new Map(shelters.map((shelter) => [shelter.id, countAsHome(homes.has(shelter.id), keptOf(shelter)!.days.map(copyDay))]));
  })();
}

const shelterZones = statement(
  () => sql`select ${shelters.id}, ${shelters.timeZone} as timeZone from ${shelters} order by ${shelters.name}`,
);
const allShelters = (db: Db) => shelterZones(db).all() as ShelterZone[];

function daysFrom(from: string, to: string, byDay: Map<string, DayFigures>): DayFigures[] {
  const days: DayFigures[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(byDay.get(day) ?? emptyDay(day));
  return days;
}

/** Where stored days end, live ones begin: today, or everything if the roll-up never ran. */
const liveFrom = (stored: DayFigures[], from: string) => (stored.length > 0 ? addDays(stored[stored.length - 1].day, 1) : from);

/**
 * Day-by-day figures from `from` to `to` (local days, inclusive) for one shelter or the network:
 * stored days from the roll-up, the rest computed from the stays themselves by the same maths.
 */
export function occupancyHistory(db: Db, scope: HistoryScope, from: string, to: string, now: Date): DayFigures[] {
  if (scope !== 'network' && 'cityIds' in scope) return citiesHistory(db, scope, from, to, now);
  const stored = storedDays(db, scope === 'network' ? NETWORK_SCOPE : scope.shelterId, from, to).map(({ scope, ...day }) => day);
  const start = liveFrom(stored, from);
  const live: DayFigures[] = [];
  if (start <= to && scope !== 'network') {
    live.push(
      ...liveDaysByShelter(db, [{ id: scope.shelterId, timeZone: scope.timeZone }], start, to, now.getTime(), false).get(scope.shelterId)!,
    );
  } else if (start <= to) {
    const network = dayWindows(start, to, NETWORK_TIME_ZONE, now.getTime());
    let total = occupancyByDay({
      windows: network,
      beds: [],
      stays: [],
      registrations: registrationsBetween(db, network[0].start, network[network.length - 1].end),
      now: now.getTime(),
    });
    for (const days of liveDaysByShelter(db, allShelters(db), start, to, now.getTime(), true).values()) {
      total = total.map((day, i) => addDayFigures(day, days[i]));
    }
    live.push(...total);
  }
  return daysFrom(from, to, new Map([...stored, ...live].map((day) => [day.day, day])));
}

const sheltersOfCities = statement(
  () => sql`select ${shelters.id} from ${shelters} where ${shelters.cityId} in (select value from json_each(@cities))`,
);

/**
 * Some cities' days: the network keeps no rows per city, so their shelters' rows (stored, then live)
 * are added up here, with the households registered into those cities' queue on the scope's days.
 */
function citiesHistory(db: Db, scope: { cityIds: string[]; timeZone: string }, from: string, to: string, now: Date): DayFigures[] {
  const shelterIds = sheltersOfCities(db)
    .pluck()
    .all({ cities: JSON.stringify(scope.cityIds) }) as string[];
  const windows = dayWindows(from, to, scope.timeZone, now.getTime());
  let total = occupancyByDay({
    windows,
    beds: [],
    stays: [],
    registrations: registrationsBetween(db, windows[0].start, windows[windows.length - 1].end, scope.cityIds),
    now: now.getTime(),
  });
  for (const days of occupancyByShelter(db, shelterIds, from, to, now).values()) total = total.map((day, i) => addDayFigures(day, days[i]));
  return total;
}

/** Every shelter's days (or those of the shelters named), for the export: per shelter per day. */
export function occupancyByShelter(db: Db, shelterIds: string[] | null, from: string, to: string, now: Date): Map<string, DayFigures[]> {
  const named = shelterIds ? new Set(shelterIds) : null;
  const shelters = allShelters(db).filter((shelter) => !named || named.has(shelter.id));
  if (shelters.length === 0) return new Map();
  const stored = storedDays(db, shelterIds, from, to);
  const storedOf = new Map<string, DayFigures[]>();
  for (const { scope, ...day } of stored) {
    if (!storedOf.has(scope)) storedOf.set(scope, []);
    storedOf.get(scope)!.push(day);
  }
  const start = shelters.map((shelter) => liveFrom(storedOf.get(shelter.id) ?? [], from)).sort()[0];
  const live =
    start && start <= to ? liveDaysByShelter(db, shelters, start, to, now.getTime(), shelterIds === null) : new Map<string, DayFigures[]>();
  const result = new Map<string, DayFigures[]>();
  for (const shelter of shelters) {
    const own = storedOf.get(shelter.id) ?? [];
    const fresh = (live.get(shelter.id) ?? []).filter((day) => day.day >= liveFrom(own, from));
    result.set(shelter.id, daysFrom(from, to, new Map([...own, ...fresh].map((day) => [day.day, day]))));
  }
  return result;
}
