import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { prepared } from '@/db/prepared';
import { beds, rooms, shelters } from '@/db/schema';
import { addNights, type NightRange } from '@/lib/calendar/nights';
import { DomainError } from '@/lib/errors';
import { bedsFitHousehold } from '@/lib/matching/plan';
import { householdSize, type Household, type RoomAvailability } from '@/lib/matching/types';
import { firstClosedNight } from '@/lib/nights/closures';
import { firstTakenNight } from '@/lib/nights/ledger';
import { refuseBedsWithGuest } from '@/lib/nights/overdue';

// The chosen beds come as one JSON array, so that one compiled statement serves any number of them.
const chosen = (column: typeof beds.id) => sql`${column} in (select value from json_each(${sql.placeholder('bedIds')}))`;
// Each chosen bed with its room and its shelter: one read.
const chosenBeds = (db: Db) =>
  db
    .select({
      bedId: beds.id,
      label: beds.label,
      outOfService: beds.outOfServiceReason,
      surgeFirstNight: beds.surgeFirstNight,
      surgeLastNight: beds.surgeLastNight,
      room: { id: rooms.id, name: rooms.name, kind: rooms.kind, accessible: rooms.accessible, shelterId: rooms.shelterId },
      shelter: shelters,
    })
    .from(beds)
    .innerJoin(rooms, eq(rooms.id, beds.roomId))
    .innerJoin(shelters, eq(shelters.id, rooms.shelterId))
    .where(chosen(beds.id))
    .prepare();

type Shelter = typeof shelters.$inferSelect;

/**
 * Checks a set of beds for a household, inside the write transaction that will hold them. First the
 * caller's rights: `mayPlaceIn` is asked about every shelter the chosen beds lie in, and throws if the
 * caller may not place the household there, before anything is said about the beds' state, so a
 * refusal never tells an outsider whether a bed is taken, closed or out of service. Then: every bed
 * exists, is in service, lies in one open shelter, the household can sleep in exactly these beds
 * under the hard rules, and on every night of the stay (which `nightsIn` works out from the shelter's
 * rules) no room is closed, no bed is booked by another stay than `keepStayId`, and no other guest is
 * still checked in to a bed (lib/nights/overdue.ts). Returns the shelter, the nights and what
 * `mayPlaceIn` said of it. It reads only the chosen beds, so the write lock is held briefly.
 */
export function checkBedChoice<Placement>(
  db: Db,
  household: Household,
  bedIds: string[],
  options: { keepStayId?: string; mayPlaceIn: (shelter: Shelter) => Placement; nightsIn: (shelter: Shelter) => NightRange },
): { shelter: Shelter; range: NightRange; placement: Placement } {
  const unique = [...new Set(bedIds)];
  if (unique.length !== householdSize(household)) throw new DomainError('bedCountMismatch', 'bedIds', { count: householdSize(household) });
  const rows = prepared(db, chosenBeds).all({ bedIds: JSON.stringify(unique) });
  const placements = new Map<string, Placement>();
  for (const { shelter } of rows) if (!placements.has(shelter.id)) placements.set(shelter.id, options.mayPlaceIn(shelter));
  if (rows.length !== unique.length) throw new DomainError('unknownBeds', 'bedIds');
  const shelterIds = new Set(rows.map((row) => row.room.shelterId));
  if (shelterIds.size !== 1) throw new DomainError('bedsInSeveralShelters', 'bedIds');
  if (rows.some((row) => row.outOfService)) throw new DomainError('bedOutOfService', 'bedIds');

  const { shelter } = rows[0];
  if (shelter.status !== 'open') throw new DomainError('shelterNotOpen');
  if (household.hasPet && !shelter.acceptsPets) throw new DomainError('noPets');
  if (household.needsWheelchair && !shelter.wheelchairAccessible) throw new DomainError('noWheelchair');

  const byRoom = new Map<string, RoomAvailability>();
  for (const row of rows) {
    const room = byRoom.get(row.room.id) ?? { ...row.room, freeBeds: [] };
    room.freeBeds.push({ id: row.bedId, label: row.label });
    byRoom.set(row.room.id, room);
  }
  if (!bedsFitHousehold({ acceptsFamilies: shelter.acceptsFamilies, rooms: [...byRoom.values()] }, household, unique)) {
    throw new DomainError('bedsBreakRules', 'bedIds');
  }
  const range = options.nightsIn(shelter);
  // A surge bed only on its own nights (decision 0026); the ledger's trigger refuses it too (migration 0023).
  const lastNight = addNights(range.departure, -1);
  if (rows.some((row) => row.surgeFirstNight !== null && (range.firstNight < row.surgeFirstNight || lastNight > row.surgeLastNight!)))
    throw new DomainError('surgeBedNotThatNight', 'bedIds');
  const closed = firstClosedNight(db, shelter.id, [...byRoom.keys()], range);
  if (closed) throw new DomainError('closedOn', 'firstNight', { night: closed });
  const taken = firstTakenNight(db, unique, range, options.keepStayId);
  if (taken) throw new DomainError('bedsTaken', undefined, { night: taken });
  refuseBedsWithGuest(db, unique, range, options.keepStayId);
  return { shelter, range, placement: placements.get(shelter.id)! };
}
