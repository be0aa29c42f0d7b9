import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';

/** The ORM over one connection; `$client` is that connection, for the few hot reads in plain SQL. */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_PATH = './data/waystation.db';

export function databasePath(): string {
  return resolve(/*turbopackIgnore: true*/ process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH);
}

/** Opens a connection with the pragmas every Waystation connection must have (invariant 3). */
export function openDatabase(path: string): { db: Db; sqlite: Database.Database } {
  mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = FULL');
  // SQLite keeps 2 MB of pages per connection by default. At a network's size (a million stays, a
  // gigabyte of database) the network's reads touch far more than that and fetch the same pages
  // again each time: 64 MB (allocated only as pages are read) makes them about twice as fast
  // (docs/benchmarks.md, "Scale").
  sqlite.pragma('cache_size = -65536');
  return { db: drizzle(sqlite, { schema }), sqlite };
}

const cache = globalThis as unknown as { waystationDb?: Db };

/**
 * The one connection of this process, opened on first use so that `next build` never touches the
 * database, and cached on globalThis so that module reloads do not open another.
 */
export function getDb(): Db {
  if (!cache.waystationDb) cache.waystationDb = openDatabase(databasePath()).db;
  return cache.waystationDb;
}

/** Runs `fn` in one synchronous BEGIN IMMEDIATE transaction: the only way Waystation writes. */
export function write<T>(db: Db, fn: (tx: Db) => T): T {
  // The transaction runs on the same connection, so its plain-SQL reads see the same snapshot.
  return db.transaction((tx) => fn(Object.assign(tx, { $client: db.$client }) as unknown as Db), { behavior: 'immediate' });
}
