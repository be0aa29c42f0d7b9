// Runs once when the server starts: a periodic sweep releases holds that passed their time, so beds
// come free even when nobody looks at availability for a while (reads apply expiry too), and the
// occupancy roll-up stores each day once it has ended (history reads compute the rest live), and
// the retention purge erases households' details once their time is up.
const SWEEP_MS = 5 * 60_000;
const HOUR_MS = 60 * 60_000;

export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { getDb, write } = await import('./db');
  const { expireHolds, holdsDue } = await import('./lib/placement/expiry');
  const sweep = () => {
    try {
      const db = getDb();
      const now = new Date();
      if (holdsDue(db, now)) write(db, (tx) => expireHolds(tx, now));
    } catch (error) {
      console.error('[sweep] expiring holds failed:', (error as Error).message);
    }
  };
  setInterval(sweep, SWEEP_MS).unref();
  const { rollUpOccupancyInBackground } = await import('./lib/occupancy/rollup');
  const rollUp = () =>
    rollUpOccupancyInBackground(getDb(), new Date()).catch((error: Error) => console.error('[roll-up] storing occupancy days failed:', error.message));
  const { purgeExpiredHouseholdsInBackground } = await import('./lib/privacy/retention');
  const purge = () =>
    purgeExpiredHouseholdsInBackground(getDb(), new Date())
      .then(({ erased }) => erased > 0 && console.log(`[retention] erased the details of ${erased} household(s)`))
      .catch((error: Error) => console.error('[retention] purge failed:', error.message));
  purge();
  setInterval(purge, HOUR_MS).unref();
  // After start-up, so a long first backfill never delays the first request.
  setTimeout(rollUp, 1_000).unref();
  setInterval(rollUp, HOUR_MS).unref();
}
