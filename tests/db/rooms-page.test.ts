import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { beds } from '@/db/schema';
import { writeRoomNames } from '@/lib/shelters/room-names';
import { roomsPage } from '@/lib/shelters/rooms-page';
import { asStaff, makeArrival, makeCity, makeRoom, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const test = createTestDb();
const { db } = test;
afterAll(test.cleanup);

// 15:00 in Istanbul.
const NOW = new Date('2026-10-01T12:00:00Z');
const istanbul = makeCity(db, 'Istanbul', { timeZone: 'Europe/Istanbul' }).id;
const yerevan = makeCity(db, 'Yerevan', { timeZone: 'Asia/Yerevan' }).id;
const shelter = makeShelter(db, { status: 'open', name: 'Fatih', cityId: istanbul });
const dorm = makeRoom(db, shelter.id, 'men', 3);
writeRoomNames(db, dorm.room.id, { en: "Men's room", ru: 'Мужская комната', tr: null, uk: null });
db.update(beds).set({ outOfServiceReason: 'Broken frame' }).where(eq(beds.id, dorm.beds[2].id)).run();
makeStay(db, {
  arrivalId: makeArrival(db, { alias: 'Timur', cityId: istanbul, adultMen: 1, adultWomen: 0 }).id,
  shelterId: shelter.id,
  bedIds: [dorm.beds[0].id],
  holdUntil: new Date(NOW.getTime() + 3_600_000),
});

const host = asStaff(makeUser(db, 'host', { shelterIds: [shelter.id] }), [shelter.id]);
const otherHost = asStaff(makeUser(db, 'host', { shelterIds: [] }), []);
const guide = asStaff(makeUser(db, 'guide'));
const yerevanAdmin = asStaff(makeUser(db, 'admin', { cityIds: [yerevan] }), [], [yerevan]);

describe("the rooms page's view", () => {
  it("gives a host their shelter's rooms named in the screen's language, each bed's state tonight, and nobody's name", () => {
    const view = roomsPage(db, host, shelter.id, NOW, 'ru')!;
    expect(view.shelter).toEqual({ id: shelter.id, name: 'Fatih' });
    const [room] = view.rooms;
    expect(room).toMatchObject({ name: dorm.room.name, localName: 'Мужская комната', kind: 'men', accessible: false });
    expect(room.names).toEqual({ en: "Men's room", ru: 'Мужская комната' });
    expect(room.beds.map((bed) => [bed.label, bed.state, bed.outOfServiceReason])).toEqual([
      ['1', 'reserved', null],
      ['2', 'free', null],
      ['3', 'out_of_service', 'Broken frame'],
    ]);
    expect(room.counts).toMatchObject({ total: 3, reserved: 1, free: 1, outOfService: 1 });
    expect(JSON.stringify(view)).not.toContain('Timur');
  });

  it('names a room by its own name where its host gave none in that language', () => {
    expect(roomsPage(db, host, shelter.id, NOW, 'tr')!.rooms[0].localName).toBe(dorm.room.name);
  });

  it('is nothing for whoever may not change the shelter: a guide, another host, an admin of another city', () => {
    expect(roomsPage(db, guide, shelter.id, NOW, 'en')).toBeNull();
    expect(roomsPage(db, otherHost, shelter.id, NOW, 'en')).toBeNull();
    expect(roomsPage(db, yerevanAdmin, shelter.id, NOW, 'en')).toBeNull();
    expect(roomsPage(db, host, 'no-such-shelter', NOW, 'en')).toBeNull();
  });
});
