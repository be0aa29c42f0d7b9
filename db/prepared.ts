import type Database from 'better-sqlite3';
import { Param, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '.';

type Build<Q> = (db: Db) => Q;

const byConnection = new WeakMap<Database.Database, Map<Build<unknown>, unknown>>();

/**
 * A query built and compiled once per connection, then run with fresh values through its
 * `sql.placeholder`s. Building Drizzle's SQL text and compiling it again took most of a
 * reservation's time (the reservations bench, docs/benchmarks.md), and the write lock is held all the while.
 *
 * `build` is the cache key, so it must be a module-level function, never a closure made per call.
 */
export function prepared<Q>(db: Db, build: Build<Q>): Q {
  let queries = byConnection.get(db.$client);
  if (!queries) byConnection.set(db.$client, (queries = new Map()));
  let query = queries.get(build) as Q | undefined;
  if (query === undefined) queries.set(build, (query = build(db)));
  return query;
}

/**
 * A placeholder that takes its value as `column` does (a Date for a timestamp), in a condition or an
 * update's `set`. An insert's `values` encode plain `sql.placeholder`s by their column already.
 */
export function valueOf(column: SQLiteColumn, name: string): SQL {
  return sql`${new Param(sql.placeholder(name), column)}`;
}
