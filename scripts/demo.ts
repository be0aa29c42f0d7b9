import { spawn, spawnSync } from 'node:child_process';
import { databasePath, openDatabase } from '../db';
import { migrateDatabase } from '../db/migrate';
import { DEMO_LOGINS, seedDemo } from '../db/seed';
import { DEMO_CITY_LOGINS } from '../db/seed-city-staff';
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

  const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);

  const { db, sqlite } = openDatabase(path);
  migrateDatabase(db);
  const seeded = await seedDemo(db, { password, now: new Date() });
  sqlite.close();

  const server = spawn('npx', ['next', 'start', '-p', port], { stdio: ['ignore', 'pipe', 'inherit'], env });
  server.stdout.pipe(process.stdout);
  server.stdout.once('data', () => {
    console.log(`\nWaystation demo ${seeded ? '(new demo data)' : '(existing data kept)'}: http://localhost:${port}`);
    console.log(`Database: ${path}`);
    console.log(`Sign in with any of these; password: ${seeded ? password : 'as set when the demo data was first created'}`);
    for (const login of DEMO_LOGINS) console.log(`  ${login.role.padEnd(12)} ${login.email}`);
    for (const login of DEMO_CITY_LOGINS) console.log(`  ${`${login.role}, ${login.city}`.padEnd(12)} ${login.email}`);
    console.log('Press Ctrl+C to stop.\n');
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
