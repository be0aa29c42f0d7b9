import { resolve } from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { backfillNights } from './backfills/0006-nights';
import { backfillCities } from './backfills/0009-cities';
import { databasePath, openDatabase, type Db } from './index';

export const MIGRATIONS_FOLDER = resolve(__dirname, 'migrations');

export function migrateDatabase(db: Db, now = new Date()): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
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
