import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/**
 * A column by its bare name, where SQLite takes no table before a column: an insert's column list
 * and an update's `set`. `${occupancyDays.day}` renders `"occupancy_days"."day"`, which SQLite
 * refuses there; this renders `"day"`, still from the schema object.
 */
export const columnName = (column: SQLiteColumn): SQL => sql`${sql.identifier(column.name)}`;

/** Columns by their bare names, comma-separated: an insert's column list. */
export const columnNames = (...columns: SQLiteColumn[]): SQL => sql.join(columns.map(columnName), sql`, `);
