import 'server-only';
import { write, type Db } from '@/db';
import { rollUpOccupancyInBackground } from '@/lib/occupancy/rollup';
import { expireHolds, holdsDue } from '@/lib/placement/expiry';
import { purgeExpiredHouseholdsInBackground } from '@/lib/privacy/retention';

const SWEEP_MS = 5 * 60_000;
const HOUR_MS = 60 * 60_000;

/**
 * The network's background work, run by exactly one process per database: a periodic sweep
 * releases holds that passed their time, so beds come free even when nobody looks at availability
 * for a while (reads apply expiry too); the occupancy roll-up stores each day once it has ended
 * (history reads compute the rest live); and the retention purge erases households' details once
 * their time is up. Each is idempotent, but running them once spares the write lock.
 * Returns a function that stops them.
 */
export function startBackgroundJobs(getDb: () => Db, log: Pick<Console, 'log' | 'error'> = console): () => void {
  const sweep = () => {
    try {
      const db = getDb();
      const now = new Date();
      if (holdsDue(db, now)) write(db, (tx) => expireHolds(tx, now));
    } catch (error) {
      log.error('[sweep] expiring holds failed:', (error as Error).message);
    }
  };
  const rollUp = () =>
    rollUpOccupancyInBackground(getDb(), new Date()).catch((error: Error) =>
      log.error('[roll-up] storing occupancy days failed:', error.message),
    );
  const purge = () =>
    purgeExpiredHouseholdsInBackground(getDb(), new Date())
      .then(({ erased, offersErased }) => {
        if (erased > 0) log.log(`[retention] erased the details of ${erased} household(s)`);
        if (offersErased > 0) log.log(`[retention] erased the contacts of ${offersErased} offer(s)`);
      })
      .catch((error: Error) => log.error('[retention] purge failed:', error.message));

  log.log(`[jobs] expiry sweep, occupancy roll-up and retention purge run in process ${process.pid}`);
  purge();
  const timers = [
    setInterval(sweep, SWEEP_MS),
    setInterval(purge, HOUR_MS),
    // After start-up, so a long first backfill never delays the first request.
    setTimeout(rollUp, 1_000),
    setInterval(rollUp, HOUR_MS),
  ];
  for (const timer of timers) timer.unref();
  return () => timers.forEach(clearTimeout);
}
