import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { cities } from './cities';
import { id, timestamp } from './columns';
import { beds } from './shelters';

/** When a bed was out of service: occupancy history counts beds in service night by night. */
export const bedOutages = sqliteTable(
  'bed_outages',
  {
    id: id(),
    bedId: text('bed_id')
      .notNull()
      .references(() => beds.id, { onDelete: 'cascade' }),
    startedAt: timestamp('started_at').notNull(),
    // Null while the bed is still out of service.
    endedAt: timestamp('ended_at'),
  },
  (t) => [index('bed_outages_bed').on(t.bedId, t.startedAt)],
);

/**
 * One shelter's figures for one of its local days, written once the day has ended (scope = the
 * shelter's id), and the sum over the network (scope = 'network'). A past day never changes, so the
 * history of a million stays reads a few hundred rows instead of recomputing every night.
 */
export const occupancyDays = sqliteTable(
  'occupancy_days',
  {
    scope: text('scope').notNull(),
    // The local calendar day, "YYYY-MM-DD".
    day: text('day').notNull(),
    bedsInService: integer('beds_in_service').notNull(),
    outOfService: integer('out_of_service').notNull(),
    occupied: integer('occupied').notNull(),
    reserved: integer('reserved').notNull(),
    registered: integer('registered').notNull(),
    placed: integer('placed').notNull(),
    checkedIn: integer('checked_in').notNull(),
    checkedOut: integer('checked_out').notNull(),
    noShows: integer('no_shows').notNull(),
    // Stays that ended with a check-out this day, and their summed length, for the average stay.
    staysCompleted: integer('stays_completed').notNull(),
    stayMsTotal: integer('stay_ms_total').notNull(),
    // Minutes from registration to first reservation of each household placed this day, comma-separated:
    // a median over many days needs every value, not a median of medians.
    waitMinutes: text('wait_minutes').notNull().default(''),
    // Unmet demand (network rows only): households still waiting without a bed at the day's end, and
    // households whose suggestions found no fitting shelter that day, by kind. Counts only.
    unmetWaitedMen: integer('unmet_waited_men').notNull().default(0),
    unmetWaitedWomen: integer('unmet_waited_women').notNull().default(0),
    unmetWaitedFamilies: integer('unmet_waited_families').notNull().default(0),
    noFitMen: integer('no_fit_men').notNull().default(0),
    noFitWomen: integer('no_fit_women').notNull().default(0),
    noFitFamilies: integer('no_fit_families').notNull().default(0),
    // Surge beds (decision 0026), apart from the figures above: those laid out on the day's night, and
    // those a guest checked in slept in. 0 on the days before migration 0024, which had none.
    surgeBeds: integer('surge_beds').notNull().default(0),
    surgeOccupied: integer('surge_occupied').notNull().default(0),
    // Of bedsInService and occupied, those in private homes (decision 0025): 0 on a shelter's rows and
    // on the days before migration 0027, when no home existed.
    homeBeds: integer('home_beds').notNull().default(0),
    homeOccupied: integer('home_occupied').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.day] }),
    index('occupancy_days_day').on(t.day),
    check('occupancy_days_counts', sql`${t.bedsInService} >= 0 and ${t.occupied} >= 0 and ${t.reserved} >= 0`),
  ],
);

/**
 * Households whose suggestion list found no fitting shelter, once per household per local day, until
 * the day's rollup counts them into occupancy_days and deletes the rows. Holds no detail of the household.
 */
export const noFitSearches = sqliteTable(
  'no_fit_searches',
  {
    day: text('day').notNull(),
    arrivalId: text('arrival_id').notNull(),
    kind: text('kind', { enum: ['men', 'women', 'families'] }).notNull(),
    // The city whose queue the household was in: kept when erasure unties the search from the household.
    cityId: text('city_id').references(() => cities.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.day, t.arrivalId] })],
);

/**
 * Unmet demand per city and network day: the counts of occupancy_days' network rows for the households
 * whose queue is the city's (arrivals.city_id), so an admin of one city sees how many their city turned
 * away. Written by the rollup with the network rows, from migration 0011 on (the days rolled up before
 * it cannot be split: their households are erased). Counts only.
 */
export const unmetCityDays = sqliteTable(
  'unmet_city_days',
  {
    cityId: text('city_id')
      .notNull()
      .references(() => cities.id, { onDelete: 'cascade' }),
    day: text('day').notNull(),
    waitedMen: integer('waited_men').notNull().default(0),
    waitedWomen: integer('waited_women').notNull().default(0),
    waitedFamilies: integer('waited_families').notNull().default(0),
    noFitMen: integer('no_fit_men').notNull().default(0),
    noFitWomen: integer('no_fit_women').notNull().default(0),
    noFitFamilies: integer('no_fit_families').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.day] })],
);
