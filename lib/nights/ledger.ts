import { and, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { prepared, statement } from '@/db/prepared';
import { bedNights } from '@/db/schema';
import { nightsOf, type Night, type NightRange } from '@/lib/calendar/nights';
import { DomainError } from '@/lib/errors';
import { isGuestInBedRefusal } from './overdue';
import { isSurgeNightRefusal } from './surge-nights';

const insertNight = (db: Db) =>
  db
    .insert(bedNights)
    .values({ bedId: sql.placeholder('bedId'), night: sql.placeholder('night'), stayId: sql.placeholder('stayId') })
    .prepare();

// The first night on which any of the chosen beds is already booked by another stay, if any.
const firstTaken = statement(
  () => sql`
  select min(${bedNights.night}) as night from ${bedNights}
   where ${bedNights.bedId} in (select value from json_each(?))
     and ${bedNights.night} >= ? and ${bedNights.night} < ? and ${bedNights.stayId} <> ?`,
);

/**
 * Books the beds for every night of the range. The primary key (bed_id, night) is invariant 1: if
 * another stay holds any of these bed-nights, SQLite refuses the row and the caller sees "those beds
 * were just taken", whatever any check before concluded; a bed a checked-in guest still holds past
 * their departure is refused by migration 0012's trigger the same way.
 */
export function bookNights(db: Db, stayId: string, bedIds: string[], range: NightRange): void {
  const insert = prepared(db, insertNight);
  const nights = nightsOf(range);
  try {
    for (const bedId of new Set(bedIds)) for (const night of nights) insert.run({ bedId, night, stayId });
  } catch (error) {
    const code = (error as { code?: string })?.code;
    if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') throw new DomainError('bedsTaken');
    if (isGuestInBedRefusal(error)) throw new DomainError('guestStillInBed', 'bedIds');
    // A surge bed asked for on a night it is not laid out (one more night past its last, say).
    if (isSurgeNightRefusal(error)) throw new DomainError('surgeBedNotThatNight', 'bedIds');
    throw error;
  }
}

/** Gives up the stay's nights, all of them or from `fromNight` on: those beds are free again on those nights. */
export function releaseNights(db: Db, stayId: string, fromNight?: Night): void {
  db.delete(bedNights)
    .where(fromNight ? and(eq(bedNights.stayId, stayId), gte(bedNights.night, fromNight)) : eq(bedNights.stayId, stayId))
    .run();
}

/** The first night of the range on which another stay than `exceptStayId` holds one of these beds. */
export function firstTakenNight(db: Db, bedIds: string[], range: NightRange, exceptStayId = ''): Night | null {
  const night = firstTaken(db)
    .pluck()
    .get(JSON.stringify([...new Set(bedIds)]), range.firstNight, range.departure, exceptStayId);
  return (night as Night | null | undefined) ?? null;
}
