import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { bedNights, beds, rooms, stays } from '@/db/schema';
import { addNights, nightsOf, tonightIn, type NightRange } from '@/lib/calendar/nights';
import { makeArrival, makeRoom, makeShelter, makeStay, makeUser } from './fixtures';

/**
 * A stay with nights, as a reservation with dates leaves it: the stay's first night and departure,
 * and one bed_nights row per bed per night.
 */
export function makeDatedStay(
  db: Db,
  input: {
    shelterId: string;
    bedIds: string[];
    status?: 'reserved' | 'checked_in';
    holdUntil?: Date;
    alias?: string;
    contact?: string;
    needNote?: string;
  } & NightRange,
) {
  const details = Object.fromEntries(
    Object.entries({ alias: input.alias, contact: input.contact, needNote: input.needNote }).filter(([, value]) => value !== undefined),
  );
  const arrival = makeArrival(db, details);
  const stay = makeStay(db, {
    arrivalId: arrival.id,
    shelterId: input.shelterId,
    bedIds: input.bedIds,
    status: input.status,
    holdUntil: input.holdUntil,
    firstNight: input.firstNight,
    departure: input.departure,
  });
  return { ...stay, firstNight: input.firstNight, departure: input.departure, arrival };
}

/** Gives an existing stay other nights, and the ledger the same. */
export function datedStay(db: Db, stayId: string, bedIds: string[], range: NightRange) {
  db.delete(bedNights).where(eq(bedNights.stayId, stayId)).run();
  db.update(stays).set({ firstNight: range.firstNight, departure: range.departure }).where(eq(stays.id, stayId)).run();
  for (const bedId of bedIds)
    for (const night of nightsOf(range)) db.insert(bedNights).values({ bedId, night, stayId }).onConflictDoNothing().run();
}

/**
 * A paused shelter of its own (so no other test's guide is offered it) with its own host, two rooms
 * and a day's worth of guests, for the host's-day end-to-end test and its screenshots: Daria arrives
 * tonight, Emre leaves tomorrow, Galina stayed past yesterday's departure.
 */
export function buildHarbourHouse(db: Db, now: Date, passwordHash: string) {
  const shelter = makeShelter(db, {
    name: 'Harbour House',
    district: 'Üsküdar',
    status: 'paused',
    timeZone: 'Europe/Istanbul',
    checkOutBy: '11:00',
  });
  const blue = makeRoom(db, shelter.id, 'mixed', 4);
  const garden = makeRoom(db, shelter.id, 'family', 3);
  db.update(rooms).set({ name: 'Blue room' }).where(eq(rooms.id, blue.room.id)).run();
  db.update(rooms).set({ name: 'Garden room' }).where(eq(rooms.id, garden.room.id)).run();
  db.update(beds).set({ outOfServiceReason: 'Broken frame' }).where(eq(beds.id, blue.beds[3].id)).run();
  const host = makeUser(db, 'host', { shelterIds: [shelter.id], email: 'harbour-host@waystation.test', passwordHash });
  const tonight = tonightIn(shelter.timeZone, now);
  const holdUntil = new Date(now.getTime() + 24 * 3600_000);
  const at = (n: number) => addNights(tonight, n);
  makeDatedStay(db, {
    shelterId: shelter.id,
    bedIds: [blue.beds[0].id],
    status: 'reserved',
    firstNight: at(0),
    departure: at(3),
    alias: 'Daria',
    needNote: 'Arrives by the late ferry',
    contact: '+90 555 010 0001',
    holdUntil,
  });
  makeDatedStay(db, {
    shelterId: shelter.id,
    bedIds: [blue.beds[1].id],
    status: 'checked_in',
    firstNight: at(-2),
    departure: at(1),
    alias: 'Emre',
    contact: '+90 555 010 0002',
    holdUntil,
  });
  makeDatedStay(db, {
    shelterId: shelter.id,
    bedIds: [blue.beds[2].id],
    status: 'checked_in',
    firstNight: at(-3),
    departure: at(-1),
    alias: 'Galina',
    contact: '+90 555 010 0003',
    holdUntil,
  });
  makeDatedStay(db, {
    shelterId: shelter.id,
    bedIds: [garden.beds[0].id, garden.beds[1].id],
    status: 'reserved',
    firstNight: at(2),
    departure: at(6),
    alias: 'Petrov family',
    holdUntil,
  });
  return { shelter, blue, garden, host, tonight };
}
