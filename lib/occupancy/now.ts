import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '@/db';
import { statement } from '@/db/prepared';
import { arrivals, shelters, stays, type ShelterStatus } from '@/db/schema';
import { addCounts, emptyCounts, type BedCounts } from '@/lib/shelters/bed-state';
import { sheltersTonight } from './free-tonight';
import { median } from './summary';

const HOUR = 3_600_000;

export type ShelterNow = {
  id: string;
  name: string;
  district: string;
  status: ShelterStatus;
  counts: BedCounts;
  inService: number;
  rate: number | null;
  lastConfirmedAt: Date | null;
  /** Reservations whose hold passes within the hour. */
  expiringHolds: number;
  stale: boolean;
  full: boolean;
};

export type NetworkNow = {
  totals: BedCounts & { inService: number; rate: number | null };
  /**
   * Free beds a guide can place someone in (open shelters), and those of paused shelters, shown
   * apart: counted together they promised beds nobody could have. A closed shelter's count in neither.
   */
  free: { open: number; paused: number };
  waiting: { households: number; medianMinutes: number | null; longestMinutes: number | null };
  shelters: ShelterNow[];
};

const inServiceOf = (counts: BedCounts) => counts.total - counts.outOfService;
const rateOf = (counts: BedCounts) => (inServiceOf(counts) > 0 ? counts.occupied / inServiceOf(counts) : null);

// The network's, or some cities' (@cities): two texts of each query, each compiled once.
const inCities = (column: SQLiteColumn, some: boolean) => (some ? sql`${column} in (select value from json_each(@cities))` : sql`1`);
const networkOrCities = (query: (some: boolean) => SQL) => {
  const [network, cities] = [statement(() => query(false)), statement(() => query(true))];
  return (db: Db, cityIds: string[] | null) => (cityIds ? cities : network)(db);
};

const expiringHolds = statement(
  () => sql`select ${stays.shelterId}, count(*) from ${stays}
          where ${stays.status} = 'reserved' and ${stays.holdUntil} > @now and ${stays.holdUntil} <= @soon group by ${stays.shelterId}`,
);
const shelterRows = networkOrCities(
  (some) =>
    sql`select ${shelters.id}, ${shelters.name}, ${shelters.district}, ${shelters.status}, ${shelters.lastConfirmedAt} from ${shelters} where ${inCities(shelters.cityId, some)} order by ${shelters.name}`,
);
const waitingSince = networkOrCities(
  (some) =>
    sql`select ${arrivals.arrivedAt} from ${arrivals} where ${arrivals.status} = 'waiting' and ${arrivals.erasedAt} is null and ${inCities(arrivals.cityId, some)}`,
);

/**
 * The network as it stands: bed counts per shelter, what needs a look, and who is still waiting; or
 * the same over some cities only (their shelters, and the households whose queue is theirs).
 */
export function networkNow(db: Db, now: Date, cityIds: string[] | null = null): NetworkNow {
  const cities = cityIds ? { cities: JSON.stringify(cityIds) } : {};
  const expiring = new Map(
    expiringHolds(db)
      .raw()
      .all({ now: now.getTime(), soon: now.getTime() + HOUR }) as [string, number][],
  );
  const rows = shelterRows(db, cityIds).all(cities) as {
    id: string;
    name: string;
    district: string;
    status: ShelterStatus;
    last_confirmed_at: number | null;
  }[];
  // Some cities' beds are counted for their shelters only, not the whole network's.
  const tonight = new Map(sheltersTonight(db, now, { cityIds }).map((shelter) => [shelter.id, shelter]));
  const shelterList = rows.map((row): ShelterNow => {
    const shelterCounts = tonight.get(row.id)?.counts ?? emptyCounts();
    return {
      id: row.id,
      name: row.name,
      district: row.district,
      status: row.status,
      counts: shelterCounts,
      inService: inServiceOf(shelterCounts),
      rate: rateOf(shelterCounts),
      lastConfirmedAt: row.last_confirmed_at === null ? null : new Date(row.last_confirmed_at),
      expiringHolds: expiring.get(row.id) ?? 0,
      stale: row.last_confirmed_at === null || now.getTime() - row.last_confirmed_at > 24 * HOUR,
      full: row.status === 'open' && inServiceOf(shelterCounts) > 0 && shelterCounts.free === 0,
    };
  });
  const totals = shelterList.reduce((sum, shelter) => addCounts(sum, shelter.counts), emptyCounts());
  const waits = (waitingSince(db, cityIds).pluck().all(cities) as number[]).map((arrivedAt) =>
    Math.max(0, Math.floor((now.getTime() - arrivedAt) / 60_000)),
  );
  return {
    totals: { ...totals, inService: inServiceOf(totals), rate: rateOf(totals) },
    free: [...tonight.values()].reduce((sum, shelter) => ({ open: sum.open + shelter.free, paused: sum.paused + shelter.idle }), {
      open: 0,
      paused: 0,
    }),
    waiting: { households: waits.length, medianMinutes: median(waits), longestMinutes: waits.length ? Math.max(...waits) : null },
    shelters: shelterList,
  };
}
