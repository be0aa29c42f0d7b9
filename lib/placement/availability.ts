import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { beds, shelters, stayBeds } from '@/db/schema';
import type { RoomKind } from '@/db/schema/enums';
import type { RoomAvailability, ShelterAvailability } from '@/lib/matching/types';

/**
 * Every shelter with its free in-service beds, for the matcher. Expects expired holds to have been
 * released already (see expireHolds), so an active stay_beds row means the bed is taken.
 */
type Row = [string, string, string, RoomKind, number, string | null, string | null, number, number];

/**
 * Every shelter with its free in-service beds, for the matcher. Expects expired holds to have been
 * released already (see expireHolds), so an active stay_beds row means the bed is taken. Read with
 * plain SQL in array mode: across a large network this is the hot read of every suggestion.
 */
export function networkAvailability(db: Db, options: { shelterId?: string } = {}): ShelterAvailability[] {
  const shelterRows = db
    .select()
    .from(shelters)
    .where(options.shelterId ? eq(shelters.id, options.shelterId) : undefined)
    .orderBy(asc(shelters.name))
    .all();
  const bedRows = db.$client
    .prepare(
      `select r.shelter_id, r.id, r.name, r.kind, r.accessible, b.id, b.label,
              b.out_of_service_reason is not null, sb.stay_id is not null
         from rooms r
         left join beds b on b.room_id = r.id
         left join stay_beds sb on sb.bed_id = b.id and sb.released_at is null
        ${options.shelterId ? 'where r.shelter_id = ?' : ''}
        order by r.rowid`,
    )
    .raw()
    .all(...(options.shelterId ? [options.shelterId] : [])) as Row[];

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
  const roomsById = new Map<string, RoomAvailability>();
  for (const [shelterId, roomId, roomName, kind, accessible, bedId, label, outOfService, held] of bedRows) {
    const shelter = byShelter.get(shelterId);
    if (!shelter) continue;
    let room = roomsById.get(roomId);
    if (!room) {
      room = { id: roomId, name: roomName, kind, accessible: accessible === 1, freeBeds: [] };
      roomsById.set(roomId, room);
      shelter.rooms.push(room);
    }
    if (!bedId || outOfService) continue;
    shelter.inServiceBeds++;
    if (!held) room.freeBeds.push({ id: bedId, label: label! });
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
