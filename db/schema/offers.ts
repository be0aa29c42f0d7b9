import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { cities } from './cities';
import { createdAt, id, timestamp } from './columns';
import { OFFER_GUESTS, OFFER_KINDS, OFFER_STATUSES } from './enums';
import { shelters } from './shelters';
import { users } from './users';

/**
 * A place offered by a person without an account, from the public form (/offer): what it is, for
 * whom, when, and how to reach them. Nothing from an identity document has a column here. Vetted by
 * the staff of its city before it is used; withdrawn or declined offers have their contact, note and
 * link erased after the network's retention period (lib/privacy/retention.ts).
 */
export const offers = sqliteTable(
  'offers',
  {
    id: id(),
    // Short and spoken over the phone ("K7M-3QX"), searched for in the queue; never a secret.
    reference: text('reference').notNull().unique(),
    cityId: text('city_id')
      .notNull()
      .references(() => cities.id),
    kind: text('kind', { enum: OFFER_KINDS }).notNull(),
    capacity: integer('capacity').notNull(),
    guests: text('guests', { enum: OFFER_GUESTS }).notNull(),
    languages: text('languages', { mode: 'json' }).$type<string[]>().notNull(),
    pets: integer('pets', { mode: 'boolean' }).notNull().default(false),
    stepFree: integer('step_free', { mode: 'boolean' }).notNull().default(false),
    longestNights: integer('longest_nights').notNull(),
    // A phone or a Telegram handle; null once erased.
    contact: text('contact'),
    note: text('note'),
    status: text('status', { enum: OFFER_STATUSES }).notNull().default('new'),
    // What a pause by the person returns to when they resume.
    pausedFrom: text('paused_from', { enum: OFFER_STATUSES }),
    // The private link (lib/offers/own-offer.ts), as a SHA-256 hash; null once withdrawn or erased.
    tokenHash: text('token_hash').unique(),
    // The shelter of kind "private home" this offer became (issue 30, point 3), once it has.
    shelterId: text('shelter_id').references(() => shelters.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at').notNull(),
    statusChangedAt: timestamp('status_changed_at').notNull(),
    statusChangedBy: text('status_changed_by').references(() => users.id, { onDelete: 'set null' }),
    // When it was withdrawn or declined: retention counts from here.
    endedAt: timestamp('ended_at'),
    erasedAt: timestamp('erased_at'),
  },
  (t) => [
    check('offers_capacity', sql`${t.capacity} between 1 and 20`),
    check('offers_longest_nights', sql`${t.longestNights} between 1 and 365`),
    check('offers_kind', sql`${t.kind} in ('sofa', 'room', 'flat')`),
    check('offers_guests', sql`${t.guests} in ('men', 'women', 'families', 'anyone')`),
    check('offers_status', sql`${t.status} in ('new', 'contacted', 'verified', 'active', 'paused', 'withdrawn', 'declined')`),
    index('offers_queue').on(t.cityId, t.status, t.createdAt),
    index('offers_status_created').on(t.status, t.createdAt),
    index('offers_ended').on(t.endedAt),
    // Suggestions ask which homes' offers were verified by two volunteers (lib/homes/placing.ts).
    index('offers_shelter').on(t.shelterId),
  ],
);

/** The nights an offer is available: from its first night up to and including its last. */
export const offerRanges = sqliteTable(
  'offer_ranges',
  {
    offerId: text('offer_id')
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    firstNight: text('first_night').notNull(),
    lastNight: text('last_night').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.offerId, t.position] }),
    check('offer_ranges_order', sql`${t.firstNight} <= ${t.lastNight}`),
    index('offer_ranges_nights').on(t.firstNight, t.lastNight),
  ],
);

/**
 * The network's vetting checklist (Settings): what staff confirm before an offer is active. An item
 * with `ticks_needed` 2 ("two volunteers agree") is done only when two different staff ticked it.
 */
export const vettingChecks = sqliteTable(
  'vetting_checks',
  {
    id: id(),
    label: text('label').notNull(),
    ticksNeeded: integer('ticks_needed').notNull().default(1),
    position: integer('position').notNull(),
    createdAt: createdAt(),
  },
  (t) => [check('vetting_checks_ticks', sql`${t.ticksNeeded} in (1, 2)`)],
);

/** Who ticked which item of the checklist for an offer, and when: one tick per person per item. */
export const offerTicks = sqliteTable(
  'offer_ticks',
  {
    offerId: text('offer_id')
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
    checkId: text('check_id')
      .notNull()
      .references(() => vettingChecks.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    at: timestamp('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.offerId, t.checkId, t.userId] })],
);

export type OfferRow = typeof offers.$inferSelect;
