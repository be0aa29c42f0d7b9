import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { statement } from '@/db/prepared';
import { shelters } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff';
import { NETWORK_TIME_ZONE } from '@/lib/calendar/zones';
import { listCities, type CityView } from '@/lib/cities/cities';
import { cityScopeOf, holdsCity } from '@/lib/cities/scope';

/**
 * Which cities' figures a page shows: one city picked from the query string (?city=<id or slug>),
 * else every city the caller holds. `cityIds` null means the whole network, which only all-city
 * callers ever get; an unknown city, or one the caller does not hold, is named and never shown.
 */
export type OccupancyArea = {
  cities: CityView[];
  city: CityView | null;
  cityIds: string[] | null;
  unknownCity: boolean;
  /** Whether the caller holds every city (and so may see the network's own figures). */
  allCities: boolean;
  /** The clock the page's times are told in: the one city's when only one is shown, else the network's. */
  timeZone: string;
};

export function occupancyArea(db: Db, user: StaffUser, requested: string | undefined, locale: string): OccupancyArea {
  const cities = listCities(db, locale).filter((city) => holdsCity(user, city.id));
  const wanted = requested?.trim();
  const city = wanted ? (cities.find((c) => c.id === wanted || c.slug === wanted.toLowerCase()) ?? null) : null;
  const scope = cityScopeOf(user);
  const cityIds = city ? [city.id] : scope === 'all' ? null : [...scope];
  const onlyCity = cityIds?.length === 1 ? cities.find((c) => c.id === cityIds[0]) : undefined;
  return {
    cities,
    city,
    cityIds,
    unknownCity: !!wanted && !city,
    allCities: scope === 'all',
    timeZone: onlyCity?.timeZone ?? NETWORK_TIME_ZONE,
  };
}

const sheltersOfCities = statement(
  () => sql`select ${shelters.id} from ${shelters} where ${shelters.cityId} in (select value from json_each(@cities))`,
);

/** The ids of the shelters in those cities (null: every shelter). */
export function sheltersIn(db: Db, cityIds: string[] | null): string[] | null {
  if (!cityIds) return null;
  return sheltersOfCities(db)
    .pluck()
    .all({ cities: JSON.stringify(cityIds) }) as string[];
}
