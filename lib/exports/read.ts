import { inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { shelters } from '@/db/schema';
import { listCities } from '@/lib/cities/cities';
import { publicShelters } from '@/lib/requests/public-list';
import type { FeedShelter } from './hsds';

/** The shelters /shelters lists, the same read, each with its city's English name. */
export function feedShelters(db: Db, now: Date): FeedShelter[] {
  const listed = publicShelters(db, now);
  if (listed.length === 0) return [];
  const cityNames = new Map(listCities(db, 'en').map((city) => [city.id, city.name]));
  const cityOf = new Map(
    db
      .select({ id: shelters.id, cityId: shelters.cityId })
      .from(shelters)
      .where(inArray(shelters.id, listed.map((shelter) => shelter.id)))
      .all()
      .map((row) => [row.id, row.cityId ? (cityNames.get(row.cityId) ?? null) : null]),
  );
  return listed.map((shelter) => ({ ...shelter, city: cityOf.get(shelter.id) ?? null }));
}
