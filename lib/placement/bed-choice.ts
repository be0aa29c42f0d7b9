import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { prepared } from '@/db/prepared';
import { beds, rooms, shelters, stayBeds } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { bedsFitHousehold } from '@/lib/matching/plan';
import { householdSize, type Household, type RoomAvailability } from '@/lib/matching/types';

// The chosen beds come as one JSON array, so that one compiled statement serves any number of them.
const chosen = (column: typeof beds.id | typeof stayBeds.bedId) => sql`${column} in (select value from json_each(${sql.placeholder('bedIds')}))`;
// Each chosen bed with its room, its shelter and the stay holding it now, if any: one read.
const chosenBeds = (db: Db) =>
  db
    .select({
      bedId: beds.id,
      label: beds.label,
      outOfService: beds.outOfServiceReason,
      room: { id: rooms.id, name: rooms.name, kind: rooms.kind, accessible: rooms.accessible, shelterId: rooms.shelterId },
      shelter: shelters,
      heldBy: stayBeds.stayId,
    })
    .from(beds)
    .innerJoin(rooms, eq(rooms.id, beds.roomId))
    .innerJoin(shelters, eq(shelters.id, rooms.shelterId))
    .leftJoin(stayBeds, and(eq(stayBeds.bedId, beds.id), isNull(stayBeds.releasedAt)))
    .where(chosen(beds.id))
    .prepare();

/**
 * Checks a set of beds for a household, inside the write transaction that will hold them: every bed
 * exists, is in service, is free (or already held by `keepStayId`), lies in one open shelter, and the
 * household can sleep in exactly these beds under the hard rules. Returns that shelter. It reads only
 * the chosen beds, in one statement, so the write lock is held for as short a time as possible.
 */
export function checkBedChoice(db: Db, household: Household, bedIds: string[], keepStayId?: string) {
  const unique = [...new Set(bedIds)];
  if (unique.length !== householdSize(household)) throw new DomainError('bedCountMismatch', 'bedIds', { count: householdSize(household) });
  const rows = prepared(db, chosenBeds).all({ bedIds: JSON.stringify(unique) });
  if (rows.length !== unique.length) throw new DomainError('unknownBeds', 'bedIds');
  const shelterIds = new Set(rows.map((row) => row.room.shelterId));
  if (shelterIds.size !== 1) throw new DomainError('bedsInSeveralShelters', 'bedIds');
  if (rows.some((row) => row.outOfService)) throw new DomainError('bedOutOfService', 'bedIds');

  const { shelter } = rows[0];
  if (shelter.status !== 'open') throw new DomainError('shelterNotOpen');
  if (household.hasPet && !shelter.acceptsPets) throw new DomainError('noPets');
  if (household.needsWheelchair && !shelter.wheelchairAccessible) throw new DomainError('noWheelchair');

  if (rows.some((row) => row.heldBy !== null && row.heldBy !== keepStayId)) throw new DomainError('bedsTaken');

  const byRoom = new Map<string, RoomAvailability>();
  for (const row of rows) {
    const room = byRoom.get(row.room.id) ?? { ...row.room, freeBeds: [] };
    room.freeBeds.push({ id: row.bedId, label: row.label });
    byRoom.set(row.room.id, room);
  }
  if (!bedsFitHousehold({ acceptsFamilies: shelter.acceptsFamilies, rooms: [...byRoom.values()] }, household, unique)) {
    throw new DomainError('bedsBreakRules', 'bedIds');
  }
  return shelter;
}
