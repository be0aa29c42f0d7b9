import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { seedDemo } from '@/scripts/demo-data/seed';
import { AUTH_SECRET, freePort } from '../support/next-server';
import { placeDemoHousehold } from './fixtures';
import { processCpuMs } from './server-cpu';
import { signInCookie } from './session';
import { round, spread } from './stats';

// `npx tsx tests/bench/compare-builds.ts DIR …`: the server CPU of one staff page (as
// `http.bed_board_cpu_ms`, `queue_cpu_ms` and `household_cpu_ms` measure it) for several checkouts
// side by side, each already built (`next build`) with its own node_modules. Every checkout's
// `next start` runs at once over one demo database made by this checkout's migrations and seed (an
// older build reads the columns it knows), and the batches alternate between them, round after
// round, so that a shared machine's load falls on all alike. For "before and after" of a change:
//   git worktree add /tmp/before <commit> && cp -al node_modules /tmp/before/ && (cd /tmp/before && npx next build)
//   npx tsx --conditions=react-server tests/bench/compare-builds.ts /tmp/before .
const ROUNDS = Number(process.env.ROUNDS ?? 12);
const PER_BATCH = 25;
const WARM_UP = 30;

type Server = { root: string; process: ChildProcess; base: string; cookies: Record<string, string> };

async function start(root: string, databasePath: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_PATH: databasePath,
      AUTH_SECRET,
      AUTH_TRUST_HOST: 'true',
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/login`)).ok) break;
    } catch {
      /* not up */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const cookies = {
    host: await signInCookie(base, 'host@waystation.test', 'waystation-demo'),
    guide: await signInCookie(base, 'guide@waystation.test', 'waystation-demo'),
  };
  return { root, process: child, base, cookies };
}

async function main() {
  const roots = process.argv.slice(2).map((dir) => resolve(dir));
  if (roots.length === 0) throw new Error('usage: npx tsx tests/bench/compare-builds.ts DIR [DIR …]');
  const databasePath = join(mkdtempSync(join(tmpdir(), 'side-')), 'demo.db');
  const { db, sqlite } = openDatabase(databasePath);
  migrateDatabase(db);
  await seedDemo(db, { password: 'waystation-demo', now: new Date() });
  sqlite.close();
  const { fatihId, waitingId } = placeDemoHousehold(databasePath);
  const pages = [
    { name: 'bed_board_cpu_ms', path: `/shelters/${fatihId}`, who: 'host' },
    { name: 'queue_cpu_ms', path: '/arrivals', who: 'guide' },
    { name: 'household_cpu_ms', path: `/arrivals/${waitingId}`, who: 'guide' },
  ];
  const servers: Server[] = [];
  for (const root of roots) servers.push(await start(root, databasePath));
  try {
    for (const page of pages) {
      const get = async (server: Server) => {
        const response = await fetch(`${server.base}${page.path}`, {
          headers: { cookie: server.cookies[page.who], 'accept-encoding': 'gzip' },
        });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${server.root}${page.path} answered ${response.status}`);
      };
      const samples = new Map<Server, number[]>(servers.map((server) => [server, []]));
      for (const server of servers) for (let i = 0; i < WARM_UP; i++) await get(server);
      for (let r = 0; r < ROUNDS; r++) {
        for (const server of servers) {
          const before = processCpuMs(server.process.pid!);
          for (let i = 0; i < PER_BATCH; i++) await get(server);
          samples.get(server)!.push((processCpuMs(server.process.pid!) - before) / PER_BATCH);
        }
      }
      const first = spread(samples.get(servers[0])!).median;
      for (const server of servers) {
        const { median, min, max } = spread(samples.get(server)!);
        console.log(
          `${page.name} ${server.root}: median ${round(median, 1)} ms (${round(min, 1)}–${round(max, 1)}), ${round(median / first, 2)} of the first`,
        );
      }
    }
  } finally {
    for (const server of servers) server.process.kill('SIGTERM');
  }
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
