import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, timestamp } from './columns';
import { beds, shelters } from './shelters';

// A household ends as 'left' (checked out), 'cancelled' (withdrew its own request) or 'not_genuine'
// (a guide judged the request fake); each ending sets ended_at, from which retention counts.
export const ARRIVAL_STATUSES = ['waiting', 'placed', 'left', 'cancelled', 'not_genuine'] as const;
export const STAY_STATUSES = ['reserved', 'checked_in', 'checked_out', 'cancelled', 'expired'] as const;

/**
 * A household that arrived. Deliberately minimal: there is no column for a surname, nationality,
 * passport or ID number, date of birth or photo, and none may be added.
 */
export const arrivals = sqliteTable(
  'arrivals',
  {
    id: id(),
    alias: text('alias'),
    adultMen: integer('adult_men').notNull().default(0),
    adultWomen: integer('adult_women').notNull().default(0),
    children: integer('children').notNull().default(0),
    languages: text('languages', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    needsWheelchair: integer('needs_wheelchair', { mode: 'boolean' }).notNull().default(false),
    hasPet: integer('has_pet', { mode: 'boolean' }).notNull().default(false),
    needNote: text('need_note'),
    contact: text('contact'),
    arrivedAt: timestamp('arrived_at').notNull(),
    status: text('status', { enum: ARRIVAL_STATUSES }).notNull().default('waiting'),
    registeredBy: text('registered_by'),
    // Asked for a place through the public form rather than being registered by a guide.
    selfRegistered: integer('self_registered', { mode: 'boolean' }).notNull().default(false),
    // The hash of the link a self-registered household was given; the page follows its stays.
    requestTokenHash: text('request_token_hash').unique(),
    endedAt: timestamp('ended_at'),
    erasedAt: timestamp('erased_at'),
    createdAt: createdAt(),
  },
  (t) => [
    check('arrivals_counts', sql`${t.adultMen} >= 0 and ${t.adultWomen} >= 0 and ${t.children} >= 0`),
    check('arrivals_size', sql`${t.adultMen} + ${t.adultWomen} + ${t.children} between 1 and 30`),
    index('arrivals_status').on(t.status, t.arrivedAt),
    index('arrivals_created').on(t.createdAt),
    index('arrivals_ended').on(t.endedAt),
  ],
);

export const stays = sqliteTable(
  'stays',
  {
    id: id(),
    arrivalId: text('arrival_id')
      .notNull()
      .references(() => arrivals.id),
    shelterId: text('shelter_id')
      .notNull()
      .references(() => shelters.id),
    status: text('status', { enum: STAY_STATUSES }).notNull().default('reserved'),
    holdUntil: timestamp('hold_until').notNull(),
    checkedInAt: timestamp('checked_in_at'),
    checkedOutAt: timestamp('checked_out_at'),
    endedAt: timestamp('ended_at'),
    linkTokenHash: text('link_token_hash').unique(),
    linkExpiresAt: timestamp('link_expires_at'),
    reservedBy: text('reserved_by'),
    createdAt: createdAt(),
  },
  (t) => [
    check(
      'stays_status',
      sql`${t.status} in ('reserved', 'checked_in', 'checked_out', 'cancelled', 'expired')`,
    ),
    index('stays_shelter_status').on(t.shelterId, t.status),
    // Expiry looks for reservations past their hold on every reservation and read of availability.
    index('stays_status_hold').on(t.status, t.holdUntil),
    index('stays_arrival').on(t.arrivalId),
    // Occupancy history reads the stays that touch a window of days.
    index('stays_created').on(t.createdAt),
    index('stays_ended').on(t.endedAt),
  ],
);

export const stayBeds = sqliteTable(
  'stay_beds',
  {
    stayId: text('stay_id')
      .notNull()
      .references(() => stays.id),
    bedId: text('bed_id')
      .notNull()
      .references(() => beds.id),
    // When the stay took this bed: a move within a shelter swaps beds mid-stay. Null on rows written
    // before migration 0002 meant the stay's own start.
    heldAt: timestamp('held_at'),
    releasedAt: timestamp('released_at'),
  },
  (t) => [
    // Invariant 1: the database itself refuses a second active hold on one bed.
    uniqueIndex('stay_beds_one_active_hold').on(t.bedId).where(sql`released_at is null`),
    index('stay_beds_stay').on(t.stayId),
    // A bed's whole history (has it ever been used?) without scanning every past stay.
    index('stay_beds_bed').on(t.bedId),
  ],
);
