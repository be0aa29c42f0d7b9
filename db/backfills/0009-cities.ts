import { count, desc, eq, isNull } from 'drizzle-orm';
import { write, type Db } from '../index';
import { arrivals, cities, cityNames, networkSettings, shelters } from '../schema';

// Frozen with migration 0009: this file imports nothing from lib/, so a later change to city
// addresses cannot change what upgrading an old database does (decision 0015).

/** The address word of the default city's name: "Istanbul" -> "istanbul" (as lib/cities/slug.ts did then). */
function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ı/g, 'i')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'city';
}

/** The name the default city gets when shelters from before cities are given one (docs/operations.md, "Upgrades"). */
export const defaultCityName = () => process.env.WAYSTATION_DEFAULT_CITY?.trim() || 'Istanbul';

/**
 * Gives shelters and households from before migration 0009 a city, once: the oldest city if one
 * exists, else a new one named by WAYSTATION_DEFAULT_CITY (default "Istanbul"), in the time zone most
 * of those shelters use, with the network's public contact. Returns how many shelters it moved.
 */
export function backfillCities(db: Db, now: Date): number {
  const orphans = db.select({ n: count() }).from(shelters).where(isNull(shelters.cityId)).get()?.n ?? 0;
  if (orphans === 0) return 0;
  return write(db, (tx) => {
    const existing = tx.select({ id: cities.id }).from(cities).orderBy(cities.createdAt).limit(1).get();
    const cityId = existing?.id ?? createDefaultCity(tx, now);
    const moved = tx.update(shelters).set({ cityId }).where(isNull(shelters.cityId)).run().changes;
    tx.update(arrivals).set({ cityId }).where(isNull(arrivals.cityId)).run();
    return moved;
  });
}

function createDefaultCity(db: Db, now: Date): string {
  const zone =
    db
      .select({ timeZone: shelters.timeZone, n: count() })
      .from(shelters)
      .where(isNull(shelters.cityId))
      .groupBy(shelters.timeZone)
      .orderBy(desc(count()))
      .limit(1)
      .get()?.timeZone ?? 'Europe/Istanbul';
  const contact = db.select().from(networkSettings).where(eq(networkSettings.id, 1)).get();
  const name = defaultCityName();
  const city = db
    .insert(cities)
    .values({
      slug: slugOf(name),
      timeZone: zone,
      contactPhone: contact?.contactPhone ?? null,
      contactTelegram: contact?.contactTelegram ?? null,
      contactWhatsapp: contact?.contactWhatsapp ?? null,
      createdAt: now,
    })
    .returning({ id: cities.id })
    .get();
  db.insert(cityNames).values({ cityId: city.id, locale: 'en', name }).run();
  return city.id;
}
