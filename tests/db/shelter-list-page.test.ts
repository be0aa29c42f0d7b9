import { afterAll, describe, expect, it } from 'vitest';
import { shelterListPage, type ShelterListPage } from '@/lib/shelters/list-page';
import { asStaff, makeArrival, makeCity, makeRoom, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const test = createTestDb();
const { db } = test;
afterAll(test.cleanup);

// 15:00 in Istanbul.
const NOW = new Date('2026-10-01T12:00:00Z');
const istanbul = makeCity(db, 'Istanbul', { timeZone: 'Europe/Istanbul' }).id;
const yerevan = makeCity(db, 'Yerevan', { timeZone: 'Asia/Yerevan' }).id;
const fatih = makeShelter(db, { status: 'open', name: 'Fatih', cityId: istanbul, address: 'Kırma Tulumba Sk. 4' });
const fatihBeds = makeRoom(db, fatih.id, 'mixed', 3).beds.map((bed) => bed.id);
const balat = makeShelter(db, { status: 'paused', name: 'Balat', cityId: istanbul });
makeShelter(db, { status: 'open', name: 'Kentron', cityId: yerevan, timeZone: 'Asia/Yerevan' });
makeStay(db, {
  arrivalId: makeArrival(db, { cityId: istanbul }).id,
  shelterId: fatih.id,
  bedIds: [fatihBeds[0]],
  holdUntil: new Date(NOW.getTime() + 3_600_000),
});

const host = asStaff(makeUser(db, 'host', { shelterIds: [balat.id] }), [balat.id]);
const istanbulGuide = asStaff(makeUser(db, 'guide', { cityIds: [istanbul] }), [], [istanbul]);
const admin = asStaff(makeUser(db, 'admin'));
const yerevanAdmin = asStaff(makeUser(db, 'admin', { cityIds: [yerevan] }), [], [yerevan]);
const names = (view: ShelterListPage) => view.list.rows.map((shelter) => shelter.name);

describe("the shelters page's view", () => {
  it('lists a host their own shelter only, and offers them no new one', () => {
    const view = shelterListPage(db, host, 1, NOW, 'en');
    expect(view.isHost).toBe(true);
    expect(names(view)).toEqual(['Balat']);
    expect(view.newShelter).toBeNull();
  });

  it("lists a guide the open shelters of their city, with tonight's beds, and never an address", () => {
    const view = shelterListPage(db, istanbulGuide, 1, NOW, 'en');
    expect(names(view)).toEqual(['Fatih']);
    expect(view.list.rows[0]).toMatchObject({ cityName: 'Istanbul', counts: { total: 3, reserved: 1, free: 2 } });
    expect(JSON.stringify(view)).not.toContain('Tulumba');
    expect(view.newShelter).toBeNull();
  });

  it('lists an admin every shelter city by city, and offers every city for a new one', () => {
    const view = shelterListPage(db, admin, 1, NOW, 'en');
    expect(view.byCity).toBe(true);
    expect(view.list.rows.map((shelter) => [shelter.cityName, shelter.name])).toEqual([
      ['Istanbul', 'Balat'],
      ['Istanbul', 'Fatih'],
      ['Yerevan', 'Kentron'],
    ]);
    expect(view.newShelter?.cities.map((city) => city.name).sort()).toEqual(['Istanbul', 'Yerevan']);
    expect(view.newShelter?.preselected).toBeUndefined();
  });

  it("gives an admin of one city that city's shelters, and that city already chosen for a new one", () => {
    const view = shelterListPage(db, yerevanAdmin, 1, NOW, 'en');
    expect(names(view)).toEqual(['Kentron']);
    expect(view.newShelter).toEqual({ cities: [{ id: yerevan, name: 'Yerevan' }], preselected: yerevan });
  });

  it('says when the page asked for is past the last one', () => {
    expect(shelterListPage(db, admin, 5, NOW, 'en').list.pageOutOfRange).toBe(true);
  });
});
