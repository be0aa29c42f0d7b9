import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { statement } from '@/db/prepared';
import { shelterClosures } from '@/db/schema';
import { nightsOf, type Night, type NightRange } from '@/lib/calendar/nights';

export type ClosedNight = { roomId: string | null; night: Night };

const overlapping = statement(
  () => sql`
  select ${shelterClosures.roomId} as roomId, ${shelterClosures.firstNight} as firstNight, ${shelterClosures.lastNight} as lastNight
    from ${shelterClosures}
   where ${shelterClosures.shelterId} = ? and ${shelterClosures.lastNight} >= ? and ${shelterClosures.firstNight} < ?`,
);

/**
 * The nights of `range` on which the shelter (roomId null) or one of its rooms is closed: one entry
 * per closure per night. Those bed-nights are not offered and cannot be booked.
 */
export function closedNights(db: Db, shelterId: string, range: NightRange): ClosedNight[] {
  const closed: ClosedNight[] = [];
  const closures = overlapping(db).all(shelterId, range.firstNight, range.departure) as {
    roomId: string | null;
    firstNight: string;
    lastNight: string;
  }[];
  for (const closure of closures) {
    for (const night of nightsOf(range)) {
      if (night >= closure.firstNight && night <= closure.lastNight) closed.push({ roomId: closure.roomId, night });
    }
  }
  return closed;
}

/** The first night of the range on which any of these rooms (or the whole shelter) is closed. */
export function firstClosedNight(db: Db, shelterId: string, roomIds: string[], range: NightRange): Night | null {
  const hits = closedNights(db, shelterId, range).filter((c) => c.roomId === null || roomIds.includes(c.roomId));
  return hits.length === 0 ? null : hits.map((c) => c.night).sort()[0];
}
