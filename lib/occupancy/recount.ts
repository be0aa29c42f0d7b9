import 'server-only';
import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { write, type Db } from '@/db';
import { columnName, statement } from '@/db/prepared';
import { arrivals, cities, occupancyDays, unmetCityDays } from '@/db/schema';
import { dayWindows, localDay } from '@/lib/calendar/days';
import { NETWORK_TIME_ZONE } from '@/lib/calendar/zones';
import { NETWORK_SCOPE } from './day-scopes';
import { householdEnd, waitedInNetworkAndCities, waitedPastMidnight } from './unmet';

const a = alias(arrivals, 'a');
const ENDED_WITHOUT_END = sql`${a.endedAt} is null and ${a.status} in ('left', 'cancelled', 'not_genuine', 'mistaken')`;

const unendedHouseholds = statement(() => sql`select count(*), min(${a.createdAt}) from ${arrivals} ${a} where ${ENDED_WITHOUT_END}`);
const stampEnds = statement(
  () => sql`update ${arrivals} as ${a} set ${columnName(arrivals.endedAt)} = ${householdEnd(a)} where ${ENDED_WITHOUT_END}`,
);
const storedNetworkDaysFrom = statement(
  () => sql`select min(${occupancyDays.day}), max(${occupancyDays.day}) from ${occupancyDays}
             where ${occupancyDays.scope} = @scope and ${occupancyDays.day} >= @from`,
);
const cityClocks = statement(() => sql`select ${cities.id}, ${cities.timeZone} from ${cities}`);
const setNetworkWaited = statement(
  () => sql`update ${occupancyDays}
               set ${columnName(occupancyDays.unmetWaitedMen)} = @men, ${columnName(occupancyDays.unmetWaitedWomen)} = @women,
                   ${columnName(occupancyDays.unmetWaitedFamilies)} = @families
             where ${occupancyDays.scope} = @scope and ${occupancyDays.day} = @day`,
);
const setCityWaited = statement(
  () => sql`update ${unmetCityDays}
               set ${columnName(unmetCityDays.waitedMen)} = @men, ${columnName(unmetCityDays.waitedWomen)} = @women,
                   ${columnName(unmetCityDays.waitedFamilies)} = @families
             where ${unmetCityDays.cityId} = @cityId and ${unmetCityDays.day} = @day`,
);
const allCityIds = statement(() => sql`select ${cities.id} from ${cities}`);

/**
 * Households whose row says they left, withdrew or were judged not genuine but carries no moment
 * of it (demo data seeded that way) get their end stamped, and the stored days since the first of
 * them registered have their "waited past midnight" counted again, network and cities, since those
 * rows counted such households as waiting every night after they had gone. Searches that found no
 * fitting shelter are kept as stored: their rows are gone once counted. Idempotent, and a cheap
 * look when there is nothing to do; run before each roll-up.
 */
export function recountUnendedHouseholds(db: Db, now: number): number {
  const [count, firstRegistered] = unendedHouseholds(db).raw().get() as [number, number | null];
  if (count === 0 || firstRegistered === null) return 0;
  return write(db, (tx) => {
    stampEnds(tx).run();
    const [first, last] = storedNetworkDaysFrom(tx)
      .raw()
      .get({ scope: NETWORK_SCOPE, from: localDay(firstRegistered, NETWORK_TIME_ZONE) }) as [string | null, string | null];
    if (first === null || last === null) return count;
    const windows = dayWindows(first, last, NETWORK_TIME_ZONE, now);
    const waited = waitedInNetworkAndCities(tx, windows);
    // As the roll-up stores them: a city on another clock is recounted on its own midnights.
    for (const { id, time_zone } of cityClocks(tx).all() as { id: string; time_zone: string }[]) {
      if (time_zone !== NETWORK_TIME_ZONE) waited.cities.set(id, waitedPastMidnight(tx, dayWindows(first, last, time_zone, now), [id]));
    }
    const network = setNetworkWaited(tx);
    const city = setCityWaited(tx);
    windows.forEach((window, i) => {
      const { men, women, families } = waited.network[i];
      network.run({ men, women, families, scope: NETWORK_SCOPE, day: window.day });
    });
    for (const cityId of allCityIds(tx).pluck().all() as string[]) {
      const counts = waited.cities.get(cityId);
      windows.forEach((window, i) => {
        const { men, women, families } = counts?.[i] ?? { men: 0, women: 0, families: 0 };
        city.run({ men, women, families, cityId, day: window.day });
      });
    }
    return count;
  });
}
