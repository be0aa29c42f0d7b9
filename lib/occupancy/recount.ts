import 'server-only';
import { write, type Db } from '@/db';
import { dayWindows, localDay } from '@/lib/calendar/days';
import { NETWORK_TIME_ZONE } from '@/lib/calendar/zones';
import { NETWORK_SCOPE } from './day-scopes';
import { HOUSEHOLD_END, waitedInNetworkAndCities, waitedPastMidnight } from './unmet';

const ENDED_WITHOUT_END = `a.ended_at is null and a.status in ('left', 'cancelled', 'not_genuine', 'mistaken')`;

/**
 * Households whose row says they left, withdrew or were judged not genuine but carries no moment
 * of it (demo data seeded that way) get their end stamped, and the stored days since the first of
 * them registered have their "waited past midnight" counted again, network and cities, since those
 * rows counted such households as waiting every night after they had gone. Searches that found no
 * fitting shelter are kept as stored: their rows are gone once counted. Idempotent, and a cheap
 * look when there is nothing to do; run before each roll-up.
 */
export function recountUnendedHouseholds(db: Db, now: number): number {
  const [count, firstRegistered] = db.$client
    .prepare(`select count(*), min(a.created_at) from arrivals a where ${ENDED_WITHOUT_END}`)
    .raw()
    .get() as [number, number | null];
  if (count === 0 || firstRegistered === null) return 0;
  return write(db, (tx) => {
    tx.$client.prepare(`update arrivals as a set ended_at = ${HOUSEHOLD_END} where ${ENDED_WITHOUT_END}`).run();
    const [first, last] = tx.$client
      .prepare('select min(day), max(day) from occupancy_days where scope = ? and day >= ?')
      .raw()
      .get(NETWORK_SCOPE, localDay(firstRegistered, NETWORK_TIME_ZONE)) as [string | null, string | null];
    if (first === null || last === null) return count;
    const windows = dayWindows(first, last, NETWORK_TIME_ZONE, now);
    const waited = waitedInNetworkAndCities(tx, windows);
    // As the roll-up stores them: a city on another clock is recounted on its own midnights.
    for (const { id, time_zone } of tx.$client.prepare('select id, time_zone from cities').all() as { id: string; time_zone: string }[]) {
      if (time_zone !== NETWORK_TIME_ZONE) waited.cities.set(id, waitedPastMidnight(tx, dayWindows(first, last, time_zone, now), [id]));
    }
    const network = tx.$client.prepare(
      'update occupancy_days set unmet_waited_men = ?, unmet_waited_women = ?, unmet_waited_families = ? where scope = ? and day = ?',
    );
    const city = tx.$client.prepare(
      'update unmet_city_days set waited_men = ?, waited_women = ?, waited_families = ? where city_id = ? and day = ?',
    );
    windows.forEach((window, i) => {
      const { men, women, families } = waited.network[i];
      network.run(men, women, families, NETWORK_SCOPE, window.day);
    });
    for (const cityId of tx.$client.prepare('select id from cities').pluck().all() as string[]) {
      const counts = waited.cities.get(cityId);
      windows.forEach((window, i) => {
        const { men, women, families } = counts?.[i] ?? { men: 0, women: 0, families: 0 };
        city.run(men, women, families, cityId, window.day);
      });
    }
    return count;
  });
}
