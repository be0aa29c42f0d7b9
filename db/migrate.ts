import { resolve } from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { backfillNights } from './backfills/0006-nights';
import { backfillCities } from './backfills/0009-cities';
import { databasePath, openDatabase, type Db } from './index';

export const MIGRATIONS_FOLDER = resolve(__dirname, 'migrations');

export function migrateDatabase(db: Db, now = new Date()): void {
  // SQLite ignores PRAGMA foreign_keys inside a transaction, and Drizzle runs all pending migrations in
  // one: a migration that rebuilds a table others point at (0019 rebuilds users) would cascade its DROP
  // to every member, city and recovery code. Off around the migrations, then every reference checked.
  db.$client.pragma('foreign_keys = OFF');
  try {
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    db.$client.pragma('foreign_keys = ON');
  }
  const broken = db.$client.pragma('foreign_key_check') as unknown[];
  if (broken.length > 0) throw new Error(`Migrations left ${broken.length} broken references: ${JSON.stringify(broken.slice(0, 5))}`);
  // Data that SQL alone cannot migrate: nights depend on each shelter's time zone.
  backfillNights(db, now);
  // Shelters and households from before cities join the default city (migration 0009).
  backfillCities(db, now);
}

// Run directly (`npm run db:migrate`): migrate the configured database.
if (process.argv[1]?.replace(/\\/g, '/').endsWith('db/migrate.ts')) {
  const path = databasePath();
  const { db, sqlite } = openDatabase(path);
  migrateDatabase(db);
  sqlite.close();
  console.log(`Database ready: ${path}`);
}
