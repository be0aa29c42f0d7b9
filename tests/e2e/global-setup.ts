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
  const server = await startDemoServer();
  project.provide('baseURL', server.baseURL);
  project.provide('databasePath', server.databasePath);
  process.env[SHARED_SERVER_VARIABLES.baseURL] = server.baseURL;
  process.env[SHARED_SERVER_VARIABLES.databasePath] = server.databasePath;
  return () => server.stop();
}
