import { spawn, spawnSync } from 'node:child_process';
import { databasePath, openDatabase } from '../db';
import { migrateDatabase } from '../db/migrate';
import { seedDemo } from './demo-data/seed';
import { demoLogins } from './demo-logins';
import { demoAuthSecret } from './env';

// `npm run demo`: build, migrate, seed once, then serve with a secret of its own.
async function main() {
  const path = databasePath();
  const port = process.env.PORT || '3000';
  const password = process.env.DEMO_PASSWORD || 'waystation-demo';
  const env = {
    ...process.env,
    DATABASE_PATH: path,
    AUTH_SECRET: process.env.AUTH_SECRET || demoAuthSecret(path),
    AUTH_TRUST_HOST: 'true',
    NEXT_TELEMETRY_DISABLED: '1',
  };

  console.log('Waystation demo: building the app (about 3 minutes the first time on a 2-core machine)…');
  const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);

  console.log(`Migrating ${path} and adding the demo network if it is empty…`);
  const { db, sqlite } = openDatabase(path);
  migrateDatabase(db);
  const seeded = await seedDemo(db, { password, now: new Date() });
  sqlite.close();

  console.log('Starting the server…');
  const server = spawn('npx', ['next', 'start', '-p', port], { stdio: ['ignore', 'pipe', 'inherit'], env });
  server.stdout.pipe(process.stdout);
  server.stdout.once('data', () => {
    console.log(`\nWaystation demo ${seeded ? '(new demo data)' : '(existing data kept)'}: http://localhost:${port}`);
    console.log(`Database: ${path}`);
    console.log(`Sign in with any of these; password: ${seeded ? password : 'as set when the demo data was first created'}`);
    for (const login of demoLogins()) console.log(`  ${login.who.padEnd(28)} ${login.email}`);
    console.log('Press Ctrl+C to stop.\n');
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
