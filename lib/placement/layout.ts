import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { statement } from '@/db/prepared';
import { bedLayout as bedLayoutStamp, beds, rooms as roomsTable } from '@/db/schema';
import type { RoomKind } from '@/db/schema/enums';
import { Stamped } from '@/lib/cache';
import type { FreeBed } from '@/lib/matching/types';

/** A room as built: its in-service beds in the order they were added (frozen: shared between readers). */
export type LayoutRoom = {
  shelterId: string;
  id: string;
  name: string;
  kind: RoomKind;
  accessible: boolean;
  inServiceBeds: readonly FreeBed[];
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
};

// Shared with the copy of this module that reads ahead at start (lib/warm-up.ts).
const kept = new Stamped<BedLayout>('placement.layout');

const roomsInOrder = statement(
  () => sql`
  select ${roomsTable.shelterId}, ${roomsTable.id}, ${roomsTable.name}, ${roomsTable.kind}, ${roomsTable.accessible}
    from ${roomsTable} order by rowid`,
);
const bedsInOrder = statement(
  () => sql`select ${beds.roomId}, ${beds.id}, ${beds.label}, ${beds.outOfServiceReason} is not null from ${beds} order by rowid`,
);
const layoutStamp = statement(() => sql`select ${bedLayoutStamp.stamp} from ${bedLayoutStamp} where ${bedLayoutStamp.id} = 1`);

function readLayout(db: Db): BedLayout {
  const roomRows = roomsInOrder(db).raw().all() as [string, string, string, RoomKind, number][];
  const rooms: LayoutRoom[] = [];
  const roomById = new Map<string, LayoutRoom & { inServiceBeds: FreeBed[] }>();
  for (const [shelterId, id, name, kind, accessible] of roomRows) {
    const room = { shelterId, id, name, kind, accessible: accessible === 1, inServiceBeds: [] as FreeBed[] };
    rooms.push(room);
    roomById.set(id, room);
  }
  // One pass over the beds table in its own order (each room's beds as added), grouped here: at 50,000
  // beds this is a quarter of the time of joining them to their rooms in SQL.
  const bedRows = bedsInOrder(db).raw().all() as [string, string, string, number][];
  const roomOfBed = new Map<string, LayoutRoom>();
  const outOfService = new Set<string>();
  for (const [roomId, id, label, out] of bedRows) {
    const room = roomById.get(roomId);
    if (!room) continue;
    roomOfBed.set(id, room);
    if (out) outOfService.add(id);
    else room.inServiceBeds.push(Object.freeze({ id, label }));
  }
  for (const room of rooms) Object.freeze(room.inServiceBeds);
  return { rooms, roomById, roomOfBed, outOfService };
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
