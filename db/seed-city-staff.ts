import { eq, isNull } from 'drizzle-orm';
import type { Db } from './index';
import { arrivals, cities, cityNames, shelters, staffCities, users } from './schema';

/** Demo staff who hold one city (issue 17): printed by `npm run demo` with the other logins. */
export const DEMO_CITY_LOGINS = [
  { email: 'guide.yerevan@waystation.test', name: 'Anahit (guide, Yerevan)', role: 'coordinator', city: 'yerevan' },
  { email: 'admin.istanbul@waystation.test', name: 'Kerem (admin, Istanbul)', role: 'admin', city: 'istanbul' },
] as const;

const CITIES = { istanbul: { name: 'Istanbul', timeZone: 'Europe/Istanbul' }, yerevan: { name: 'Yerevan', timeZone: 'Asia/Yerevan' } } as const;

/** The city with this slug, made if absent (the cities seed makes Yerevan and its shelters when it runs first). */
function demoCity(tx: Db, slug: keyof typeof CITIES, since: Date): string {
  const found = tx.select({ id: cities.id }).from(cities).where(eq(cities.slug, slug)).get();
  if (found) return found.id;
  const city = tx.insert(cities).values({ slug, timeZone: CITIES[slug].timeZone, createdAt: since }).returning({ id: cities.id }).get();
  tx.insert(cityNames).values({ cityId: city.id, locale: 'en', name: CITIES[slug].name }).run();
  return city.id;
}

/** In the seed's transaction: the two city logins, and the demo's city-less shelters and households in Istanbul (as db/backfill-cities.ts would). */
export function seedCityStaff(tx: Db, passwordHash: string, since: Date): void {
  const ids = { istanbul: demoCity(tx, 'istanbul', since), yerevan: demoCity(tx, 'yerevan', since) };
  tx.update(shelters).set({ cityId: ids.istanbul }).where(isNull(shelters.cityId)).run();
  tx.update(arrivals).set({ cityId: ids.istanbul }).where(isNull(arrivals.cityId)).run();
  for (const login of DEMO_CITY_LOGINS) {
    const user = tx.insert(users).values({ email: login.email, name: login.name, role: login.role, passwordHash, createdAt: since }).returning({ id: users.id }).get();
    tx.insert(staffCities).values({ userId: user.id, cityId: ids[login.city] }).run();
  }
}
