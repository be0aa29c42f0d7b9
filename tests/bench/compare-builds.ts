import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { seedDemo } from '@/scripts/demo-data/seed';
import { freePort } from '../support/next-server';
import { placeDemoHousehold } from './fixtures';
import { serverCpuPerRequest } from './server-cpu';
import { signInCookie } from './session';
import { spread } from './stats';

// `npx tsx tests/bench/compare-builds.ts DIR …`: the server CPU of one bed board (as
// `http.bed_board_cpu_ms` measures it) for several checkouts side by side, each already built
// (`next build`) with its own node_modules, three rounds taken in turn so that the machine's load
// falls on all alike. Each round starts `next start` from that checkout on a fresh demo database
// made by this script's own migrations and seed (an older build reads the columns it knows). For
// "before and after" of a change:
//   git worktree add /tmp/before <commit> && cp -al node_modules /tmp/before/ && (cd /tmp/before && npx next build)
//   npx tsx tests/bench/compare-builds.ts /tmp/before .

async function measure(root: string) {
  const dir = mkdtempSync(join(tmpdir(), 'side-'));
  const databasePath = join(dir, 'demo.db');
  const { db, sqlite } = openDatabase(databasePath);
  migrateDatabase(db);
  await seedDemo(db, { password: 'waystation-demo', now: new Date() });
  sqlite.close();
  const { fatihId } = placeDemoHousehold(databasePath);
  const port = await freePort();
  const server = spawn(process.execPath, [join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_PATH: databasePath,
      AUTH_SECRET: 'test-secret-test-secret-test-secret-test',
      AUTH_TRUST_HOST: 'true',
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${base}/login`)).ok) break;
    } catch {
      /* not up */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const host = await signInCookie(base, 'host@waystation.test', 'waystation-demo');
  const cpu = await serverCpuPerRequest(server.pid!, `${base}/shelters/${fatihId}`, { cookie: host });
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  return cpu;
}

async function main() {
  const roots = process.argv.slice(2).map((dir) => resolve(dir));
  if (roots.length === 0) throw new Error('usage: npx tsx tests/bench/compare-builds.ts DIR [DIR …]');
  const results: Record<string, number[]> = {};
  for (let round = 0; round < 3; round++) for (const root of roots) (results[root] ??= []).push(await measure(root));
  for (const [root, values] of Object.entries(results)) console.log(`${root}: ${values.join(', ')} ms (median ${spread(values).median})`);
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
