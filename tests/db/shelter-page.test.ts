import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import { postShelterNotice } from '@/lib/notices/post';
import { shelterPage } from '@/lib/shelters/shelter-page';
import { asStaff, makeArrival, makeCity, makeRoom, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const test = createTestDb();
const { db } = test;
afterAll(test.cleanup);

// 12:00 in Istanbul.
const NOW = new Date('2026-12-01T09:00:00Z');
const HOUR = 3_600_000;
const istanbul = makeCity(db, 'Istanbul', { timeZone: 'Europe/Istanbul' }).id;
const yerevan = makeCity(db, 'Yerevan', { timeZone: 'Asia/Yerevan' }).id;

const fatih = makeShelter(db, { status: 'open', name: 'Fatih', cityId: istanbul, address: 'Kırma Tulumba Sk. 4' });
const fatihBeds = makeRoom(db, fatih.id, 'mixed', 4).beds.map((bed) => bed.id);
const paused = makeShelter(db, { status: 'paused', name: 'Paused', cityId: istanbul });
const kentron = makeShelter(db, { status: 'open', name: 'Kentron', cityId: yerevan, timeZone: 'Asia/Yerevan' });

const host = asStaff(makeUser(db, 'host', { shelterIds: [fatih.id] }), [fatih.id]);
const pausedHost = asStaff(makeUser(db, 'host', { shelterIds: [paused.id] }), [paused.id]);
const guide = asStaff(makeUser(db, 'guide'));
const istanbulAdmin = asStaff(makeUser(db, 'admin', { cityIds: [istanbul] }), [], [istanbul]);

const guest = (alias: string, bed: number, holdUntil: Date) =>
  makeStay(db, { arrivalId: makeArrival(db, { alias, cityId: istanbul }).id, shelterId: fatih.id, bedIds: [fatihBeds[bed]], holdUntil });
guest('Coming', 0, new Date(NOW.getTime() + 5 * HOUR));
// Its hold ran out an hour ago, and nothing has let it go yet.
guest('Lapsed', 1, new Date(NOW.getTime() - HOUR));

write(db, (tx) =>
  postShelterNotice(
    tx,
    host,
    { shelterId: fatih.id, textRu: null, textEn: 'Water is off until 18:00', textTr: null, textUk: null, endsAt: '2026-12-01T18:00' },
    NOW,
  ),
);

const aliases = (list: { household: { alias: string | null } }[]) => list.map((stay) => stay.household.alias);

describe("a shelter page's view", () => {
  it('lets go of a hold past its time before anything is shown: its household is not expected and its bed is free', () => {
    const view = shelterPage(db, host, fatih.id, NOW, 'en')!;
    expect(aliases(view.stays.expected)).toEqual(['Coming']);
    expect(aliases(view.day.expected)).toEqual(['Coming']);
    expect(view.counts).toMatchObject({ total: 4, reserved: 1, free: 3 });
  });

  it("gives a host their own shelter to change, with its guests' notices and their names", () => {
    const view = shelterPage(db, host, fatih.id, NOW, 'en')!;
    expect(view.shelter.name).toBe('Fatih');
    expect(view.editable).toBe(true);
    expect(view.isHost).toBe(true);
    expect(view.notices?.map((notice) => notice.texts.map((text) => text.text))).toEqual([['Water is off until 18:00']]);
    expect(view.rooms).toHaveLength(1);
  });

  it("gives a host nothing of another host's shelter, the same as an unknown one", () => {
    expect(shelterPage(db, pausedHost, fatih.id, NOW, 'en')).toBeNull();
    expect(shelterPage(db, host, paused.id, NOW, 'en')).toBeNull();
    expect(shelterPage(db, host, 'no-such-shelter', NOW, 'en')).toBeNull();
  });

  it('shows a guide an open shelter read-only, without its notices or the names of guests they did not place', () => {
    const view = shelterPage(db, guide, fatih.id, NOW, 'en')!;
    expect(view.editable).toBe(false);
    expect(view.notices).toBeNull();
    expect(aliases(view.stays.expected)).toEqual([]);
    expect(shelterPage(db, guide, paused.id, NOW, 'en')).toBeNull();
  });

  it('opens to an admin the shelters of their cities only, unnamed guests and all, and never the address', () => {
    const view = shelterPage(db, istanbulAdmin, fatih.id, NOW, 'en')!;
    expect(view.editable).toBe(true);
    expect(view.stays.expected.every((stay) => stay.household.alias === null)).toBe(true);
    expect(JSON.stringify(view.shelter)).not.toContain('Tulumba');
    expect(shelterPage(db, istanbulAdmin, kentron.id, NOW, 'en')).toBeNull();
  });
});
