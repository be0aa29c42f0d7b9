import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { statement } from '@/db/prepared';
import { bedNights, roomNights, shelterClosures, shelters } from '@/db/schema';
import { nightsOf, type NightRange } from '@/lib/calendar/nights';
import type { ShelterAvailability } from '@/lib/matching/types';
import { nightsHeldPastDeparture } from '@/lib/nights/overdue';
import { bedLayout, surgeOn } from './layout';

type Closure = { shelterId: string; roomId: string | null; firstNight: string; lastNight: string };

export type AvailabilityOptions = {
  /**
   * The nights the household asks for; a bed is free when no other stay holds it on any of them, and
   * no guest is still checked in to it (lib/nights/overdue.ts).
   */
  nights: NightRange;
  shelterId?: string;
  /** Only the shelters of these cities (a scoped guide's, or a household's own); absent: every city. */
  cityIds?: readonly string[];
  /** A stay being moved or changed: its own bed-nights count as free. */
  exceptStayId?: string | null;
};

// Compiled once per connection (db/prepared.ts). A city's or a shelter's read names its own beds or
// rooms in one JSON array, so one statement serves any number of them.
const bedsBookedOf = statement(
  () => sql`
  select ${bedNights.bedId} from ${bedNights}
   where ${bedNights.bedId} in (select value from json_each(?))
     and ${bedNights.night} >= ? and ${bedNights.night} < ? and ${bedNights.stayId} <> ?`,
);
const bedsBooked = statement(
  () => sql`
  select ${bedNights.bedId} from ${bedNights} where ${bedNights.night} >= ? and ${bedNights.night} < ? and ${bedNights.stayId} <> ?`,
);
const roomsBookedOf = statement(
  () => sql`
  select ${roomNights.roomId}, ${roomNights.night}, ${roomNights.booked} from ${roomNights}
   where ${roomNights.roomId} in (select value from json_each(?)) and ${roomNights.night} >= ? and ${roomNights.night} < ?`,
);
const roomsBooked = statement(
  () => sql`
  select ${roomNights.roomId}, ${roomNights.night}, ${roomNights.booked} from ${roomNights}
   where ${roomNights.night} >= ? and ${roomNights.night} < ?`,
);
// The nights the surge beds named are booked (decision 0026): they are counted apart from the rooms' beds.
const surgeBooked = statement(
  () => sql`
  select ${bedNights.bedId}, ${bedNights.night} from ${bedNights}
   where ${bedNights.bedId} in (select value from json_each(?))
     and ${bedNights.night} >= ? and ${bedNights.night} < ? and ${bedNights.stayId} <> ?`,
);
const notTakingBeds = statement(
  () => sql`
  select ${bedNights.bedId}, ${bedNights.night} from ${bedNights}
   where ${bedNights.bedId} in (select value from json_each(@outOfService))
     and ${bedNights.night} >= @first and ${bedNights.night} < @departure
  union all
  select ${bedNights.bedId}, ${bedNights.night} from ${bedNights}
   where ${bedNights.stayId} = @except and ${bedNights.night} >= @first and ${bedNights.night} < @departure
     and ${bedNights.bedId} not in (select value from json_each(@outOfService))`,
);
// Of the network, or of one shelter (its id last).
const closuresIn = (ofShelter: boolean) => sql`
  select ${shelterClosures.shelterId} as shelterId, ${shelterClosures.roomId} as roomId,
         ${shelterClosures.firstNight} as firstNight, ${shelterClosures.lastNight} as lastNight
    from ${shelterClosures} where ${shelterClosures.lastNight} >= ? and ${shelterClosures.firstNight} < ?
         ${ofShelter ? sql`and ${shelterClosures.shelterId} = ?` : sql.empty()}`;
const closuresOfNetwork = statement(() => closuresIn(false));
const closuresOfShelter = statement(() => closuresIn(true));

/**
 * Every shelter with the in-service beds free on every night of the range, for the matcher, and how
 * many beds each has free night by night (so a shelter that cannot take the household can say on which
 * night it is full). Expects expired holds to have been released already (see expireHolds). Read with
 * plain SQL in array mode: across a large network this is the hot read of every suggestion.
 */
export function networkAvailability(db: Db, options: AvailabilityOptions): ShelterAvailability[] {
  const { nights } = options;
  const shelterArgs = options.shelterId ? [options.shelterId] : [];
  const except = options.exceptStayId ?? '';
  // The columns the matcher reads, in name order sorted here: a city of thousands of private homes
  // (lib/homes) made SQLite's sort of whole rows the slowest part of the read. Code-unit order is
  // SQLite's binary order for every name outside the astral planes.
  const shelterRows = db
    .select({
      id: shelters.id,
      name: shelters.name,
      kind: shelters.kind,
      district: shelters.district,
      status: shelters.status,
      acceptsFamilies: shelters.acceptsFamilies,
      acceptsPets: shelters.acceptsPets,
      wheelchairAccessible: shelters.wheelchairAccessible,
      languages: shelters.languages,
      lastConfirmedAt: shelters.lastConfirmedAt,
      longestNights: shelters.longestNights,
      checkInFrom: shelters.checkInFrom,
      checkInUntil: shelters.checkInUntil,
      holdHours: shelters.holdHours,
      checkOutBy: shelters.checkOutBy,
      timeZone: shelters.timeZone,
    })
    .from(shelters)
    .where(
      and(
        options.shelterId ? eq(shelters.id, options.shelterId) : undefined,
        options.cityIds ? inArray(shelters.cityId, [...options.cityIds]) : undefined,
      ),
    )
    .all()
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // The rooms and beds as kept per connection (bedLayout); the beds booked on any night of the range,
  // from bed_nights' index by night alone; and the bookings per room and night from room_nights, less
  // the few bed-nights it counts that do not take a bed here: those of beds out of service and those
  // of the stay being moved (found by bed_nights' key and by stay).
  // A city's or a shelter's read looks up its own rooms and beds by key (bed_nights' and room_nights'
  // primary keys), rather than every bed booked across the network on those nights. A bed booked on
  // several of the nights comes once per night: the Set drops the repeats faster than SQL's DISTINCT,
  // which sorts every bed of a large network (the scale bench, docs/benchmarks.md).
  const layout = bedLayout(db);
  const narrowed = options.shelterId !== undefined || options.cityIds !== undefined;
  const ownIds = new Set(shelterRows.map((shelter) => shelter.id));
  const ownRooms = narrowed ? layout.rooms.filter((room) => ownIds.has(room.shelterId)) : [];
  const bookedBeds = new Set(
    (narrowed
      ? bedsBookedOf(db)
          .pluck()
          .all(
            JSON.stringify(ownRooms.flatMap((room) => [...room.inServiceBeds, ...room.surgeBeds].map((bed) => bed.id))),
            nights.firstNight,
            nights.departure,
            except,
          )
      : bedsBooked(db).pluck().all(nights.firstNight, nights.departure, except)) as string[],
  );
  const bookedRooms = (
    narrowed
      ? roomsBookedOf(db)
          .raw()
          .all(JSON.stringify(ownRooms.map((room) => room.id)), nights.firstNight, nights.departure)
      : roomsBooked(db).raw().all(nights.firstNight, nights.departure)
  ) as [string, string, number][];
  const notTaking = notTakingBeds(db)
    .raw()
    .all({ outOfService: JSON.stringify([...layout.notRegular]), first: nights.firstNight, departure: nights.departure, except }) as [
    string,
    string,
  ][];
  // Beds a checked-in guest keeps past their planned departure: not free, and one fewer each such night.
  const keptByGuests = nightsHeldPastDeparture(db, nights, except, narrowed ? [...ownIds] : undefined);
  for (const { bedId } of keptByGuests) bookedBeds.add(bedId);
  const surgeRooms = (narrowed ? ownRooms : layout.rooms).filter((room) => room.surgeBeds.length > 0);
  const surgeTaken = new Set(
    (surgeRooms.length === 0
      ? []
      : (surgeBooked(db)
          .raw()
          .all(
            JSON.stringify(surgeRooms.flatMap((room) => room.surgeBeds.map((bed) => bed.id))),
            nights.firstNight,
            nights.departure,
            except,
          ) as [string, string][])
    ).map(([bedId, night]) => `${bedId} ${night}`),
  );
  for (const { bedId, night } of keptByGuests) if (layout.surgeNights.has(bedId)) surgeTaken.add(`${bedId} ${night}`);
  const closures = (options.shelterId ? closuresOfShelter : closuresOfNetwork)(db).all(
    nights.firstNight,
    nights.departure,
    ...shelterArgs,
  ) as Closure[];

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
      door: {
        checkInFrom: shelter.checkInFrom,
        checkInUntil: shelter.checkInUntil,
        holdHours: shelter.holdHours,
        checkOutBy: shelter.checkOutBy,
        timeZone: shelter.timeZone,
      },
      inServiceBeds: 0,
      home: shelter.kind === 'home',
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

  const inServiceByRoom = new Map<string, number>();
  const freeByNight = new Map([...byShelter.keys()].map((id) => [id, rangeNights.map((night) => ({ night, free: 0, surge: 0 }))]));
  const lastNight = rangeNights[rangeNights.length - 1];
  for (const room of layout.rooms) {
    const shelter = byShelter.get(room.shelterId);
    if (!shelter) continue;
    const beds = room.inServiceBeds;
    shelter.inServiceBeds += beds.length;
    if (beds.length > 0) inServiceByRoom.set(room.id, beds.length);
    const closed = (closedRooms.get(room.id)?.size ?? 0) > 0 || (closedWhole.get(room.shelterId)?.size ?? 0) > 0;
    // A surge bed is offered only when it is laid out on every night asked for, after the room's own beds.
    const freeBeds = closed
      ? []
      : [
          ...beds.filter((bed) => !bookedBeds.has(bed.id)),
          ...room.surgeBeds
            .filter((bed) => bed.firstNight <= nights.firstNight && lastNight <= bed.lastNight && !bookedBeds.has(bed.id))
            .map(({ id, label }) => ({ id, label, surge: true })),
        ];
    shelter.rooms.push({ id: room.id, name: room.name, kind: room.kind, accessible: room.accessible, freeBeds });
  }
  // Night by night: in-service beds, less those in a closed room or shelter, less those booked.
  for (const shelter of byShelter.values()) {
    const slots = freeByNight.get(shelter.id)!;
    for (const slot of slots) {
      if (closedWhole.get(shelter.id)?.has(slot.night)) continue;
      for (const room of shelter.rooms) {
        if (closedRooms.get(room.id)?.has(slot.night)) continue;
        slot.free += inServiceByRoom.get(room.id) ?? 0;
        // Surge beds apart: those laid out that night, less those booked or kept by a guest that night.
        for (const bed of layout.roomById.get(room.id)!.surgeBeds)
          if (surgeOn(bed, slot.night) && !surgeTaken.has(`${bed.id} ${slot.night}`)) slot.surge++;
      }
    }
    shelter.freeByNight = slots;
  }
  // Each booked bed-night of an in-service bed takes one from its shelter's night.
  const nightIndex = new Map(rangeNights.map((night, index) => [night, index]));
  const booked = new Map<string, number[]>();
  const count = (shelterId: string | undefined, night: string, n: number) => {
    if (shelterId === undefined || !byShelter.has(shelterId)) return;
    let counts = booked.get(shelterId);
    if (!counts) booked.set(shelterId, (counts = rangeNights.map(() => 0)));
    counts[nightIndex.get(night)!] += n;
  };
  for (const [roomId, night, n] of bookedRooms) count(layout.roomById.get(roomId)?.shelterId, night, n);
  for (const [bedId, night] of notTaking) count(layout.roomOfBed.get(bedId)?.shelterId, night, -1);
  for (const { bedId, night } of keptByGuests) if (!layout.notRegular.has(bedId)) count(layout.roomOfBed.get(bedId)?.shelterId, night, 1);
  for (const [shelterId, counts] of booked) {
    const slots = freeByNight.get(shelterId)!;
    counts.forEach((n, i) => (slots[i].free = Math.max(0, slots[i].free - n)));
  }
  return [...byShelter.values()];
}
