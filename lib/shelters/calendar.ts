import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { statement } from '@/db/prepared';
import { bedNights, beds, rooms, stayBeds, stays } from '@/db/schema';
import { addNights, nightsFrom, type Night } from '@/lib/calendar/nights';
import { compareLabels } from '@/lib/labels';
import { closedNights, type ClosedNight } from '@/lib/nights/closures';
import { inLocale } from './room-names';

/** What one bed is on one night. A booking shows as its state only: no household in a cell. */
export const CELL_STATES = ['free', 'booked', 'occupied', 'out_of_service', 'closed'] as const;
export type CountedState = (typeof CELL_STATES)[number];
/** `none`: a surge bed (decision 0026) on a night it is not laid out; no bed that night, counted nowhere. */
export type CellState = CountedState | 'none';
export const CALENDAR_NIGHTS = 14;

export type CalendarBed = { id: string; label: string; outOfService: boolean; surge?: { firstNight: Night; lastNight: Night } | null };
export type CalendarRoomInput = { id: string; name: string; beds: CalendarBed[] };
export type BookedNight = { bedId: string; night: Night; status: 'reserved' | 'checked_in' };
export type CalendarInput = { nights: Night[]; rooms: CalendarRoomInput[]; booked: BookedNight[]; closed: ClosedNight[] };

export type CalendarRoom = { id: string; name: string; beds: { id: string; label: string; surge: boolean; cells: CellState[] }[] };
/** A night's counts of the rooms' own beds, and apart its surge beds laid out (`surge`) and of them free (`surgeFree`). */
export type NightSummary = {
  night: Night;
  counts: Record<CountedState, number>;
  freeByRoom: { roomId: string; roomName: string; labels: string[] }[];
  surge: number;
  surgeFree: number;
};
export type Calendar = { nights: Night[]; rooms: CalendarRoom[]; perNight: NightSummary[] };

const zeroCounts = (): Record<CountedState, number> => ({ free: 0, booked: 0, occupied: 0, out_of_service: 0, closed: 0 });

/**
 * Beds by nights. A booking wins over everything (a host must see a guest even on a night closed
 * since), then a closure of the room or the whole shelter, then the bed being out of service.
 */
export function buildCalendar(input: CalendarInput): Calendar {
  const booked = new Map(input.booked.map((row) => [`${row.bedId} ${row.night}`, row.status] as const));
  const closed = new Set(input.closed.map((row) => `${row.roomId ?? '*'} ${row.night}`));
  const cellOf = (room: CalendarRoomInput, bed: CalendarBed, night: Night): CellState => {
    const status = booked.get(`${bed.id} ${night}`);
    if (status) return status === 'checked_in' ? 'occupied' : 'booked';
    if (bed.surge && (night < bed.surge.firstNight || night > bed.surge.lastNight)) return 'none';
    if (closed.has(`* ${night}`) || closed.has(`${room.id} ${night}`)) return 'closed';
    return bed.outOfService ? 'out_of_service' : 'free';
  };
  const rooms = input.rooms.map((room) => ({
    id: room.id,
    name: room.name,
    // The room's own beds, then its surge beds.
    beds: [...room.beds]
      .sort((a, b) => Number(!!a.surge) - Number(!!b.surge) || compareLabels(a.label, b.label))
      .map((bed) => ({ id: bed.id, label: bed.label, surge: !!bed.surge, cells: input.nights.map((night) => cellOf(room, bed, night)) })),
  }));
  const perNight = input.nights.map((night, i) => {
    const counts = zeroCounts();
    const freeByRoom: NightSummary['freeByRoom'] = [];
    let surge = 0;
    let surgeFree = 0;
    for (const room of rooms) {
      const labels = room.beds.filter((bed) => !bed.surge && bed.cells[i] === 'free').map((bed) => bed.label);
      for (const bed of room.beds) {
        const cell = bed.cells[i];
        if (cell === 'none') continue;
        if (!bed.surge) counts[cell] += 1;
        else {
          surge += 1;
          if (cell === 'free') surgeFree += 1;
        }
      }
      if (labels.length > 0) freeByRoom.push({ roomId: room.id, roomName: room.name, labels });
    }
    return { night, counts, freeByRoom, surge, surgeFree };
  });
  return { nights: input.nights, rooms, perNight };
}

type BedRow = {
  roomId: string;
  roomName: string;
  bedId: string | null;
  label: string | null;
  outOfService: number | null;
  surgeFirstNight: Night | null;
  surgeLastNight: Night | null;
};

// Three reads whatever the size of the shelter: its beds, the bed-nights of the window with their
// stay's status, and the closures that overlap it.
const shelterBeds = statement(
  () => sql`
  select ${rooms.id} as roomId, ${rooms.name} as roomName, ${beds.id} as bedId, ${beds.label},
         ${beds.outOfServiceReason} is not null as outOfService,
         ${beds.surgeFirstNight} as surgeFirstNight, ${beds.surgeLastNight} as surgeLastNight
    from ${rooms} left join ${beds} on ${beds.roomId} = ${rooms.id}
   where ${rooms.shelterId} = ? order by ${rooms.createdAt}, ${rooms}.rowid`,
);
// A guest still checked in past their departure holds no night in the ledger, yet sleeps in the bed:
// tonight, their bed shows occupied.
const bookedInWindow = statement(
  () => sql`
  select ${bedNights.bedId} as bedId, ${bedNights.night}, ${stays.status}
    from ${rooms} join ${beds} on ${beds.roomId} = ${rooms.id}
    join ${bedNights} on ${bedNights.bedId} = ${beds.id} and ${bedNights.night} >= @first and ${bedNights.night} < @end
    join ${stays} on ${stays.id} = ${bedNights.stayId} and ${stays.status} in ('reserved', 'checked_in')
   where ${rooms.shelterId} = @shelterId
  union all
  select ${stayBeds.bedId}, @first, ${stays.status}
    from ${stays} join ${stayBeds} on ${stayBeds.stayId} = ${stays.id} and ${stayBeds.releasedAt} is null
   where ${stays.shelterId} = @shelterId and ${stays.status} = 'checked_in' and ${stays.departure} <= @first`,
);

/** The shelter's next `count` nights from `firstNight` (its tonight), rooms named in `locale`. */
export function loadCalendar(db: Db, shelterId: string, firstNight: Night, locale?: string, count = CALENDAR_NIGHTS): Calendar {
  const range = { firstNight, departure: addNights(firstNight, count) };
  const rooms = new Map<string, CalendarRoomInput>();
  for (const row of shelterBeds(db).all(shelterId) as BedRow[]) {
    const room = rooms.get(row.roomId) ?? { id: row.roomId, name: row.roomName, beds: [] };
    rooms.set(row.roomId, room);
    if (!row.bedId) continue;
    // A surge bed whose nights are all before or after the window has no row to show.
    if (row.surgeFirstNight && (row.surgeLastNight! < firstNight || row.surgeFirstNight >= range.departure)) continue;
    room.beds.push({
      id: row.bedId,
      label: row.label!,
      outOfService: Boolean(row.outOfService),
      surge: row.surgeFirstNight ? { firstNight: row.surgeFirstNight, lastNight: row.surgeLastNight! } : null,
    });
  }
  const booked = bookedInWindow(db).all({ shelterId, first: range.firstNight, end: range.departure }) as BookedNight[];
  return buildCalendar({
    nights: nightsFrom(firstNight, count),
    rooms: locale ? inLocale(db, [...rooms.values()], locale) : [...rooms.values()],
    booked,
    closed: closedNights(db, shelterId, range),
  });
}
