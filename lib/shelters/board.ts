import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { prepared } from '@/db/prepared';
import { arrivals, beds, rooms, shelters, stayBeds, stays, type RoomKind } from '@/db/schema';
import { canEditShelter, type StaffUser } from '@/lib/auth/staff';
import { holdsCity } from '@/lib/cities/scope';
import { shareOf } from '@/lib/privacy/shares';
import { addCounts, bedState, countBeds, emptyCounts, type BedCounts, type BedState } from './bed-state';
import { compareLabels } from '@/lib/labels';
import { tonightIn } from '@/lib/nights/calendar';
import { NETWORK_TIME_ZONE } from '@/lib/time';

export type BoardBed = {
  id: string;
  label: string;
  state: BedState;
  outOfServiceReason: string | null;
  everUsed: boolean;
  /** The alias of the household holding the bed, for a caller whose share includes it; else null. */
  holder: string | null;
};
export type BoardRoom = { id: string; name: string; kind: RoomKind; accessible: boolean; beds: BoardBed[]; counts: BedCounts };

/**
 * The stays that hold their beds now: everyone checked in (an overdue guest is still in the bed), and
 * reservations whose first night has come. A booking for next week leaves the bed free tonight.
 */
const holdingNow = sql`exists (select 1 from stays h where h.id = ${stayBeds.stayId} and (h.status = 'checked_in' or (h.status = 'reserved' and h.first_night <= ${sql.placeholder('tonight')})))`;

// The bed board is the page hosts keep open: its reads are compiled once per connection (db/prepared.ts).
const shelterRooms = (db: Db) =>
  db.select().from(rooms).where(eq(rooms.shelterId, sql.placeholder('shelterId'))).orderBy(asc(rooms.createdAt), sql`rooms.rowid`).prepare();
const bedsWithHolds = (db: Db) =>
  db
    .select({
      shelterId: rooms.shelterId,
      roomId: rooms.id,
      bedId: beds.id,
      label: beds.label,
      outOfServiceReason: beds.outOfServiceReason,
      holdStatus: stays.status,
      holdUntil: stays.holdUntil,
      reservedBy: stays.reservedBy,
      holder: arrivals.alias,
      householdStatus: arrivals.status,
      erasedAt: arrivals.erasedAt,
      householdCityId: arrivals.cityId,
      // Whether any stay, past or present, ever held the bed: a used bed is taken out of service, never deleted.
      everUsed: sql<number>`exists (select 1 from stay_beds used where used.bed_id = ${beds.id})`,
    })
    .from(beds)
    .innerJoin(rooms, eq(rooms.id, beds.roomId))
    .leftJoin(stayBeds, and(eq(stayBeds.bedId, beds.id), isNull(stayBeds.releasedAt), holdingNow))
    .leftJoin(stays, eq(stays.id, stayBeds.stayId))
    .leftJoin(arrivals, eq(arrivals.id, stays.arrivalId))
    .where(eq(rooms.shelterId, sql.placeholder('shelterId')))
    .prepare();
type BedRow = ReturnType<ReturnType<typeof bedsWithHolds>['all']>[number];

/** A guest past their departure and tonight's booking may both hold a bed: the one in it counts. */
function onePerBed(rows: BedRow[]): BedRow[] {
  const byBed = new Map<string, BedRow>();
  for (const row of rows) {
    const seen = byBed.get(row.bedId);
    if (!seen || (seen.holdStatus !== 'checked_in' && row.holdStatus === 'checked_in')) byBed.set(row.bedId, row);
  }
  return [...byBed.values()];
}

function stateOf(row: BedRow, now: Date): BedState {
  const hold = row.holdStatus && row.holdUntil ? { status: row.holdStatus, holdUntil: row.holdUntil } : null;
  return bedState(row, hold, now);
}

/** Who holds the bed, if `viewer` may know it (lib/privacy/shares.ts); nobody's name without a viewer. */
function holderFor(row: BedRow, state: BedState, viewer: StaffUser | undefined): string | null {
  if (!viewer || (state !== 'reserved' && state !== 'occupied') || !row.holdStatus || !row.householdStatus) return null;
  const household = { status: row.householdStatus, erasedAt: row.erasedAt, cityId: row.householdCityId };
  const stay = { status: row.holdStatus, reservedBy: row.reservedBy, shelterId: row.shelterId };
  return shareOf(viewer, household, stay, false).identity ? row.holder : null;
}

/**
 * Every bed of a shelter as a tile, grouped by room, with counts per room and for the shelter; with
 * `holdersFor`, the names of the households holding beds that this caller may know.
 */
export function shelterBoard(db: Db, shelterId: string, now: Date, options: { holdersFor?: StaffUser } = {}): { rooms: BoardRoom[]; counts: BedCounts } {
  const roomRows = prepared(db, shelterRooms).all({ shelterId });
  const timeZone = db.select({ timeZone: shelters.timeZone }).from(shelters).where(eq(shelters.id, shelterId)).get()?.timeZone ?? NETWORK_TIME_ZONE;
  const bedRows = onePerBed(prepared(db, bedsWithHolds).all({ shelterId, tonight: tonightIn(timeZone, now) }));
  const byLabel = (a: { label: string }, b: { label: string }) => compareLabels(a.label, b.label);
  const boardRooms = roomRows.map((room) => {
    const roomBeds = bedRows
      .filter((row) => row.roomId === room.id)
      .map((row) => {
        const state = stateOf(row, now);
        return {
          id: row.bedId,
          label: row.label,
          state,
          outOfServiceReason: row.outOfServiceReason,
          everUsed: Boolean(row.everUsed),
          holder: holderFor(row, state, options.holdersFor),
        };
      })
      .sort(byLabel);
    return { id: room.id, name: room.name, kind: room.kind, accessible: room.accessible, beds: roomBeds, counts: countBeds(roomBeds.map((bed) => bed.state)) };
  });
  return { rooms: boardRooms, counts: boardRooms.reduce((sum, room) => addCounts(sum, room.counts), emptyCounts()) };
}

export type ShelterSummary = typeof shelters.$inferSelect & { counts: BedCounts; editable: boolean };

type CountRow = [string, number, number, number, number];

/** Tonight in each time zone the shelters keep: a handful of zones, however many shelters. */
function tonightsByZone(db: Db, now: Date): Record<string, string> {
  const zones = db.$client.prepare('select distinct time_zone from shelters').pluck().all() as string[];
  return Object.fromEntries(zones.map((zone) => [zone, tonightIn(zone, now)]));
}

/**
 * Bed counts of every shelter in one grouped query: the states of bedState (lib/shelters/bed-state.ts)
 * written as SQL, so a list of a thousand shelters does not load fifty thousand beds. "Tonight" is each
 * shelter's own calendar day, as on its bed board.
 * tests/db/bed-counts.test.ts holds the two definitions to the same answer.
 */
export function countsByShelter(db: Db, now: Date, onlyShelterIds?: string[]): Map<string, BedCounts> {
  const rows = db.$client
    .prepare(
      `select r.shelter_id,
              count(b.id),
              coalesce(sum(s.status = 'checked_in'), 0),
              coalesce(sum(s.status = 'reserved' and s.hold_until > @now), 0),
              coalesce(sum(b.out_of_service_reason is not null
                           and not coalesce(s.status = 'checked_in' or (s.status = 'reserved' and s.hold_until > @now), 0)), 0)
         from beds b
         join rooms r on r.id = b.room_id
         join shelters sh on sh.id = r.shelter_id
         left join stay_beds sb on sb.bed_id = b.id and sb.released_at is null
              and exists (select 1 from stays h where h.id = sb.stay_id and (h.status = 'checked_in'
                          or (h.status = 'reserved' and h.first_night <= json_extract(@tonights, '$."' || sh.time_zone || '"'))))
         left join stays s on s.id = sb.stay_id
        ${onlyShelterIds ? 'where r.shelter_id in (select value from json_each(@ids))' : ''}
        group by r.shelter_id`,
    )
    .raw()
    .all({ now: now.getTime(), tonights: JSON.stringify(tonightsByZone(db, now)), ...(onlyShelterIds ? { ids: JSON.stringify(onlyShelterIds) } : {}) }) as CountRow[];
  return new Map(
    rows.map(([shelterId, total, occupied, reserved, outOfService]) => [
      shelterId,
      { total, occupied, reserved, outOfService, free: total - occupied - reserved - outOfService },
    ]),
  );
}

/**
 * The shelters listed to a staff member: a host their own; a guide the open ones and an admin all,
 * of the cities they hold (a scoped guide opens another city's shelter only from a household moving there).
 */
export function visibleShelters(db: Db, user: StaffUser, now: Date): ShelterSummary[] {
  const all = db.select().from(shelters).orderBy(asc(shelters.name)).all();
  const visible = all.filter((shelter) =>
    user.role === 'host' ? user.shelterIds.includes(shelter.id) : holdsCity(user, shelter.cityId) && (user.role === 'admin' || shelter.status === 'open'),
  );
  // A host sees a shelter or two: counting the whole network for them would be wasted work.
  const counts = countsByShelter(db, now, user.role === 'host' ? visible.map((shelter) => shelter.id) : undefined);
  return visible.map((shelter) => ({ ...shelter, counts: counts.get(shelter.id) ?? emptyCounts(), editable: canEditShelter(user, shelter) }));
}
