import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { beds, rooms, shelters, stayBeds } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { bedsFitHousehold } from '@/lib/matching/plan';
import { householdSize, type Household, type RoomAvailability } from '@/lib/matching/types';

/**
 * Checks a set of beds for a household, inside the write transaction that will hold them: every bed
 * exists, is in service, is free (or already held by `keepStayId`), lies in one open shelter, and the
 * household can sleep in exactly these beds under the hard rules. Returns that shelter. It reads only
 * the chosen beds, so the write lock is held for as short a time as possible.
 */
export function checkBedChoice(db: Db, household: Household, bedIds: string[], keepStayId?: string) {
  const unique = [...new Set(bedIds)];
  if (unique.length !== householdSize(household)) throw new DomainError('bedCountMismatch', 'bedIds', { count: householdSize(household) });
  const rows = db
    .select({
      bedId: beds.id,
      label: beds.label,
      outOfService: beds.outOfServiceReason,
      room: { id: rooms.id, name: rooms.name, kind: rooms.kind, accessible: rooms.accessible, shelterId: rooms.shelterId },
    })
    .from(beds)
    .innerJoin(rooms, eq(rooms.id, beds.roomId))
    .where(inArray(beds.id, unique))
    .all();
  if (rows.length !== unique.length) throw new DomainError('unknownBeds', 'bedIds');
  const shelterIds = new Set(rows.map((row) => row.room.shelterId));
  if (shelterIds.size !== 1) throw new DomainError('bedsInSeveralShelters', 'bedIds');
  if (rows.some((row) => row.outOfService)) throw new DomainError('bedOutOfService', 'bedIds');

  const [shelterId] = shelterIds;
  const shelter = db.select().from(shelters).where(eq(shelters.id, shelterId)).get()!;
  if (shelter.status !== 'open') throw new DomainError('shelterNotOpen');
  if (household.hasPet && !shelter.acceptsPets) throw new DomainError('noPets');
  if (household.needsWheelchair && !shelter.wheelchairAccessible) throw new DomainError('noWheelchair');

  const holds = db
    .select({ stayId: stayBeds.stayId })
    .from(stayBeds)
    .where(and(inArray(stayBeds.bedId, unique), isNull(stayBeds.releasedAt)))
    .all();
  if (holds.some((hold) => hold.stayId !== keepStayId)) throw new DomainError('bedsTaken');

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
