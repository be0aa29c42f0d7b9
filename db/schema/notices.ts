import { sql } from 'drizzle-orm';
import { check, index, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { cities } from './cities';
import { createdAt, id, timestamp } from './columns';
import { TEXT_LOCALES } from './enums';
import { shelters } from './shelters';

/**
 * A short notice to guests, shown at the top of every active arrival link of one shelter (posted by
 * its host) or of every shelter of one city (posted by an admin) until it ends: "Water is off until
 * 18:00". Exactly one of shelter_id and city_id is set.
 */
export const notices = sqliteTable(
  'notices',
  {
    id: id(),
    shelterId: text('shelter_id').references(() => shelters.id, { onDelete: 'cascade' }),
    cityId: text('city_id').references(() => cities.id, { onDelete: 'cascade' }),
    endsAt: timestamp('ends_at').notNull(),
    // Taken down before its end by its author or an admin.
    withdrawnAt: timestamp('withdrawn_at'),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    check('notices_one_place', sql`(${t.shelterId} is null) <> (${t.cityId} is null)`),
    index('notices_shelter').on(t.shelterId, t.endsAt),
    index('notices_city').on(t.cityId, t.endsAt),
  ],
);

export const noticeTexts = sqliteTable(
  'notice_texts',
  {
    noticeId: text('notice_id')
      .notNull()
      .references(() => notices.id, { onDelete: 'cascade' }),
    locale: text('locale', { enum: TEXT_LOCALES }).notNull(),
    text: text('text').notNull(),
  },
  (t) => [primaryKey({ columns: [t.noticeId, t.locale] })],
);
