import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';
import { cities } from './cities';
import { createdAt, id, timestamp } from './columns';
import { ROOM_KINDS, SHELTER_KINDS, SHELTER_STATUSES, SURGE_KINDS, TEXT_LOCALES } from './enums';

export const shelters = sqliteTable(
  'shelters',
  {
    id: id(),
    name: text('name').notNull(),
    // A home (an offer made active, lib/homes) is never on a public page and ranks after shelters.
    kind: text('kind', { enum: SHELTER_KINDS }).notNull().default('shelter'),
    // The city it belongs to. Null only on rows from before migration 0009 until db/backfills/0009-cities.ts
    // gives them the default city.
    cityId: text('city_id').references(() => cities.id),
    // Public: the district may be shown to anyone.
    district: text('district').notNull(),
    // Private until a stay exists: only staff and arrivals holding a link see these.
    address: text('address').notNull().default(''),
    latitude: real('latitude'),
    longitude: real('longitude'),
    phone: text('phone'),
    telegram: text('telegram'),
    whatsapp: text('whatsapp'),
    languages: text('languages', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    amenities: text('amenities', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    acceptsFamilies: integer('accepts_families', { mode: 'boolean' }).notNull().default(true),
    acceptsPets: integer('accepts_pets', { mode: 'boolean' }).notNull().default(false),
    wheelchairAccessible: integer('wheelchair_accessible', { mode: 'boolean' }).notNull().default(false),
    // Local wall-clock times "HH:MM" in the shelter's time zone.
    checkInFrom: text('check_in_from').notNull().default('14:00'),
    checkInUntil: text('check_in_until').notNull().default('23:00'),
    holdHours: integer('hold_hours').notNull().default(6),
    // A guest who says "late, about 23:30" keeps the bed until that time plus these minutes...
    lateGraceMinutes: integer('late_grace_minutes').notNull().default(30),
    // ...but never past this local "HH:MM" (after midnight when it is before check-in opens); null:
    // the door's closing is the latest.
    latestArrival: text('latest_arrival'),
    // A stay's usual number of nights, offered when a guide reserves, and the longest a stay may be.
    usualNights: integer('usual_nights').notNull().default(3),
    longestNights: integer('longest_nights'),
    // Local wall-clock time "HH:MM" by which a departing guest leaves on the day of departure.
    checkOutBy: text('check_out_by').notNull().default('11:00'),
    timeZone: text('time_zone').notNull().default('Europe/Istanbul'),
    status: text('status', { enum: SHELTER_STATUSES }).notNull().default('open'),
    lastConfirmedAt: timestamp('last_confirmed_at'),
    // The host's choice to appear on the public list (/shelters): name, district and free beds only.
    listedPublicly: integer('listed_publicly', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    // When its profile, rooms or beds last changed, kept by triggers (migration 0015): the open data's
    // `last_modified`. Null only between an insert and its first change.
    updatedAt: timestamp('updated_at'),
  },
  (t) => [
    check('shelters_status', sql`${t.status} in ('open', 'paused', 'closed')`),
    index('shelters_city').on(t.cityId),
    check('shelters_hold_hours', sql`${t.holdHours} between 1 and 72`),
    check('shelters_late_grace', sql`${t.lateGraceMinutes} between 0 and 180`),
    check('shelters_latitude', sql`${t.latitude} is null or ${t.latitude} between -90 and 90`),
    check('shelters_longitude', sql`${t.longitude} is null or ${t.longitude} between -180 and 180`),
  ],
);

export const shelterTexts = sqliteTable(
  'shelter_texts',
  {
    shelterId: text('shelter_id')
      .notNull()
      .references(() => shelters.id, { onDelete: 'cascade' }),
    locale: text('locale', { enum: TEXT_LOCALES }).notNull(),
    directions: text('directions').notNull().default(''),
    houseRules: text('house_rules').notNull().default(''),
    whatToBring: text('what_to_bring').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.shelterId, t.locale] }), check('shelter_texts_locale', sql`${t.locale} in ('ru', 'en', 'tr', 'uk')`)],
);

export const rooms = sqliteTable(
  'rooms',
  {
    id: id(),
    shelterId: text('shelter_id')
      .notNull()
      .references(() => shelters.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind', { enum: ROOM_KINDS }).notNull(),
    accessible: integer('accessible', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [unique('rooms_shelter_name').on(t.shelterId, t.name), check('rooms_kind', sql`${t.kind} in ('men', 'women', 'mixed', 'family')`)],
);

export const beds = sqliteTable(
  'beds',
  {
    id: id(),
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'restrict' }),
    label: text('label').notNull(),
    // Null while the bed is in service.
    outOfServiceReason: text('out_of_service_reason'),
    // A surge bed (a mat, a sofa) exists only on the shelter's local nights first..last, both included,
    // and is counted apart from the beds the shelter always has (decision 0026). Null on a regular bed:
    // the three are set together or not at all. The database refuses a bed-night outside them
    // (migration 0023's triggers).
    surgeKind: text('surge_kind', { enum: SURGE_KINDS }),
    surgeFirstNight: text('surge_first_night'),
    surgeLastNight: text('surge_last_night'),
    createdAt: createdAt(),
  },
  // The surge columns' rules are kept by migration 0023's triggers: a CHECK added here would rebuild
  // the table and drop the triggers that stamp the layout and count rooms' nights.
  (t) => [unique('beds_room_label').on(t.roomId, t.label), index('beds_room').on(t.roomId)],
);

/**
 * A room's name in each arrival language, written by its host; rooms.name is the fallback (and the
 * name staff chose first), so a Russian screen shows the Russian name where the host gave one.
 */
export const roomNames = sqliteTable(
  'room_names',
  {
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    locale: text('locale', { enum: TEXT_LOCALES }).notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.locale] })],
);

/**
 * Where guides meet arrivals (the two airports, the bus station): defined by admins, so intake can ask
 * where a household is now and suggestions can say how far each shelter is, in a straight line. Each is
 * in a city: a guide is offered their own cities' points only.
 */
export const meetingPoints = sqliteTable('meeting_points', {
  id: id(),
  name: text('name').notNull().unique(),
  cityId: text('city_id').references(() => cities.id, { onDelete: 'set null' }),
  latitude: real('latitude').notNull(),
  longitude: real('longitude').notNull(),
  createdBy: text('created_by'),
  createdAt: createdAt(),
});

/** A meeting point's name in each language, as a room's (room_names); meeting_points.name is the fallback. */
export const meetingPointNames = sqliteTable(
  'meeting_point_names',
  {
    meetingPointId: text('meeting_point_id')
      .notNull()
      .references(() => meetingPoints.id, { onDelete: 'cascade' }),
    locale: text('locale', { enum: TEXT_LOCALES }).notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingPointId, t.locale] })],
);

/**
 * Nights on which a whole shelter (room_id null) or one room takes no one: renovation, the host away.
 * Nights are the shelter's local calendar days "YYYY-MM-DD", both ends included.
 */
export const shelterClosures = sqliteTable(
  'shelter_closures',
  {
    id: id(),
    shelterId: text('shelter_id')
      .notNull()
      .references(() => shelters.id, { onDelete: 'cascade' }),
    roomId: text('room_id').references(() => rooms.id, { onDelete: 'cascade' }),
    firstNight: text('first_night').notNull(),
    lastNight: text('last_night').notNull(),
    reason: text('reason'),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    check('shelter_closures_order', sql`${t.lastNight} >= ${t.firstNight}`),
    index('shelter_closures_shelter').on(t.shelterId, t.lastNight),
  ],
);
