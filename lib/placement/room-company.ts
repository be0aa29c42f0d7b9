import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { statement } from '@/db/prepared';
import { arrivals, beds, stayBeds, stays } from '@/db/schema';
import { tonightIn, type NightRange } from '@/lib/calendar/nights';
import { NETWORK_TIME_ZONE } from '@/lib/calendar/zones';
import type { ShelterAvailability } from '@/lib/matching/types';

type Holding = { roomId: string; beds: number; men: number; status: string; firstNight: string | null; departure: string | null };

// The active stays of households with a man that hold beds in these rooms, each with how many of
// its beds lie in the room. Counts only: nobody's alias or contact is read.
const menHolding = statement(
  () => sql`
  select ${beds.roomId} as roomId, count(*) as beds, ${arrivals.adultMen} as men, ${stays.status}, ${stays.firstNight} as firstNight, ${stays.departure}
    from ${stayBeds}
    join ${beds} on ${beds.id} = ${stayBeds.bedId}
    join ${stays} on ${stays.id} = ${stayBeds.stayId}
    join ${arrivals} on ${arrivals.id} = ${stays.arrivalId}
   where ${stayBeds.releasedAt} is null and ${beds.roomId} in (select value from json_each(@rooms))
     and ${stays.status} in ('reserved', 'checked_in') and ${arrivals.adultMen} > 0 and ${stays.id} <> @except
   group by ${beds.roomId}, ${stays.id}`,
);

/**
 * The network with each mixed room's `menBooked`: the men booked in it on any of the nights asked
 * for, or staying in it past their departure (in the bed until checked out). Which bed of a
 * household's sleeps a man is not recorded, so a household counts as many men as it has, up to the
 * beds it holds in the room: the line errs towards warning. `exceptStayId`: the stay being moved.
 */
export function withMenBooked(
  db: Db,
  network: ShelterAvailability[],
  nights: NightRange,
  now: Date,
  exceptStayId?: string | null,
): ShelterAvailability[] {
  const zoneOf = new Map<string, string>();
  for (const shelter of network)
    for (const room of shelter.rooms) if (room.kind === 'mixed') zoneOf.set(room.id, shelter.door?.timeZone ?? NETWORK_TIME_ZONE);
  if (zoneOf.size === 0) return network;
  const holdings = menHolding(db).all({ rooms: JSON.stringify([...zoneOf.keys()]), except: exceptStayId ?? '' }) as Holding[];
  const men = new Map<string, number>();
  for (const held of holdings) {
    const onThoseNights = (held.firstNight ?? '') < nights.departure && (held.departure ?? '9999-12-31') > nights.firstNight;
    const overdue = held.status === 'checked_in' && held.departure !== null && held.departure <= tonightIn(zoneOf.get(held.roomId)!, now);
    if (onThoseNights || overdue) men.set(held.roomId, (men.get(held.roomId) ?? 0) + Math.min(held.men, held.beds));
  }
  return network.map((shelter) => ({
    ...shelter,
    rooms: shelter.rooms.map((room) => (room.kind === 'mixed' ? { ...room, menBooked: men.get(room.id) ?? 0 } : room)),
  }));
}
