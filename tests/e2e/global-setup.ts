import Database from 'better-sqlite3';
import type { TestProject } from 'vitest/node';
import { dayStart } from '@/lib/calendar/days';
import { addNights, tonightIn } from '@/lib/calendar/nights';
import { startDemoServer } from '../support/next-server';
import { SHARED_SERVER_VARIABLES } from './signed-in';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    databasePath: string;
  }
}

/** Well beyond what the files sharing this server take on a busy two-core machine (about 10 minutes). */
const RUN_MS = 25 * 60_000;

/**
 * How long to wait before building the world, so that no city of it reaches midnight while the files
 * run: the world is built around "tonight" (stays, holds, free beds), and a night that changes under
 * a running suite turns every count it checks. Zero unless a midnight is closer than the run.
 */
function untilSafe(databasePath: string, now: Date): number {
  const sqlite = new Database(databasePath, { readonly: true });
  const zones = sqlite
    .prepare('select distinct time_zone from shelters union select distinct time_zone from cities')
    .pluck()
    .all() as string[];
  sqlite.close();
  const midnights = zones.map((zone) => dayStart(addNights(tonightIn(zone, now), 1), zone) - now.getTime());
  const close = midnights.filter((ms) => ms < RUN_MS);
  return close.length ? Math.max(...close) + 60_000 : 0;
}

// The demo's doors close at 23:00, after which a booking starts tomorrow, as it should; the tests that
// book tonight must pass at whatever hour the suite runs, so this world's shelters take guests all day
// (00:00–23:59, as the worlds of the files with a server of their own do).
const allDay = (sqlite: Database.Database) => sqlite.prepare("update shelters set check_in_from = '00:00', check_in_until = '23:59'").run();

/**
 * One production server (`next start`) with a temporary demo database for every e2e file; its
 * address is also left in the environment the test workers start with, for `openSignedIn`.
 */
export default async function setup(project: TestProject) {
  let server = await startDemoServer({ adjust: allDay });
  const wait = untilSafe(server.databasePath, new Date());
  if (wait > 0) {
    console.log(`e2e: a city of the demo reaches midnight within the run; building its world after it, in ${Math.ceil(wait / 60_000)} min`);
    server.stop();
    await new Promise((resolve) => setTimeout(resolve, wait));
    server = await startDemoServer({ adjust: allDay });
  }
  project.provide('baseURL', server.baseURL);
  project.provide('databasePath', server.databasePath);
  process.env[SHARED_SERVER_VARIABLES.baseURL] = server.baseURL;
  process.env[SHARED_SERVER_VARIABLES.databasePath] = server.databasePath;
  return () => server.stop();
}
