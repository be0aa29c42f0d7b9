import type { TestProject } from 'vitest/node';
import { startDemoServer } from '../support/next-server';
import { SHARED_SERVER_VARIABLES } from './signed-in';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    databasePath: string;
  }
}

/**
 * One production server (`next start`) with a temporary demo database for every e2e file; its
 * address is also left in the environment the test workers start with, for `openSignedIn`.
 */
export default async function setup(project: TestProject) {
  // The demo's doors close at 23:00, after which a booking starts tomorrow, as it should; the
  // tests that book tonight must pass at whatever hour the suite runs, so this world's shelters take
  // guests all day (00:00–23:59, as the worlds of the files with a server of their own do).
  const server = await startDemoServer({
    adjust: (sqlite) => sqlite.prepare("update shelters set check_in_from = '00:00', check_in_until = '23:59'").run(),
  });
  project.provide('baseURL', server.baseURL);
  project.provide('databasePath', server.databasePath);
  process.env[SHARED_SERVER_VARIABLES.baseURL] = server.baseURL;
  process.env[SHARED_SERVER_VARIABLES.databasePath] = server.databasePath;
  return () => server.stop();
}
