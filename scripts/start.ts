import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { databasePath, getDb, openDatabase } from '../db';
import { migrateDatabase } from '../db/migrate';
import { startBackgroundJobs } from '../lib/jobs';

// `npm start`: production. Migrates, then serves the last build with WEB_CONCURRENCY processes (the
// machine's cores by default), all on the one SQLite file: one connection each, every write in
// BEGIN IMMEDIATE (DESIGN.md, invariant 3). Node's own cluster module shares the listening socket and
// hands connections to the workers in turn; this process, the primary, serves nothing and runs the
// background jobs, so they run once, not once per worker. It never creates demo data.

const NEXT = join(__dirname, '..', 'node_modules', 'next', 'dist', 'bin', 'next');
// A worker that keeps dying is a broken build or configuration, not bad luck: give up loudly.
const RESTARTS = { limit: 5, windowMs: 60_000 };

function processCount(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return availableParallelism();
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 64) {
    console.error(`WEB_CONCURRENCY must be a whole number from 1 to 64 (got "${value}").`);
    process.exit(1);
  }
  return count;
}

function main() {
  if (!process.env.AUTH_SECRET) {
    console.error('AUTH_SECRET is not set. Generate one with: openssl rand -base64 32 (see .env.example).');
    process.exit(1);
  }
  const count = processCount(process.env.WEB_CONCURRENCY);
  const { db, sqlite } = openDatabase(databasePath());
  migrateDatabase(db);
  sqlite.close();

  cluster.setupPrimary({ exec: NEXT, args: ['start', ...process.argv.slice(2)], execArgv: [] });
  const env = { AUTH_TRUST_HOST: 'true', ...process.env, WAYSTATION_JOBS: 'primary' };
  let stopping = false;
  const deaths: number[] = [];
  const fork = (): Worker => cluster.fork(env);

  cluster.on('online', (worker) => console.log(`[start] server process ${worker.process.pid} started`));
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    const now = Date.now();
    deaths.push(now);
    while (deaths.length && deaths[0] < now - RESTARTS.windowMs) deaths.shift();
    console.error(`[start] server process ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}).`);
    if (deaths.length > RESTARTS.limit) {
      console.error(`[start] ${deaths.length} server processes stopped within a minute; giving up.`);
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
      process.exit(1);
    }
    fork();
  });

  for (let i = 0; i < count; i++) fork();
  console.log(`[start] serving with ${count} process(es); WEB_CONCURRENCY sets how many.`);
  const stopJobs = startBackgroundJobs(getDb);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      stopJobs();
      const workers = Object.values(cluster.workers ?? {});
      if (workers.length === 0) process.exit(0);
      // Next finishes the requests in flight on SIGTERM, then exits.
      for (const worker of workers) worker?.process.kill('SIGTERM');
    });
  }
}

main();
