import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { prepared } from '@/db/prepared';
import { arrivals, beds, rooms, stays, type RoomKind, type SurgeKind } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff';
import { compareLabels } from '@/lib/labels';
import { bedsTonight } from '@/lib/occupancy/free-tonight';
import { shareOf } from '@/lib/privacy/shares';
import { addCounts, countListed, emptyCounts, type BedCounts, type BedState } from './bed-state';

export type BoardBed = {
  id: string;
  label: string;
  state: BedState;
  outOfServiceReason: string | null;
  everUsed: boolean;
  /** The alias of the household holding the bed, for a caller whose share includes it; else null. */
  holder: string | null;
  /** A surge bed's kind and nights (decision 0026); null for the room's own beds. */
  surge: { kind: SurgeKind; firstNight: string; lastNight: string } | null;
};
export type BoardRoom = { id: string; name: string; kind: RoomKind; accessible: boolean; beds: BoardBed[]; counts: BedCounts };

// The bed board is the page hosts keep open: its reads are compiled once per connection (db/prepared.ts).
const shelterRooms = (db: Db) =>
  db
    .select()
    .from(rooms)
    .where(eq(rooms.shelterId, sql.placeholder('shelterId')))
    .orderBy(asc(rooms.createdAt), sql`rooms.rowid`)
    .prepare();
const shelterBeds = (db: Db) =>
  db
    .select({
      bedId: beds.id,
      label: beds.label,
      outOfServiceReason: beds.outOfServiceReason,
      surgeKind: beds.surgeKind,
      surgeFirstNight: beds.surgeFirstNight,
      surgeLastNight: beds.surgeLastNight,
      // Whether any stay, past or present, ever held the bed: a used bed is taken out of service, never deleted.
      everUsed: sql<number>`exists (select 1 from stay_beds used where used.bed_id = ${beds.id})`,
    })
    .from(beds)
    .innerJoin(rooms, eq(rooms.id, beds.roomId))
    .where(eq(rooms.shelterId, sql.placeholder('shelterId')))
    .prepare();
const holders = (db: Db) =>
  db
    .select({
      stayId: stays.id,
      status: stays.status,
      reservedBy: stays.reservedBy,
      shelterId: stays.shelterId,
      alias: arrivals.alias,
      householdStatus: arrivals.status,
      erasedAt: arrivals.erasedAt,
      cityId: arrivals.cityId,
    })
    .from(stays)
    .innerJoin(arrivals, eq(arrivals.id, stays.arrivalId))
    .where(sql`${stays.id} in (select value from json_each(${sql.placeholder('stayIds')}))`)
    .prepare();
type Holder = ReturnType<ReturnType<typeof holders>['all']>[number];

/** Who holds the bed, if `viewer` may know it (lib/privacy/shares.ts); nobody's name without a viewer. */
function holderFor(holder: Holder | undefined, viewer: StaffUser | undefined): string | null {
  if (!viewer || !holder) return null;
  const household = { status: holder.householdStatus, erasedAt: holder.erasedAt, cityId: holder.cityId };
  const stay = { status: holder.status, reservedBy: holder.reservedBy, shelterId: holder.shelterId };
  return shareOf(viewer, household, stay, false).identity ? holder.alias : null;
}

/**
 * Every bed of a shelter as a tile, grouped by room, with counts per room and for the shelter; with
 * `holdersFor`, the names of the households holding beds that this caller may know.
 */
export function shelterBoard(
  db: Db,
  shelterId: string,
  now: Date,
  options: { holdersFor?: StaffUser } = {},
): { rooms: BoardRoom[]; counts: BedCounts } {
  const roomRows = prepared(db, shelterRooms).all({ shelterId });
  // Each bed's state tonight is the one definition every count of free beds uses.
  const tonight = new Map((bedsTonight(db, now, { shelterIds: [shelterId] }).beds.get(shelterId) ?? []).map((bed) => [bed.bedId, bed]));
  const stayIds = [...new Set([...tonight.values()].flatMap((bed) => (bed.stayId ? [bed.stayId] : [])))];
  const holderOf = new Map(
    options.holdersFor && stayIds.length > 0
      ? prepared(db, holders)
          .all({ stayIds: JSON.stringify(stayIds) })
          .map((row) => [row.stayId, row])
      : [],
  );
  const bedRows = prepared(db, shelterBeds).all({ shelterId });
  const byLabel = (a: { label: string }, b: { label: string }) => compareLabels(a.label, b.label);
  const boardRooms = roomRows.map((room) => {
    const roomBeds = bedRows
      .filter((row) => tonight.get(row.bedId)?.roomId === room.id)
      .map((row): BoardBed => {
        const { state, stayId } = tonight.get(row.bedId)!;
        return {
          id: row.bedId,
          label: row.label,
          state,
          outOfServiceReason: row.outOfServiceReason,
          everUsed: Boolean(row.everUsed),
          holder: stayId ? holderFor(holderOf.get(stayId), options.holdersFor) : null,
          surge: row.surgeKind === null ? null : { kind: row.surgeKind, firstNight: row.surgeFirstNight!, lastNight: row.surgeLastNight! },
        };
      })
      // The room's own beds first, then its surge beds.
      .sort((a, b) => Number(a.surge !== null) - Number(b.surge !== null) || byLabel(a, b));
    return {
      id: room.id,
      name: room.name,
      kind: room.kind,
      accessible: room.accessible,
      beds: roomBeds,
      counts: countListed(roomBeds.map((bed) => ({ state: bed.state, surge: bed.surge !== null }))),
    };
  });
  return { rooms: boardRooms, counts: boardRooms.reduce((sum, room) => addCounts(sum, room.counts), emptyCounts()) };
}
