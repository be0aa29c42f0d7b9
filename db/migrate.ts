import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { resolve } from 'node:path';
import { databasePath, openDatabase, type Db } from './index';

export const MIGRATIONS_FOLDER = resolve(__dirname, 'migrations');

export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

// Run directly (`npm run db:migrate`): migrate the configured database.
if (process.argv[1]?.replace(/\\/g, '/').endsWith('db/migrate.ts')) {
  const path = databasePath();
  const { db, sqlite } = openDatabase(path);
  migrateDatabase(db);
  sqlite.close();
  console.log(`Database ready: ${path}`);
}
