import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { statement } from '@/db/prepared';
import { bedLayout as bedLayoutStamp, beds, rooms as roomsTable } from '@/db/schema';
import type { RoomKind } from '@/db/schema/enums';
import { Stamped } from '@/lib/cache';
import type { FreeBed } from '@/lib/matching/types';

/** A surge bed in service (decision 0026): there only on the nights first..last, both included. */
export type SurgeBed = FreeBed & { surge: true; firstNight: string; lastNight: string };

/**
 * A room as built: its in-service beds in the order they were added, and apart from them its surge
 * beds in service, whatever their nights (frozen: shared between readers).
 */
export type LayoutRoom = {
  shelterId: string;
  id: string;
  name: string;
  kind: RoomKind;
  accessible: boolean;
  inServiceBeds: readonly FreeBed[];
  surgeBeds: readonly SurgeBed[];
};

/** Every shelter's rooms and beds: what changes when a host edits rooms, not when guests come and go. */
export type BedLayout = {
  /** In the order the rooms were added. */
  rooms: readonly LayoutRoom[];
  roomById: ReadonlyMap<string, LayoutRoom>;
  /** Every bed's room, in service or not. */
  roomOfBed: ReadonlyMap<string, LayoutRoom>;
  /** Beds out of service now. */
  outOfService: ReadonlySet<string>;
  /** Every surge bed's nights, in service or not. */
  surgeNights: ReadonlyMap<string, { firstNight: string; lastNight: string }>;
  /**
   * The beds whose bookings take nothing from their room's regular beds: those out of service and the
   * surge beds. Counts read from room_nights (every bed-night of a room) take theirs back off.
   */
  notRegular: ReadonlySet<string>;
};

/** Whether a surge bed is laid out on that night. */
export const surgeOn = (bed: { firstNight: string; lastNight: string }, night: string) => bed.firstNight <= night && night <= bed.lastNight;

// Shared with the copy of this module that reads ahead at start (lib/warm-up.ts).
const kept = new Stamped<BedLayout>('placement.layout');

const roomsInOrder = statement(
  () => sql`
  select ${roomsTable.shelterId}, ${roomsTable.id}, ${roomsTable.name}, ${roomsTable.kind}, ${roomsTable.accessible}
    from ${roomsTable} order by rowid`,
);
const bedsInOrder = statement(
  () =>
    sql`select ${beds.roomId}, ${beds.id}, ${beds.label}, ${beds.outOfServiceReason} is not null, ${beds.surgeFirstNight}, ${beds.surgeLastNight} from ${beds} order by rowid`,
);
const layoutStamp = statement(() => sql`select ${bedLayoutStamp.stamp} from ${bedLayoutStamp} where ${bedLayoutStamp.id} = 1`);

function readLayout(db: Db): BedLayout {
  const roomRows = roomsInOrder(db).raw().all() as [string, string, string, RoomKind, number][];
  const rooms: LayoutRoom[] = [];
  const roomById = new Map<string, LayoutRoom & { inServiceBeds: FreeBed[]; surgeBeds: SurgeBed[] }>();
  for (const [shelterId, id, name, kind, accessible] of roomRows) {
    const room = { shelterId, id, name, kind, accessible: accessible === 1, inServiceBeds: [] as FreeBed[], surgeBeds: [] as SurgeBed[] };
    rooms.push(room);
    roomById.set(id, room);
  }
  // One pass over the beds table in its own order (each room's beds as added), grouped here: at 50,000
  // beds this is a quarter of the time of joining them to their rooms in SQL.
  const bedRows = bedsInOrder(db).raw().all() as [string, string, string, number, string | null, string | null][];
  const roomOfBed = new Map<string, LayoutRoom>();
  const outOfService = new Set<string>();
  const surgeNights = new Map<string, { firstNight: string; lastNight: string }>();
  const notRegular = new Set<string>();
  for (const [roomId, id, label, out, firstNight, lastNight] of bedRows) {
    const room = roomById.get(roomId);
    if (!room) continue;
    roomOfBed.set(id, room);
    const surge = firstNight !== null && lastNight !== null;
    if (surge) surgeNights.set(id, { firstNight, lastNight });
    if (out) outOfService.add(id);
    if (out || surge) notRegular.add(id);
    if (out) continue;
    if (surge) room.surgeBeds.push(Object.freeze({ id, label, surge: true as const, firstNight, lastNight }));
    else room.inServiceBeds.push(Object.freeze({ id, label }));
  }
  for (const room of rooms) {
    Object.freeze(room.inServiceBeds);
    Object.freeze(room.surgeBeds);
  }
  return { rooms, roomById, roomOfBed, outOfService, surgeNights, notRegular };
}

/**
 * The network's rooms and beds, read once per connection and kept while `bed_layout`'s stamp stands
 * still: triggers (migration 0008) give it a new random value on any insert, update or delete of a
 * room or a bed, so a change made on any connection, committed or still in this one's transaction,
 * is seen at the next call, and a rolled-back change cannot leave a stamp that matches again. Callers
 * must not change what they get.
 */
export function bedLayout(db: Db): BedLayout {
  const client = db.$client;
  // The stamp and the tables read in one snapshot (a savepoint inside a caller's transaction).
  return client.transaction(() => {
    const stamp = (layoutStamp(db).pluck().get() as string | undefined) ?? null;
    if (stamp === null) return readLayout(db);
    return kept.fresh(client, 'network', stamp) ?? kept.keep(client, 'network', stamp, readLayout(db));
  })();
}
