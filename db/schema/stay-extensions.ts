import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { id, timestamp } from './columns';
import { stays } from './stays';

/**
 * A host's "one more night" for the minute it can be undone (lib/placement/one-more-night.ts): the
 * departure it replaced, the bed-nights it booked ([{ bedId, night }] as JSON) and the stay's state
 * right after, which an undo compares with the stay's state then.
 */
export const stayExtensions = sqliteTable(
  'stay_extensions',
  {
    id: id(),
    stayId: text('stay_id')
      .notNull()
      .references(() => stays.id, { onDelete: 'cascade' }),
    addedBy: text('added_by').notNull(),
    addedAt: timestamp('added_at').notNull(),
    departureBefore: text('departure_before').notNull(),
    departureAfter: text('departure_after').notNull(),
    nightsAdded: text('nights_added', { mode: 'json' }).$type<{ bedId: string; night: string }[]>().notNull(),
    stateAfter: text('state_after').notNull(),
  },
  (t) => [index('stay_extensions_stay').on(t.stayId, t.addedAt)],
);
