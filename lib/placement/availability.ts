import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { shelters } from '@/db/schema';
import type { RoomKind } from '@/db/schema/enums';
import type { RoomAvailability, ShelterAvailability } from '@/lib/matching/types';
import { nightsOf, type NightRange } from '@/lib/nights/calendar';

type BedRow = [string, string, string, RoomKind, number, string | null, string | null, number];
type Closure = { shelterId: string; roomId: string | null; firstNight: string; lastNight: string };

export type AvailabilityOptions = {
  /** The nights the household asks for; a bed is free when no other stay holds it on any of them. */
  nights: NightRange;
  shelterId?: string;
  /** A stay being moved or changed: its own bed-nights count as free. */
  exceptStayId?: string | null;
};

/**
 * Every shelter with the in-service beds free on every night of the range, for the matcher, and how
 * many beds each has free night by night (so a shelter that cannot take the household can say on which
 * night it is full). Expects expired holds to have been released already (see expireHolds). Read with
 * plain SQL in array mode: across a large network this is the hot read of every suggestion.
 */
export function networkAvailability(db: Db, options: AvailabilityOptions): ShelterAvailability[] {
  const { nights } = options;
  const only = options.shelterId ? 'where r.shelter_id = ?' : '';
  const shelterArgs = options.shelterId ? [options.shelterId] : [];
  const except = options.exceptStayId ?? '';
  const shelterRows = db
    .select()
    .from(shelters)
    .where(options.shelterId ? eq(shelters.id, options.shelterId) : undefined)
    .orderBy(asc(shelters.name))
    .all();
  // The beds, and apart from them the bed-nights of the range: one index range over bed_nights instead
  // of a lookup per bed (at 50,000 beds, half the time of a suggestion went to those lookups).
  const bedRows = db.$client
    .prepare(
      `select r.shelter_id, r.id, r.name, r.kind, r.accessible, b.id, b.label, b.out_of_service_reason is not null
         from rooms r
         left join beds b on b.room_id = r.id
        ${only}
        order by r.rowid`,
    )
    .raw()
    .all(...shelterArgs) as BedRow[];
  const bookedRows = db.$client
    .prepare('select bed_id, night from bed_nights where night >= ? and night < ? and stay_id <> ?')
    .raw()
    .all(nights.firstNight, nights.departure, except) as [string, string][];
  const closures = db.$client
    .prepare(
      `select shelter_id as shelterId, room_id as roomId, first_night as firstNight, last_night as lastNight
         from shelter_closures where last_night >= ? and first_night < ? ${options.shelterId ? 'and shelter_id = ?' : ''}`,
    )
    .all(nights.firstNight, nights.departure, ...shelterArgs) as Closure[];

  const rangeNights = nightsOf(nights);
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
      longestNights: shelter.longestNights,
      door: { checkInFrom: shelter.checkInFrom, checkInUntil: shelter.checkInUntil, holdHours: shelter.holdHours, checkOutBy: shelter.checkOutBy, timeZone: shelter.timeZone },
      inServiceBeds: 0,
      rooms: [],
    });
  }
  const closedRooms = new Map<string, Set<string>>();
  const closedWhole = new Map<string, Set<string>>();
  const closedOn = (closure: Closure) => new Set(rangeNights.filter((n) => n >= closure.firstNight && n <= closure.lastNight));
  for (const closure of closures) {
    const target = closure.roomId ? closedRooms : closedWhole;
    const key = closure.roomId ?? closure.shelterId;
    target.set(key, new Set([...(target.get(key) ?? []), ...closedOn(closure)]));
  }

  const roomsById = new Map<string, RoomAvailability>();
  const inServiceByRoom = new Map<string, number>();
  const freeByNight = new Map([...byShelter.keys()].map((id) => [id, rangeNights.map((night) => ({ night, free: 0 }))]));
  const bookedBeds = new Set(bookedRows.map(([bedId]) => bedId));
  const shelterOfBed = new Map<string, string>();
  for (const [shelterId, roomId, roomName, kind, accessible, bedId, label, outOfService] of bedRows) {
    const shelter = byShelter.get(shelterId);
    if (!shelter) continue;
    let room = roomsById.get(roomId);
    if (!room) {
      room = { id: roomId, name: roomName, kind, accessible: accessible === 1, freeBeds: [] };
      roomsById.set(roomId, room);
      shelter.rooms.push(room);
    }
    if (!bedId || outOfService) continue;
    shelterOfBed.set(bedId, shelterId);
    shelter.inServiceBeds++;
    inServiceByRoom.set(roomId, (inServiceByRoom.get(roomId) ?? 0) + 1);
    const closed = (closedRooms.get(roomId)?.size ?? 0) > 0 || (closedWhole.get(shelterId)?.size ?? 0) > 0;
    if (!bookedBeds.has(bedId) && !closed) room.freeBeds.push({ id: bedId, label: label! });
  }
  // Night by night: in-service beds, less those in a closed room or shelter, less those booked.
  for (const shelter of byShelter.values()) {
    const slots = freeByNight.get(shelter.id)!;
    for (const slot of slots) {
      if (closedWhole.get(shelter.id)?.has(slot.night)) continue;
      for (const room of shelter.rooms) if (!closedRooms.get(room.id)?.has(slot.night)) slot.free += inServiceByRoom.get(room.id) ?? 0;
    }
    shelter.freeByNight = slots;
  }
  // Each booked bed-night of an in-service bed takes one from its shelter's night.
  const nightIndex = new Map(rangeNights.map((night, index) => [night, index]));
  for (const [bedId, night] of bookedRows) {
    const shelterId = shelterOfBed.get(bedId);
    const slot = shelterId === undefined ? undefined : freeByNight.get(shelterId)?.[nightIndex.get(night)!];
    if (slot) slot.free = Math.max(0, slot.free - 1);
  }
  return [...byShelter.values()];
}
