import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '@/db';
import { statement } from '@/db/prepared';
import { arrivals, cities, stays } from '@/db/schema';
import { addNights, tonightIn } from '@/lib/calendar/nights';
import { minutesSince, NETWORK_TIME_ZONE } from '@/lib/calendar/zones';
import { membersOf, roomAdmits } from '@/lib/matching/plan';
import { householdKind, type HouseholdKind } from '@/lib/occupancy/kind';
import { networkAvailability } from '@/lib/placement/availability';
import type { WaitInputs } from './expected-wait';

const WINDOW_MS = 14 * 86_400_000;
type Household = Pick<typeof arrivals.$inferSelect, 'id' | 'adultMen' | 'adultWomen' | 'children' | 'createdAt' | 'arrivedAt' | 'cityId'>;
type Row = [number, number, number, number];

const earlier = alias(stays, 'f');
const firstWaits = statement(
  () => sql`
  select ${arrivals.adultMen}, ${arrivals.adultWomen}, ${arrivals.children},
         max(0, ${stays.createdAt} - max(${arrivals.createdAt}, ${arrivals.arrivedAt})) / 60000
    from ${stays} join ${arrivals} on ${arrivals.id} = ${stays.arrivalId}
   where ${stays.createdAt} >= @since and ${stays.createdAt} <= @now and ${arrivals.status} not in ('not_genuine', 'mistaken')
     and not exists (select 1 from ${stays} ${earlier}
                      where ${earlier.arrivalId} = ${stays.arrivalId} and ${earlier.createdAt} < ${stays.createdAt})`,
);

/**
 * Minutes from arrival (or registration, if later) to first reservation of every household first
 * placed in the 14 days before `now`, by kind. The stays themselves, not occupancy_days.wait_minutes:
 * the rollup's waits carry no kind. A booking made before landing counts as no wait.
 */
function recentWaits(db: Db, now: Date): Record<HouseholdKind, number[]> {
  const rows = firstWaits(db)
    .raw()
    .all({ since: now.getTime() - WINDOW_MS, now: now.getTime() }) as Row[];
  const waits: Record<HouseholdKind, number[]> = { men: [], women: [], families: [] };
  for (const [adultMen, adultWomen, children, minutes] of rows) waits[householdKind({ adultMen, adultWomen, children })].push(minutes);
  return waits;
}

const stillWaiting = statement(
  () => sql`
  select ${arrivals.adultMen}, ${arrivals.adultWomen}, ${arrivals.children} from ${arrivals}
   where ${arrivals.status} = 'waiting' and ${arrivals.erasedAt} is null and ${arrivals.createdAt} < ? and ${arrivals.id} <> ?
     and (? is null or ${arrivals.cityId} = ?)`,
);

/** People of the same kind who asked before this household in its city's queue and still wait, and the household itself. */
function peopleAhead(db: Db, household: Household): number {
  const kind = householdKind(household);
  const queue = stillWaiting(db).raw().all(household.createdAt.getTime(), household.id, household.cityId, household.cityId) as [
    number,
    number,
    number,
  ][];
  const size = (men: number, women: number, children: number) => men + women + children;
  return queue
    .filter(([adultMen, adultWomen, children]) => householdKind({ adultMen, adultWomen, children }) === kind)
    .reduce(
      (people, [men, women, children]) => people + size(men, women, children),
      size(household.adultMen, household.adultWomen, household.children),
    );
}

const cityZone = statement(() => sql`select ${cities.timeZone} from ${cities} where ${cities.id} = ?`);

/** Free beds tonight, in its city (on the city's calendar) when it has one, in open shelters' rooms that admit someone of this household. */
function freeFittingBeds(db: Db, household: Household, now: Date): number {
  const members = membersOf(household);
  const zone = household.cityId ? (cityZone(db).pluck().get(household.cityId) as string | undefined) : undefined;
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
