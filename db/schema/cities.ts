import { sql } from 'drizzle-orm';
import { check, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id } from './columns';
import { TEXT_LOCALES } from './enums';

/**
 * A city of the network (Istanbul, Yerevan, Tbilisi): its shelters, its queue and its staff. Every
 * shelter belongs to one; a shelter's time zone defaults to its city's. The public page shows the
 * city's own contact channels.
 */
export const cities = sqliteTable('cities', {
  id: id(),
  // In public addresses: /shelters?city=yerevan. Lower-case letters, digits and hyphens.
  slug: text('slug').notNull().unique(),
  timeZone: text('time_zone').notNull(),
  contactPhone: text('contact_phone'),
  contactTelegram: text('contact_telegram'),
  contactWhatsapp: text('contact_whatsapp'),
  createdAt: createdAt(),
});

/** A city's name in each language (staff's en/ru/tr and the arrivals' uk); English is required. */
export const cityNames = sqliteTable(
  'city_names',
  {
    cityId: text('city_id')
      .notNull()
      .references(() => cities.id, { onDelete: 'cascade' }),
    locale: text('locale', { enum: TEXT_LOCALES }).notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cityId, t.locale] }), check('city_names_locale', sql`${t.locale} in ('ru', 'en', 'tr', 'uk')`)],
);

export const cityIsSlug = (value: string) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) && value.length <= 40;
export type CityRow = typeof cities.$inferSelect;
