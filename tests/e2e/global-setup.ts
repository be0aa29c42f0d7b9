import type { TestProject } from 'vitest/node';
import { startDemoServer } from '../support/next-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    databasePath: string;
  }
}

/** One production server (`next build` + `next start`) with a temporary demo database for every e2e file. */
export default async function setup(project: TestProject) {
  const server = await startDemoServer();
  project.provide('baseURL', server.baseURL);
  project.provide('databasePath', server.databasePath);
  return () => server.stop();
}
