import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { cities, cityNames, type TextLocale } from '@/db/schema';

/** A city as staff and public pages show it: its name in the reader's language, falling back to English. */
export type CityView = {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  contact: { phone: string | null; telegram: string | null; whatsapp: string | null };
};

const FALLBACK: TextLocale[] = ['en', 'ru', 'tr', 'uk'];

export function listCities(db: Db, locale: string): CityView[] {
  const rows = db.select().from(cities).orderBy(asc(cities.createdAt)).all();
  const names = db.select().from(cityNames).all();
  const nameOf = (cityId: string) => {
    const own = names.filter((row) => row.cityId === cityId);
    return (
      (own.find((row) => row.locale === locale) ?? FALLBACK.map((l) => own.find((row) => row.locale === l)).find(Boolean))?.name ?? '—'
    );
  };
  return rows
    .map((city) => ({
      id: city.id,
      slug: city.slug,
      name: nameOf(city.id),
      timeZone: city.timeZone,
      contact: { phone: city.contactPhone, telegram: city.contactTelegram, whatsapp: city.contactWhatsapp },
    }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

export function cityBySlug(db: Db, slug: string) {
  return db.select().from(cities).where(eq(cities.slug, slug)).get() ?? null;
}

export function cityById(db: Db, id: string) {
  return db.select().from(cities).where(eq(cities.id, id)).get() ?? null;
}
