import 'server-only';
import type { Db } from '@/db';
import type { ShelterStatus } from '@/db/schema';
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

const inCities = (column: string, cityIds: string[] | null) => (cityIds ? `${column} in (select value from json_each(@cities))` : '1');

/**
 * The network as it stands: bed counts per shelter, what needs a look, and who is still waiting; or
 * the same over some cities only (their shelters, and the households whose queue is theirs).
 */
export function networkNow(db: Db, now: Date, cityIds: string[] | null = null): NetworkNow {
  const cities = cityIds ? { cities: JSON.stringify(cityIds) } : {};
  const expiring = new Map(
    db.$client
      .prepare(
        `select shelter_id, count(*) from stays
          where status = 'reserved' and hold_until > @now and hold_until <= @soon group by shelter_id`,
      )
      .raw()
      .all({ now: now.getTime(), soon: now.getTime() + HOUR }) as [string, number][],
  );
  const rows = db.$client
    .prepare(`select id, name, district, status, last_confirmed_at from shelters where ${inCities('city_id', cityIds)} order by name`)
    .all(cities) as {
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
  const waits = (
    db.$client
      .prepare(`select arrived_at from arrivals where status = 'waiting' and erased_at is null and ${inCities('city_id', cityIds)}`)
      .pluck()
      .all(cities) as number[]
  ).map((arrivedAt) => Math.max(0, Math.floor((now.getTime() - arrivedAt) / 60_000)));
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
