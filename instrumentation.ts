// Runs once when a server process starts, before it answers: it reads what the process keeps (the
// first forecast at a network's size takes seconds). Under `npm start` the cluster's primary runs the
// background jobs (scripts/start.ts) and tells its workers so; a lone `next start` runs them itself.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { getDb } = await import('./db');
  const { warmUp } = await import('./lib/warm-up');
  warmUp(getDb, new Date());
  if (process.env.WAYSTATION_JOBS === 'primary') return;
  const { startBackgroundJobs } = await import('./lib/jobs');
  startBackgroundJobs(getDb);
}
