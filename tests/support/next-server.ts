import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../db';
import { migrateDatabase } from '../../db/migrate';
import { seedDemo } from '../../scripts/demo-data/seed';

export const DEMO_PASSWORD = 'waystation-demo';
/** The servers' session secret: a bench may mint sessions with it, as Auth.js does at sign-in. */
export const AUTH_SECRET = 'test-secret-test-secret-test-secret-test';
const ROOT = join(__dirname, '..', '..');
const NEXT = join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');

export function freePort(): Promise<number> {
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

export function ensureBuild(): void {
  if (existsSync(join(ROOT, '.next', 'BUILD_ID'))) return;
  const build = spawnSync(process.execPath, [NEXT, 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('next build failed');
}

/**
 * A production server (`next start`) on a free loopback port, with a temporary database holding the
 * demo network (`adjust` changes it before the server starts). For end-to-end tests and benchmarks;
 * `stop()` ends it and removes the database.
 */
export async function startDemoServer(
  options: { adjust?: (sqlite: ReturnType<typeof openDatabase>['sqlite']) => void } = {},
): Promise<{ baseURL: string; databasePath: string; pid: number; stop: () => void }> {
  ensureBuild();
  const dir = mkdtempSync(join(tmpdir(), 'waystation-server-'));
  const databasePath = join(dir, 'demo.db');
  const { db, sqlite } = openDatabase(databasePath);
  migrateDatabase(db);
  await seedDemo(db, { password: DEMO_PASSWORD, now: new Date() });
  options.adjust?.(sqlite);
  sqlite.close();
  const server = await startServer(databasePath);
  return {
    ...server,
    stop() {
      server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `next start` on a free loopback port over an existing, migrated database; `env` adds to its
 * environment. `pid` is the server's own process (under `webConcurrency`, the start script's). With `webConcurrency`,
 * the server is started as `npm start` starts it (scripts/start.ts, which takes WEB_CONCURRENCY as its
 * number of server processes), in a process group of its own so that `stop()` ends every process.
 */
export async function startServer(
  databasePath: string,
  options: { webConcurrency?: number; env?: Record<string, string> } = {},
): Promise<{ baseURL: string; databasePath: string; pid: number; stop: () => void }> {
  ensureBuild();
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_PATH: databasePath,
    AUTH_SECRET,
    AUTH_TRUST_HOST: 'true',
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
    ...options.env,
  };
  const listen = ['-p', String(port), '-H', '127.0.0.1'];
  const viaStartScript = options.webConcurrency !== undefined;
  const server: ChildProcess = viaStartScript
    ? spawn('npx', ['tsx', '--conditions=react-server', 'scripts/start.ts', ...listen], {
        cwd: ROOT,
        env: { ...env, WEB_CONCURRENCY: String(options.webConcurrency) },
        stdio: ['ignore', 'ignore', 'inherit'],
        detached: true,
      })
    : spawn(process.execPath, [NEXT, 'start', ...listen], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const baseURL = `http://127.0.0.1:${port}`;
  const stop = () => {
    if (server.exitCode !== null) return;
    if (viaStartScript) process.kill(-server.pid!, 'SIGTERM');
    else server.kill('SIGTERM');
  };
  try {
    await waitUntilUp(`${baseURL}/login`, server);
  } catch (error) {
    stop();
    throw error;
  }
  return { baseURL, databasePath, pid: server.pid!, stop };
}
