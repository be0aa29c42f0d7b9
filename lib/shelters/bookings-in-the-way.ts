import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { statement } from '@/db/prepared';
import { arrivals, bedNights, beds, rooms, stays } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff';
import type { Night } from '@/lib/calendar/nights';
import { householdPageOpens, shareOf } from '@/lib/privacy/shares';

/** The first booking in a closure's way, as the caller may see it, and how many there are in all. */
export type BookingInTheWay = {
  count: number;
  /** The household's alias, or null when the caller is not shown it (an admin, until they ask). */
  name: string | null;
  firstNight: Night;
  departure: Night;
  /** Its booked beds inside what would close: "Dorm 2, Dorm 3". */
  beds: string;
  /** The household's page, where its stay is moved or its dates changed; null if the caller may not open it. */
  moveHref: string | null;
};

type Where = { shelterId: string; roomId: string | null; firstNight: Night; lastNight: Night };

const IN_THE_WAY = sql`
  from ${bedNights}
  join ${beds} on ${beds.id} = ${bedNights.bedId}
  join ${rooms} on ${rooms.id} = ${beds.roomId}
  join ${stays} on ${stays.id} = ${bedNights.stayId}
 where ${rooms.shelterId} = @shelterId and (@roomId is null or ${rooms.id} = @roomId)
   and ${bedNights.night} between @firstNight and @lastNight
   and ${stays.status} in ('reserved', 'checked_in')`;
const staysInTheWay = statement(
  () => sql`
  select ${bedNights.stayId} as stayId ${IN_THE_WAY}
   group by ${bedNights.stayId} order by min(${bedNights.night}), ${stays.firstNight}, ${stays.id}`,
);
const bedsInTheWay = statement(
  () => sql`
  select distinct ${rooms.name} || ' ' || ${beds.label} as bed ${IN_THE_WAY}
     and ${bedNights.stayId} = @stayId order by ${rooms.name}, ${beds.label}`,
);

/**
 * The live stays (reserved or checked in) holding a bed of the shelter, or of one of its rooms, on
 * any of the nights first..last: a closure over them would strand people already promised a bed, so
 * the refusal names the soonest and links to the page where it is moved.
 */
export function bookingsInTheWay(db: Db, user: StaffUser, where: Where): BookingInTheWay | null {
  const found = staysInTheWay(db).all(where) as { stayId: string }[];
  if (found.length === 0) return null;
  const stayId = found[0].stayId;
  const beds = bedsInTheWay(db)
    .pluck()
    .all({ ...where, stayId }) as string[];
  const { stay, arrival } = db
    .select({ stay: stays, arrival: arrivals })
    .from(stays)
    .innerJoin(arrivals, eq(arrivals.id, stays.arrivalId))
    .where(eq(stays.id, stayId))
    .get()!;
  return {
    count: found.length,
    name: shareOf(user, arrival, stay, false).identity ? arrival.alias : null,
    firstNight: stay.firstNight!,
    departure: stay.departure!,
    beds: beds.join(', '),
    // A host cannot open a household's page (a guide or an admin moves a booking), as on the bed board.
    moveHref: householdPageOpens(user, arrival, stay) ? `/arrivals/${arrival.id}` : null,
  };
}
