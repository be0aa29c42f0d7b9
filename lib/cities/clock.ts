import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { cities, cityNames } from '@/db/schema';
import { NETWORK_TIME_ZONE } from '@/lib/calendar/zones';

/**
 * The zone a city's times are typed, shown and counted in. Something with no city (a network that has
 * not named one yet) keeps the network's.
 */
export function cityTimeZone(db: Db, cityId: string | null | undefined): string {
  if (!cityId) return NETWORK_TIME_ZONE;
  return db.select({ timeZone: cities.timeZone }).from(cities).where(eq(cities.id, cityId)).get()?.timeZone ?? NETWORK_TIME_ZONE;
}

/** Each city's zone by id, read once, for a list of households of many cities; the network's for none. */
export function cityTimeZones(db: Db): (cityId: string | null) => string {
  const zones = new Map(
    db
      .select({ id: cities.id, timeZone: cities.timeZone })
      .from(cities)
      .all()
      .map((city) => [city.id, city.timeZone]),
  );
  return (cityId) => (cityId ? zones.get(cityId) : undefined) ?? NETWORK_TIME_ZONE;
}

/** A city's clock as a public page names it: its zone, and its name in each language it has one in. */
export type CityClock = { timeZone: string; names: Partial<Record<string, string>> };

export function cityClock(db: Db, cityId: string | null | undefined): CityClock {
  const names = cityId
    ? db.select({ locale: cityNames.locale, name: cityNames.name }).from(cityNames).where(eq(cityNames.cityId, cityId)).all()
    : [];
  return { timeZone: cityTimeZone(db, cityId), names: Object.fromEntries(names.map((row) => [row.locale, row.name])) };
}

/** The city's name in `locale`, else in English; none for a household with no city. */
export const clockCityName = (clock: CityClock, locale: string): string | null => clock.names[locale] ?? clock.names.en ?? null;
