import 'server-only';
import type { Db } from '@/db';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { listCities } from '@/lib/cities/cities';
import { cityScopeOf } from '@/lib/cities/scope';
import { queueCities } from '@/lib/households/filters';
import { firstRanges, offersInQueue } from './queue';
import type { OffersQuery } from './queue-query';

/**
 * The vetting queue for its caller, or null for whoever has none (hosts): the offers of the cities
 * they hold, one page of them after the filters and the search. Each line carries what vetting
 * needs (the contact to call), never the offer's link.
 */
export function offersQueuePage(db: Db, user: StaffUser, asked: OffersQuery, locale: string) {
  if (!can(user, 'offer.list')) return null;
  const allCities = listCities(db, locale);
  const cities = queueCities(user, allCities, asked.city);
  const query = { ...asked, city: cities.chosen?.slug ?? null };
  const found = offersInQueue(db, cityScopeOf(user), cities.chosen?.id ?? null, query);
  const ranges = firstRanges(
    db,
    found.rows.map((row) => row.id),
  );
  const cityName = new Map(allCities.map((city) => [city.id, city.name]));
  return {
    query: { ...query, page: found.page },
    cities: { choices: cities.choices, ignored: cities.ignored },
    total: found.total,
    pages: found.pages,
    offers: found.rows.map((row) => ({
      id: row.id,
      reference: row.reference,
      city: cityName.get(row.cityId) ?? '—',
      kind: row.kind,
      capacity: row.capacity,
      guests: row.guests,
      status: row.status,
      contact: row.erasedAt ? null : row.contact,
      erased: row.erasedAt !== null,
      createdAt: row.createdAt,
      dates: ranges.get(row.id) ?? null,
    })),
  };
}

export type OffersQueueView = NonNullable<ReturnType<typeof offersQueuePage>>;
