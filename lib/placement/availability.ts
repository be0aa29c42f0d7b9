import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { beds, rooms, shelters, stayBeds } from '@/db/schema';
import type { ShelterAvailability } from '@/lib/matching/types';

/**
 * Every shelter with its free in-service beds, for the matcher. Expects expired holds to have been
 * released already (see expireHolds), so an active stay_beds row means the bed is taken.
 */
export function networkAvailability(db: Db, options: { shelterId?: string } = {}): ShelterAvailability[] {
  const shelterRows = db
    .select()
    .from(shelters)
    .where(options.shelterId ? eq(shelters.id, options.shelterId) : undefined)
    .orderBy(asc(shelters.name))
    .all();
  const bedRows = db
    .select({
      shelterId: rooms.shelterId,
      roomId: rooms.id,
      roomName: rooms.name,
      kind: rooms.kind,
      accessible: rooms.accessible,
      bedId: beds.id,
      label: beds.label,
      outOfService: beds.outOfServiceReason,
      heldBy: stayBeds.stayId,
    })
    .from(rooms)
    .leftJoin(beds, eq(beds.roomId, rooms.id))
    .leftJoin(stayBeds, and(eq(stayBeds.bedId, beds.id), isNull(stayBeds.releasedAt)))
    .where(options.shelterId ? eq(rooms.shelterId, options.shelterId) : undefined)
    .orderBy(asc(rooms.createdAt), sql`rooms.rowid`)
    .all();

  const byShelter = new Map<string, ShelterAvailability>();
  for (const shelter of shelterRows) {
    byShelter.set(shelter.id, {
      id: shelter.id,
      name: shelter.name,
      district: shelter.district,
      status: shelter.status,
      acceptsFamilies: shelter.acceptsFamilies,
      acceptsPets: shelter.acceptsPets,
      wheelchairAccessible: shelter.wheelchairAccessible,
      languages: shelter.languages,
      lastConfirmedAt: shelter.lastConfirmedAt,
      inServiceBeds: 0,
      rooms: [],
    });
  }
  for (const row of bedRows) {
    const shelter = byShelter.get(row.shelterId);
    if (!shelter) continue;
    let room = shelter.rooms.find((r) => r.id === row.roomId);
    if (!room) {
      room = { id: row.roomId, name: row.roomName, kind: row.kind, accessible: row.accessible, freeBeds: [] };
      shelter.rooms.push(room);
    }
    if (!row.bedId || row.outOfService) continue;
    shelter.inServiceBeds++;
    if (!row.heldBy) room.freeBeds.push({ id: row.bedId, label: row.label! });
  }
  return [...byShelter.values()];
}

/**
 * Availability as a household already holding beds sees it: its own beds count as free, so it can
 * be moved within its shelter as well as elsewhere.
 */
export function availabilityWithOwnBeds(db: Db, stayId: string | null, options: { shelterId?: string } = {}): ShelterAvailability[] {
  const network = networkAvailability(db, options);
  if (!stayId) return network;
  const own = db
    .select({ bedId: beds.id, label: beds.label, roomId: beds.roomId })
    .from(stayBeds)
    .innerJoin(beds, eq(beds.id, stayBeds.bedId))
    .where(and(eq(stayBeds.stayId, stayId), isNull(stayBeds.releasedAt)))
    .all();
  for (const shelter of network) {
    for (const room of shelter.rooms) {
      for (const bed of own.filter((b) => b.roomId === room.id)) room.freeBeds.push({ id: bed.bedId, label: bed.label });
    }
  }
  return network;
}
