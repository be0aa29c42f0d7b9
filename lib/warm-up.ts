import 'server-only';
import type { Db } from '@/db';
import { addDays, localDay } from '@/lib/calendar/days';
import { NETWORK_TIME_ZONE } from '@/lib/calendar/zones';
import { loadForecastInput } from '@/lib/forecast/load';
import { forecast } from '@/lib/forecast/maths';
import { bedConflicts } from '@/lib/nights/overdue';
import { occupancyHistory } from '@/lib/occupancy/history';

/**
 * What a server process keeps per connection, read before it takes traffic: the bed layout, every
 * shelter's stays and ledger for the network's forecast and its count of tonight, its beds with two
 * guests, and its live days of the occupancy history (today, and yesterday until the roll-up has
 * run). At a thousand shelters and a million stays the first forecast of a process reads for seconds
 * and the first history for one (docs/benchmarks.md, "Scale"); without this the first guide or
 * admin after a start or a deploy would wait for them.
 */
export function warmUp(getDb: () => Db, now: Date, log: Pick<Console, 'error'> = console): void {
  try {
    const db = getDb();
    forecast(loadForecastInput(db, now));
    bedConflicts(db, null, now);
    const today = localDay(now.getTime(), NETWORK_TIME_ZONE);
    occupancyHistory(db, 'network', addDays(today, -1), today, now);
  } catch (error) {
    // Only time is lost: the first request that needs the database opens and reads it then (and
    // says what is wrong), as before there was a warm-up.
    log.error('[warm-up] reading ahead failed:', (error as Error).message);
  }
}
