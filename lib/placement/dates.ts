import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { statement } from '@/db/prepared';
import { beds, shelters, stayBeds, stays } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff';
import { tonightIn, type NightRange } from '@/lib/calendar/nights';
import { DomainError } from '@/lib/errors';
import { firstClosedNight } from '@/lib/nights/closures';
import { holdUntilFor } from '@/lib/nights/door';
import { bookNights, firstTakenNight, releaseNights } from '@/lib/nights/ledger';
import { refuseBedsWithGuest } from '@/lib/nights/overdue';
import { checkNights } from '@/lib/nights/stay-dates';
import { expireHolds } from './expiry';
import { isActiveStay } from './reserve';
import { audit, stayFor } from './stays';

type Stay = typeof stays.$inferSelect;

const roomsHeld = statement(
  () => sql`
  select distinct ${beds.roomId} as roomId from ${stayBeds} join ${beds} on ${beds.id} = ${stayBeds.bedId}
   where ${stayBeds.stayId} = ? and ${stayBeds.releasedAt} is null`,
);

/**
 * Extends or shortens a stay (and, before it starts, moves its first night) on the beds it holds. An
 * extension onto nights another stay has booked is refused with the first such night, so the page can
 * offer other beds in the shelter or a move; shortening frees the nights given up at once. The same
 * rule as every other action decides who may do it (a guide, or the shelter's host).
 */
export function changeStayDates(
  db: Db,
  user: StaffUser,
  input: { stayId: string; departure: string; firstNight?: string | null },
  now: Date,
): Stay {
  expireHolds(db, now);
  const stay = stayFor(db, user, input.stayId, 'stay.change');
  if (!isActiveStay(stay)) throw new DomainError('stayNotActive');
  const shelter = db.select().from(shelters).where(eq(shelters.id, stay.shelterId)).get()!;
  const tonight = tonightIn(shelter.timeZone, now);
  const movesFirstNight = stay.status === 'reserved' && !!input.firstNight && input.firstNight !== stay.firstNight;
  const wanted: NightRange = { firstNight: movesFirstNight ? input.firstNight! : stay.firstNight!, departure: input.departure };
  const range = checkNights(shelter, wanted, now, { keepFirstNight: stay.firstNight! });
  if (range.departure < tonight) throw new DomainError('departurePast', 'departure');
  if (range.firstNight === stay.firstNight && range.departure === stay.departure) throw new DomainError('sameDates', 'departure');

  const bedIds = db
    .select({ bedId: stayBeds.bedId })
    .from(stayBeds)
    .where(and(eq(stayBeds.stayId, stay.id), isNull(stayBeds.releasedAt)))
    .all()
    .map((row) => row.bedId);
  // Only the nights still ahead can collide with another stay.
  const ahead: NightRange = { firstNight: range.firstNight > tonight ? range.firstNight : tonight, departure: range.departure };
  if (ahead.departure > ahead.firstNight) {
    const taken = firstTakenNight(db, bedIds, ahead, stay.id);
    if (taken) throw new DomainError('datesTaken', 'departure', { night: taken });
    refuseBedsWithGuest(db, bedIds, ahead, stay.id, 'departure');
    const roomIds = (roomsHeld(db).all(stay.id) as { roomId: string }[]).map((row) => row.roomId);
    const closed = firstClosedNight(db, shelter.id, roomIds, ahead);
    if (closed) throw new DomainError('closedOn', 'departure', { night: closed });
  }
  // Nights already slept stay on the ledger; every night from tonight is booked afresh.
  releaseNights(db, stay.id, tonight);
  if (ahead.departure > ahead.firstNight) bookNights(db, stay.id, bedIds, ahead);
  const changed = db
    .update(stays)
    .set({
      firstNight: range.firstNight,
      departure: range.departure,
      ...(movesFirstNight ? { holdUntil: holdUntilFor(shelter, range.firstNight) } : {}),
    })
    .where(eq(stays.id, stay.id))
    .returning()
    .get();
  audit(db, user, 'stay.dates', changed, now);
  return changed;
}
