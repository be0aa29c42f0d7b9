import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { timestamp } from './columns';
import { shelters } from './shelters';
import { stays } from './stays';
import { users } from './users';

export const STAY_WORDS = ['yes', 'no', 'wrong'] as const;
export type StayWordAnswer = (typeof STAY_WORDS)[number];

/**
 * The guest's word after a stay, from their own link (issue 30, point 5): would they stay there again
 * (yes, no, or something was wrong) and an optional note. One per stay, given once; staff-only, never
 * the host's; deleted when the household is erased (lib/privacy/erase.ts). Nothing else about the guest.
 * shelter_id is the stay's, kept here so a city's answers are read without the stays table.
 */
export const stayWords = sqliteTable(
  'stay_words',
  {
    stayId: text('stay_id')
      .primaryKey()
      .references(() => stays.id, { onDelete: 'cascade' }),
    shelterId: text('shelter_id')
      .notNull()
      .references(() => shelters.id, { onDelete: 'cascade' }),
    answer: text('answer', { enum: STAY_WORDS }).notNull(),
    // What the guest typed, as text; null when they wrote nothing.
    note: text('note'),
    answeredAt: timestamp('answered_at').notNull(),
    // Set when "something was wrong" paused the home (a private home only).
    pausedHome: integer('paused_home', { mode: 'boolean' }).notNull().default(false),
    // A staff member of the city has looked at it: who and when.
    lookedAt: timestamp('looked_at'),
    lookedBy: text('looked_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    check('stay_words_answer', sql`${t.answer} in ('yes', 'no', 'wrong')`),
    check('stay_words_note', sql`${t.note} is null or length(${t.note}) <= 1000`),
    // The header's count: "something was wrong" that nobody has looked at yet.
    index('stay_words_waiting').on(t.answer, t.lookedAt),
    index('stay_words_shelter').on(t.shelterId, t.answeredAt),
  ],
);
