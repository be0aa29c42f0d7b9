import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { arrivals } from '@/db/schema';
import { listCities } from './cities';

/**
 * Where a household is now and where it wants to go, by name in the reader's language; null when the
 * network has one city or none (there is nothing to say then).
 */
export function householdCityNames(db: Db, arrivalId: string, locale: string): { here: string | null; going: string | null } | null {
  const cities = listCities(db, locale);
  if (cities.length < 2) return null;
  const row = db
    .select({ cityId: arrivals.cityId, destinationCityId: arrivals.destinationCityId })
    .from(arrivals)
    .where(eq(arrivals.id, arrivalId))
    .get();
  if (!row) return null;
  const nameOf = (id: string | null) => (id ? (cities.find((city) => city.id === id)?.name ?? null) : null);
  return {
    here: nameOf(row.cityId),
    going: row.destinationCityId && row.destinationCityId !== row.cityId ? nameOf(row.destinationCityId) : null,
  };
}
