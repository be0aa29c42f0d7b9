import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, write } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { makeArrival } from '../support/fixtures';
import { ensureBuild, freePort } from '../support/next-server';

// `npm start` with WEB_CONCURRENCY=2: two server processes on one SQLite file behind Node's cluster
// module. The background jobs run in the primary only, and the throttles, kept in SQLite, hold across
// the processes (each request below comes on a new connection, which the cluster hands to the
// workers in turn).
const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'waystation-cluster-'));
const databasePath = join(dir, 'cluster.db');
let server: ChildProcess;
let output = '';
let port: number;

/** A GET on a connection of its own, closed afterwards. */
function getOnNewConnection(path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

async function untilUp(deadline = Date.now() + 60_000) {
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`npm start exited with ${server.exitCode}:\n${output}`);
    // Both workers have said they are ready.
    if ((output.match(/Ready in/g) ?? []).length >= 2 && (await getOnNewConnection('/api/health').catch(() => 0)) === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`npm start did not come up:\n${output}`);
}

beforeAll(async () => {
  ensureBuild();
  const { db, sqlite } = openDatabase(databasePath);
  migrateDatabase(db);
  // A household whose details are due for erasure: the retention purge runs at start.
  const ended = new Date(Date.now() - 60 * 24 * 3600_000);
  write(db, (tx) => makeArrival(tx, { alias: 'Cluster-Purge-Me', status: 'left', endedAt: ended, arrivedAt: ended }));
  sqlite.close();
  port = await freePort();
  // As `npm start` starts it: node itself runs the script (tsx as a loader), so a SIGTERM reaches the
  // primary's own handler, not a wrapper that gives the process 30 ms to answer before killing it.
  server = spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts', '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_PATH: databasePath,
        AUTH_SECRET: 'test-secret-test-secret-test-secret-test',
        NEXT_TELEMETRY_DISABLED: '1',
        NODE_ENV: 'production',
        WEB_CONCURRENCY: '2',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  server.stdout!.on('data', (chunk) => (output += chunk));
  server.stderr!.on('data', (chunk) => (output += chunk));
  await untilUp();
}, 90_000);

afterAll(async () => {
  if (server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start with two server processes', () => {
  it('serves from two worker processes and runs the background jobs once, in the primary', async () => {
    expect(output).toContain('serving with 2 process(es)');
    expect(output.match(/Ready in/g)).toHaveLength(2);
    const workers = [...output.matchAll(/\[start\] server process (\d+) started/g)].map((match) => match[1]);
    const jobs = [...output.matchAll(/\[jobs\] .* run in process (\d+)/g)].map((match) => match[1]);
    expect(new Set(workers).size).toBe(2);
    expect(jobs).toHaveLength(1);
    expect(workers).not.toContain(jobs[0]);
    // The purge at start erased the household once.
    const deadline = Date.now() + 10_000;
    while (!output.includes('[retention] erased the details of 1 household(s)') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(output.match(/\[retention\] erased/g)).toHaveLength(1);
    const { sqlite } = openDatabase(databasePath);
    expect(sqlite.prepare("select count(*) as n from audit_events where action = 'household.erase'").get()).toEqual({ n: 1 });
    sqlite.close();
  });

  it('holds a throttle across the processes: unknown links from one address are refused after 20, not 40', async () => {
    const client = { 'x-forwarded-for': '198.51.100.77' };
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push(await getOnNewConnection(`/s/${'z'.repeat(40)}${String(i).padStart(3, '0')}`, client));
    expect(statuses.slice(0, 20).every((status) => status === 404)).toBe(true);
    expect(statuses[20]).toBe(429);
    // Another address on the same two processes is not affected.
    expect(await getOnNewConnection(`/s/${'y'.repeat(43)}`, { 'x-forwarded-for': '198.51.100.78' })).toBe(404);
  }, 60_000);

  it('stops every worker on SIGTERM', async () => {
    server.kill('SIGTERM');
    const code = await new Promise((resolve) => server.once('exit', resolve));
    expect(code).toBe(0);
    await expect(getOnNewConnection('/api/health')).rejects.toThrow();
  }, 30_000);
});
