import type Database from 'better-sqlite3';
import { Param, sql, type SQL } from 'drizzle-orm';
import { SQLiteSyncDialect, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
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

const dialect = new SQLiteSyncDialect();

/**
 * A statement in plain SQL for what the query builder says poorly (windows, `coalesce` over a
 * correlated subquery, a night-by-night walk), its tables and columns written as schema objects so
 * a renamed column fails the typecheck, not a page at 2 a.m. Compiled once per connection and run as
 * better-sqlite3 runs any statement: `.all`, `.get`, `.run`, `.raw()`, `.pluck()`, values by
 * `@name`. Write `from ${stays} ${s}` for an alias `s = alias(stays, 's')`.
 *
 * A value never goes into the template: the text is compiled once, so a value would be the first
 * caller's for good. A statement whose text changes with its input (a list of ids) is no statement:
 * run it with `db.all(sql\`…${ids}…\`)`, which Drizzle binds each time.
 */
export function statement(build: () => SQL): (db: Db) => Database.Statement {
  const byClient = new WeakMap<Database.Database, Database.Statement>();
  return (db) => {
    let compiled = byClient.get(db.$client);
    if (!compiled) {
      const query = dialect.sqlToQuery(build());
      if (query.params.length > 0) throw new Error(`A statement takes its values by @name, not in its text: ${query.sql}`);
      byClient.set(db.$client, (compiled = db.$client.prepare(query.sql)));
    }
    return compiled;
  };
}

/**
 * A column by its bare name, where SQLite takes no table before a column: an insert's column list
 * and an update's `set`. `${occupancyDays.day}` renders `"occupancy_days"."day"`, which SQLite
 * refuses there; this renders `"day"`, still from the schema object.
 */
export const columnName = (column: SQLiteColumn): SQL => sql`${sql.identifier(column.name)}`;

/** Columns by their bare names, comma-separated: an insert's column list. */
export const columnNames = (...columns: SQLiteColumn[]): SQL => sql.join(columns.map(columnName), sql`, `);
