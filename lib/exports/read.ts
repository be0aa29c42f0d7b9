import { inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { shelters } from '@/db/schema';
import { publicList } from '@/lib/cities/public';
import type { FeedShelter } from './hsds';

/**
 * The shelters /shelters lists, the same read (lib/cities/public.ts), each with what the open data adds:
 * its city (English name, slug and public contact, the network's when the city has none), its
 * check-in hours and when its profile last changed. Never its own address or contacts.
 */
export function feedShelters(db: Db, now: Date): FeedShelter[] {
  const { groups } = publicList(db, 'en', now);
  const listed = groups.flatMap((group) => group.shelters.map((shelter) => ({ shelter, group })));
  if (listed.length === 0) return [];
  const details = new Map(
    db
      .select({
        id: shelters.id,
        checkInFrom: shelters.checkInFrom,
        checkInUntil: shelters.checkInUntil,
        timeZone: shelters.timeZone,
        createdAt: shelters.createdAt,
        updatedAt: shelters.updatedAt,
      })
      .from(shelters)
      .where(
        inArray(
          shelters.id,
          listed.map(({ shelter }) => shelter.id),
        ),
      )
      .all()
      .map((row) => [row.id, row]),
  );
  return listed
    .map(({ shelter, group }) => {
      const own = details.get(shelter.id)!;
      return {
        ...shelter,
        city: group.name,
        citySlug: group.slug,
        contact: group.contact,
        checkIn: { from: own.checkInFrom, until: own.checkInUntil, timeZone: own.timeZone },
        modifiedAt: [own.updatedAt ?? own.createdAt, shelter.lastConfirmedAt].reduce<Date>(
          (latest, at) => (at && at > latest ? at : latest),
          own.createdAt,
        ),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}
