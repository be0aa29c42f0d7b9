import { sql } from 'drizzle-orm';
import { check, index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id } from './columns';
import { NEED_KINDS } from './enums';
import { shelters } from './shelters';

/**
 * What a shelter needs now (blankets, food, an interpreter), shown on the public list with its
 * kind and a short note until its last day, the shelter's local calendar day "YYYY-MM-DD" (included).
 * Public words only: the purge deletes a need once its last day is over.
 */
export const shelterNeeds = sqliteTable(
  'shelter_needs',
  {
    id: id(),
    shelterId: text('shelter_id')
      .notNull()
      .references(() => shelters.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: NEED_KINDS }).notNull(),
    note: text('note'),
    lastDay: text('last_day').notNull(),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    check('shelter_needs_kind', sql`${t.kind} in ('blankets', 'food', 'hygiene', 'clothes', 'interpreter', 'volunteers', 'other')`),
    index('shelter_needs_shelter').on(t.shelterId, t.lastDay),
    index('shelter_needs_last_day').on(t.lastDay),
  ],
);
