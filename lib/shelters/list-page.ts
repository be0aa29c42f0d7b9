import 'server-only';
import type { Db } from '@/db';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { preselectedCity } from '@/lib/cities/choice';
import { listCities } from '@/lib/cities/cities';
import { holdsCity } from '@/lib/cities/scope';
import { shelterList } from './list';

/**
 * The shelters page for its caller: one page of the shelters they may open (a host their own), each
 * with tonight's beds, and the form for a new one for those who may add one in a city they hold. With
 * more than one city in the network, each card says its city and the list runs city by city.
 */
export function shelterListPage(db: Db, user: StaffUser, page: number, now: Date, locale: string) {
  const cities = listCities(db, locale);
  const cityName = new Map(cities.map((city) => [city.id, city.name]));
  const byCity = cities.length > 1;
  const list = shelterList(db, user, now, { page, cityNames: byCity ? cityName : undefined });
  const ownCities = cities.filter((city) => holdsCity(user, city.id)).map(({ id, name }) => ({ id, name }));
  return {
    isHost: user.role === 'host',
    byCity,
    list: {
      ...list,
      rows: list.rows.map((shelter) => ({
        id: shelter.id,
        name: shelter.name,
        district: shelter.district,
        status: shelter.status,
        /** With several cities, the shelter's (null when it has none); with one, never shown. */
        cityName: byCity ? (cityName.get(shelter.cityId ?? '') ?? null) : null,
        counts: shelter.counts,
        lastConfirmedAt: shelter.lastConfirmedAt,
        timeZone: shelter.timeZone,
      })),
    },
    /** The new shelter's cities, for those who may add one; null for everyone else. */
    newShelter: can(user, 'shelter.create') ? { cities: ownCities, preselected: preselectedCity(ownCities, user) } : null,
  };
}

export type ShelterListPage = ReturnType<typeof shelterListPage>;
