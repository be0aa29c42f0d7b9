// Runs once when the server starts: a periodic sweep releases holds that passed their time, so beds
// come free even when nobody looks at availability for a while (reads apply expiry too).
const SWEEP_MS = 5 * 60_000;

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
}
