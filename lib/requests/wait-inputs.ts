import type { Db } from '@/db';
import { arrivals } from '@/db/schema';
import { addNights, tonightIn } from '@/lib/calendar/nights';
import { minutesSince, NETWORK_TIME_ZONE } from '@/lib/calendar/zones';
import { membersOf, roomAdmits } from '@/lib/matching/plan';
import { householdKind, type HouseholdKind } from '@/lib/occupancy/kind';
import { networkAvailability } from '@/lib/placement/availability';
import type { WaitInputs } from './expected-wait';

const WINDOW_MS = 14 * 86_400_000;
type Household = Pick<typeof arrivals.$inferSelect, 'id' | 'adultMen' | 'adultWomen' | 'children' | 'createdAt' | 'arrivedAt' | 'cityId'>;
type Row = [number, number, number, number];

/**
 * Minutes from arrival (or registration, if later) to first reservation of every household first
 * placed in the 14 days before `now`, by kind. The stays themselves, not occupancy_days.wait_minutes:
 * the rollup's waits carry no kind. A booking made before landing counts as no wait.
 */
function recentWaits(db: Db, now: Date): Record<HouseholdKind, number[]> {
  const rows = db.$client
    .prepare(
      `select a.adult_men, a.adult_women, a.children, max(0, s.created_at - max(a.created_at, a.arrived_at)) / 60000
         from stays s join arrivals a on a.id = s.arrival_id
        where s.created_at >= @since and s.created_at <= @now and a.status not in ('not_genuine', 'mistaken')
          and not exists (select 1 from stays f where f.arrival_id = s.arrival_id and f.created_at < s.created_at)`,
    )
    .raw()
    .all({ since: now.getTime() - WINDOW_MS, now: now.getTime() }) as Row[];
  const waits: Record<HouseholdKind, number[]> = { men: [], women: [], families: [] };
  for (const [adultMen, adultWomen, children, minutes] of rows) waits[householdKind({ adultMen, adultWomen, children })].push(minutes);
  return waits;
}

/** People of the same kind who asked before this household in its city's queue and still wait, and the household itself. */
function peopleAhead(db: Db, household: Household): number {
  const kind = householdKind(household);
  const queue = db.$client
    .prepare(
      `select adult_men, adult_women, children from arrivals
        where status = 'waiting' and erased_at is null and created_at < ? and id <> ? and (? is null or city_id = ?)`,
    )
    .raw()
    .all(household.createdAt.getTime(), household.id, household.cityId, household.cityId) as [number, number, number][];
  const size = (men: number, women: number, children: number) => men + women + children;
  return queue
    .filter(([adultMen, adultWomen, children]) => householdKind({ adultMen, adultWomen, children }) === kind)
    .reduce(
      (people, [men, women, children]) => people + size(men, women, children),
      size(household.adultMen, household.adultWomen, household.children),
    );
}

/** Free beds tonight, in its city (on the city's calendar) when it has one, in open shelters' rooms that admit someone of this household. */
function freeFittingBeds(db: Db, household: Household, now: Date): number {
  const members = membersOf(household);
  const zone = household.cityId
    ? (db.$client.prepare('select time_zone from cities where id = ?').pluck().get(household.cityId) as string | undefined)
    : undefined;
  const tonight = tonightIn(zone ?? NETWORK_TIME_ZONE, now);
  const cityIds = household.cityId ? [household.cityId] : undefined;
  let free = 0;
  for (const shelter of networkAvailability(db, { nights: { firstNight: tonight, departure: addNights(tonight, 1) }, cityIds })) {
    if (shelter.status !== 'open') continue;
    for (const room of shelter.rooms)
      if (members.some((member) => roomAdmits(room.kind, member, shelter.acceptsFamilies))) free += room.freeBeds.length;
  }
  return free;
}

/** Everything expectedWait needs for one household still waiting. */
export function waitInputs(db: Db, household: Household, now: Date): WaitInputs {
  return {
    waits: recentWaits(db, now),
    kind: householdKind(household),
    waitedMinutes: minutesSince(Math.max(household.createdAt.getTime(), household.arrivedAt.getTime()), now),
    freeFittingBeds: freeFittingBeds(db, household, now),
    peopleAhead: peopleAhead(db, household),
  };
}
