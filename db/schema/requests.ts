import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { id, timestamp } from './columns';
import { SECOND_FACTOR_POLICIES } from './enums';

/**
 * The network's own settings, one row (id 1): how arrivals reach the network, shown on the public
 * pages, and how many requests for a place the public form takes per hour across the network.
 */
export const networkSettings = sqliteTable(
  'network_settings',
  {
    id: integer('id').primaryKey(),
    contactPhone: text('contact_phone'),
    contactTelegram: text('contact_telegram'),
    contactWhatsapp: text('contact_whatsapp'),
    requestsPerHour: integer('requests_per_hour').notNull().default(30),
    // Days after a household's stay or request ends until its identifying fields are erased.
    retentionDays: integer('retention_days').notNull().default(14),
    // Who must sign in with a second factor: nobody yet, admins, or every staff member.
    secondFactor: text('second_factor', { enum: SECOND_FACTOR_POLICIES }).notNull().default('off'),
    // Minutes a staff session may sit idle before it ends (15 to 240); the 12-hour limit stays.
    idleMinutes: integer('idle_minutes').notNull().default(30),
    // The kinds of household (men, women, families) suggested only homes verified by two volunteers.
    homesVerifiedByTwo: text('homes_verified_by_two', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    updatedAt: timestamp('updated_at'),
    updatedBy: text('updated_by'),
  },
  (t) => [
    check('network_settings_one_row', sql`${t.id} = 1`),
    check('network_settings_requests_per_hour', sql`${t.requestsPerHour} between 0 and 10000`),
    check('network_settings_retention_days', sql`${t.retentionDays} between 1 and 90`),
    check('network_settings_second_factor', sql`${t.secondFactor} in ('off', 'admins', 'everyone')`),
  ],
);

/**
 * One row per request for a place accepted from the public form, for the hourly limits. The client's
 * address is kept only as a hash, and rows older than the window are deleted as new ones come in.
 * In SQLite rather than memory so that a restart does not reset the limits.
 */
export const requestAttempts = sqliteTable(
  'request_attempts',
  {
    id: id(),
    clientKey: text('client_key').notNull(),
    // A hash of the source network (an IPv4 /24, an IPv6 /48), so one network cannot fill the form for all.
    networkKey: text('network_key'),
    at: timestamp('at').notNull(),
  },
  (t) => [
    index('request_attempts_client').on(t.clientKey, t.at),
    index('request_attempts_at').on(t.at),
    index('request_attempts_network').on(t.networkKey, t.at),
  ],
);

/** Request-form stamps already spent: each stamp is good for one request. Forgotten once expired. */
export const usedFormStamps = sqliteTable(
  'used_form_stamps',
  {
    stampHash: text('stamp_hash').primaryKey(),
    expiresAt: timestamp('expires_at').notNull(),
  },
  (t) => [index('used_form_stamps_expires').on(t.expiresAt)],
);
