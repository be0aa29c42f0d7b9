import { randomBytes } from 'node:crypto';
import { integer, text } from 'drizzle-orm/sqlite-core';

/** Random, unguessable text ids: 96 bits, URL-safe. */
export function newId(): string {
  return randomBytes(12).toString('base64url');
}

export const id = () => text('id').primaryKey().$defaultFn(newId);

/** Every time is a UTC instant stored as epoch milliseconds. */
export const timestamp = (name: string) => integer(name, { mode: 'timestamp_ms' });

export const createdAt = () =>
  timestamp('created_at')
    .notNull()
    .$defaultFn(() => new Date());
