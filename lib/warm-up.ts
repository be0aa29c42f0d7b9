import 'server-only';
import type { Db } from '@/db';
import { loadForecastInput } from '@/lib/forecast/load';
import { forecast } from '@/lib/forecast/maths';

/**
 * What a server process keeps per connection, read before it takes traffic: the bed layout and every
 * shelter's stays and ledger for the network's forecast. At a thousand shelters and a million stays
 * the first forecast of a process reads for seconds (docs/benchmarks.md, "Scale"); without this the
 * first guide or admin after a start or a deploy would wait for it.
 */
export function warmUp(getDb: () => Db, now: Date, log: Pick<Console, 'error'> = console): void {
  try {
    forecast(loadForecastInput(getDb(), now));
  } catch (error) {
    // Only time is lost: the first request that needs the database opens and reads it then (and
    // says what is wrong), as before there was a warm-up.
    log.error('[warm-up] reading ahead failed:', (error as Error).message);
  }
}
