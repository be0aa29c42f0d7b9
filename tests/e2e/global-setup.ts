import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../db';
import { migrateDatabase } from '../../db/migrate';
import { seedDemo } from '../../db/seed';
import { DEMO_PASSWORD } from './support';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitUntilUp(url: string, server: ChildProcess, deadline = Date.now() + 60_000): Promise<void> {
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within 60 s`);
}

/** A production server (`next build` + `next start`) on a free port with a temporary demo database. */
export default async function setup(project: TestProject) {
  const root = join(__dirname, '..', '..');
  const next = join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  if (!existsSync(join(root, '.next', 'BUILD_ID'))) {
    const build = spawnSync(process.execPath, [next, 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('next build failed');
  }

  const dir = mkdtempSync(join(tmpdir(), 'waystation-e2e-'));
  const databasePath = join(dir, 'e2e.db');
  const { db, sqlite } = openDatabase(databasePath);
  migrateDatabase(db);
  await seedDemo(db, { password: DEMO_PASSWORD, now: new Date() });
  sqlite.close();

  const port = await freePort();
  const server = spawn(process.execPath, [next, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_PATH: databasePath,
      AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e',
      AUTH_TRUST_HOST: 'true',
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseURL = `http://127.0.0.1:${port}`;
  await waitUntilUp(`${baseURL}/login`, server);
  project.provide('baseURL', baseURL);

  return () => {
    server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
}
