import { spawn } from 'node:child_process';
import { databasePath, openDatabase } from '../db';
import { migrateDatabase } from '../db/migrate';

// `npm start`: production. Migrates, then serves. It never creates demo data.
if (!process.env.AUTH_SECRET) {
  console.error('AUTH_SECRET is not set. Generate one with: openssl rand -base64 32 (see .env.example).');
  process.exit(1);
}
const { db, sqlite } = openDatabase(databasePath());
migrateDatabase(db);
sqlite.close();

const server = spawn('npx', ['next', 'start', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { AUTH_TRUST_HOST: 'true', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
