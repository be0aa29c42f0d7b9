import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { cities } from './cities';
import { createdAt, id, timestamp } from './columns';
import { beds, meetingPoints, shelters } from './shelters';

// A household ends as 'left' (checked out), 'cancelled' (withdrew its own request) or 'not_genuine'
// (a guide judged the request fake); each ending sets ended_at, from which retention counts.
// 'mistaken' is a registration a guide made by mistake or twice: it ends at once and is not counted as
// a registration in history.
export const ARRIVAL_STATUSES = ['waiting', 'placed', 'left', 'cancelled', 'not_genuine', 'mistaken'] as const;
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
    languages: text('languages', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    needsWheelchair: integer('needs_wheelchair', { mode: 'boolean' }).notNull().default(false),
    hasPet: integer('has_pet', { mode: 'boolean' }).notNull().default(false),
    needNote: text('need_note'),
    contact: text('contact'),
    // When the household expects to land, if it registered before it did; and how many nights it asks for.
    expectedAt: timestamp('expected_at'),
    nightsWanted: integer('nights_wanted'),
    // Where the household is now (an airport, the bus station), so suggestions prefer nearer shelters.
    meetingPointId: text('meeting_point_id').references(() => meetingPoints.id, { onDelete: 'set null' }),
    // A key the intake form makes once per draft: a send retried after a dropped connection finds the
    // household the first send already wrote instead of registering it twice.
    intakeKey: text('intake_key').unique(),
    // The city the household is in now, whose queue it joins, and the one it wants to reach, if any.
    cityId: text('city_id').references(() => cities.id, { onDelete: 'set null' }),
    destinationCityId: text('destination_city_id').references(() => cities.id, { onDelete: 'set null' }),
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
    index('arrivals_city_status').on(t.cityId, t.status),
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
    // The stay's nights in the shelter's local calendar: from first_night up to, not including, the
    // departure day ("YYYY-MM-DD"). Null only on rows from before migration 0006 until db/backfill.ts fills them.
    firstNight: text('first_night'),
    departure: text('departure'),
    checkedInAt: timestamp('checked_in_at'),
    checkedOutAt: timestamp('checked_out_at'),
    endedAt: timestamp('ended_at'),
    linkTokenHash: text('link_token_hash').unique(),
    linkExpiresAt: timestamp('link_expires_at'),
    reservedBy: text('reserved_by'),
    // What the guest last said on their link: 'on_my_way', or 'late' with the time they expect to
    // come (guest_eta); the host sees it on the expected list.
    guestSaid: text('guest_said', { enum: ['on_my_way', 'late'] }),
    guestSaidAt: timestamp('guest_said_at'),
    guestEta: timestamp('guest_eta'),
    createdAt: createdAt(),
  },
  (t) => [
    check('stays_status', sql`${t.status} in ('reserved', 'checked_in', 'checked_out', 'cancelled', 'expired')`),
    index('stays_shelter_status').on(t.shelterId, t.status),
    // Expiry looks for reservations past their hold on every reservation and read of availability.
    index('stays_status_hold').on(t.status, t.holdUntil),
    index('stays_arrival').on(t.arrivalId),
    // Occupancy history reads the stays that touch a window of days.
    index('stays_created').on(t.createdAt),
    index('stays_ended').on(t.endedAt),
    index('stays_shelter_first_night').on(t.shelterId, t.firstNight),
    index('stays_shelter_departure').on(t.shelterId, t.departure),
    // A city's forecast and a shelter's kept stays read one shelter's recent stays, not the network's.
    index('stays_shelter_created').on(t.shelterId, t.createdAt),
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
    // Which beds a stay holds; since stays have nights, one bed may be held by a stay tonight and by
    // another from next week. Invariant 1 is bed_nights' primary key.
    index('stay_beds_active')
      .on(t.bedId)
      .where(sql`released_at is null`),
    index('stay_beds_stay').on(t.stayId),
    // A bed's whole history (has it ever been used?) without scanning every past stay.
    index('stay_beds_bed').on(t.bedId),
  ],
);

/**
 * Invariant 1, dated: one row per bed per night a live stay (reserved or checked in) holds it. The
 * primary key lets SQLite itself refuse a second stay on the same bed for the same night, whatever
 * any check before it concluded. Rows go when the stay ends or gives the night up; stay_beds keeps
 * the history of who held which bed when.
 */
export const bedNights = sqliteTable(
  'bed_nights',
  {
    bedId: text('bed_id')
      .notNull()
      .references(() => beds.id),
    // The shelter's local calendar day on whose evening the night begins, "YYYY-MM-DD".
    night: text('night').notNull(),
    stayId: text('stay_id')
      .notNull()
      .references(() => stays.id),
  },
  (t) => [
    primaryKey({ columns: [t.bedId, t.night] }),
    index('bed_nights_stay').on(t.stayId),
    // By night, carrying the bed and the stay: which beds are booked on a range of nights is read from
    // this index alone, without a lookup per row (suggestions read it across the network).
    index('bed_nights_by_night').on(t.night, t.bedId, t.stayId),
  ],
);

/**
 * The ledger counted per room and night: how many of the room's beds bed_nights books that night
 * (booked), and of those how many for a stay now checked in or reserved. Kept by SQLite triggers
 * (migration 0008) on bed_nights, on stays.status and on beds.room_id, so no write path can forget
 * it; a row goes when its room has nothing booked that night. The forecast reads these few thousand
 * rows instead of grouping every bed-night of the week. Declared WITHOUT ROWID in the migration (one
 * b-tree on the key; drizzle does not model that).
 */
export const roomNights = sqliteTable(
  'room_nights',
  {
    roomId: text('room_id').notNull(),
    night: text('night').notNull(),
    booked: integer('booked').notNull(),
    checkedIn: integer('checked_in').notNull(),
    reserved: integer('reserved').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.night] })],
);

/**
 * One row whose stamp changes (a random value, so a rolled-back change cannot reuse it) whenever a
 * shelter's rooms or beds are added, removed or edited: triggers of migration 0008 set it. Readers
 * keep the rooms and beds in memory per connection while the stamp is unchanged.
 */
export const bedLayout = sqliteTable('bed_layout', {
  id: integer('id').primaryKey(),
  stamp: text('stamp').notNull(),
});

/**
 * A stamp per shelter that changes (a random value, as bed_layout's) whenever any of its stays, their
 * beds, their bed-nights or their households' head counts change: triggers of migration 0010 set it.
 * The forecast keeps each shelter's stays in memory per connection while its stamp stands still, so a
 * booking makes the next forecast read that one shelter again, not the network. A shelter with no row
 * has had no stay written since the migration.
 */
export const shelterStayStamps = sqliteTable('shelter_stay_stamps', {
  shelterId: text('shelter_id')
    .primaryKey()
    .references(() => shelters.id, { onDelete: 'cascade' }),
  stamp: text('stamp').notNull(),
});
