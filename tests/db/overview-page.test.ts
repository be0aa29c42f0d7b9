import { afterAll, describe, expect, it } from 'vitest';
import { aheadPage } from '@/lib/occupancy/ahead-page';
import { overviewPage } from '@/lib/occupancy/overview-page';
import { asStaff, makeArrival, makeCity, makeRoom, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const test = createTestDb();
const { db } = test;
afterAll(test.cleanup);

// 15:00 in Istanbul.
const NOW = new Date('2026-10-01T12:00:00Z');
const HOUR = 3_600_000;
const istanbul = makeCity(db, 'Istanbul', { slug: 'istanbul', timeZone: 'Europe/Istanbul' });
const yerevan = makeCity(db, 'Yerevan', { slug: 'yerevan', timeZone: 'Asia/Yerevan' });
const fatih = makeShelter(db, { status: 'open', name: 'Fatih', cityId: istanbul.id, lastConfirmedAt: NOW });
const fatihBeds = makeRoom(db, fatih.id, 'mixed', 4).beds.map((bed) => bed.id);
const kentron = makeShelter(db, { status: 'open', name: 'Kentron', cityId: yerevan.id, timeZone: 'Asia/Yerevan', lastConfirmedAt: NOW });
makeRoom(db, kentron.id, 'mixed', 6);

makeArrival(db, { alias: 'Waiting in Istanbul', cityId: istanbul.id, arrivedAt: new Date(NOW.getTime() - 2 * HOUR) });
makeArrival(db, { alias: 'Waiting in Yerevan', cityId: yerevan.id, arrivedAt: new Date(NOW.getTime() - HOUR) });
const placed = makeArrival(db, { alias: 'Placed', cityId: istanbul.id, arrivedAt: new Date(NOW.getTime() - 3 * HOUR) });
makeStay(db, { arrivalId: placed.id, shelterId: fatih.id, bedIds: [fatihBeds[0]], holdUntil: new Date(NOW.getTime() + 4 * HOUR) });

const admin = asStaff(makeUser(db, 'admin'));
const yerevanGuide = asStaff(makeUser(db, 'guide', { cityIds: [yerevan.id] }), [], [yerevan.id]);
const host = asStaff(makeUser(db, 'host', { shelterIds: [fatih.id] }), [fatih.id]);
const table = { sort: 'name', dir: 'asc', page: 1, attention: false } as const;

describe("the occupancy page's view", () => {
  it("counts every city's beds and households for an admin of all of them, with the way to the history", () => {
    const view = overviewPage(db, admin, { table }, NOW, 'en')!;
    expect(view.totals).toMatchObject({ inService: 10, reserved: 1 });
    expect(view.free).toEqual({ open: 9, paused: 0 });
    expect(view.waiting.households).toBe(2);
    expect(view.shelters.rows.map((shelter) => shelter.name)).toEqual(['Fatih', 'Kentron']);
    expect(view.onlyCity).toBeNull();
    expect(view.mayReadHistory).toBe(true);
  });

  it("gives a guide of one city that city's figures and shelters only, and no history", () => {
    const view = overviewPage(db, yerevanGuide, { table }, NOW, 'en')!;
    expect(view.onlyCity?.name).toBe('Yerevan');
    expect(view.totals).toMatchObject({ inService: 6, reserved: 0 });
    expect(view.waiting.households).toBe(1);
    expect(view.shelters.rows.map((shelter) => shelter.name)).toEqual(['Kentron']);
    expect(view.mayReadHistory).toBe(false);
    // Another city asked for by name is unknown to them, and their own is shown instead.
    const asked = overviewPage(db, yerevanGuide, { city: 'istanbul', table }, NOW, 'en')!;
    expect(asked.area.unknownCity).toBe(true);
    expect(asked.shelters.rows.map((shelter) => shelter.name)).toEqual(['Kentron']);
  });

  it('narrows to one city asked for, and keeps it in the table’s links', () => {
    const view = overviewPage(db, admin, { city: 'istanbul', table }, NOW, 'en')!;
    expect(view.table.city).toBe('istanbul');
    expect(view.shelters.rows.map((shelter) => shelter.name)).toEqual(['Fatih']);
    expect(view.waiting.households).toBe(1);
  });

  it('sorts and pages the shelters as the table asks', () => {
    const view = overviewPage(db, admin, { table: { ...table, sort: 'free', dir: 'desc' } }, NOW, 'en')!;
    expect(view.shelters.rows.map((shelter) => shelter.name)).toEqual(['Kentron', 'Fatih']);
    expect(overviewPage(db, admin, { table: { ...table, page: 3 } }, NOW, 'en')!.shelters.pageOutOfRange).toBe(true);
  });

  it('is nothing for a host', () => {
    expect(overviewPage(db, host, { table }, NOW, 'en')).toBeNull();
  });
});

describe('the nights ahead, on their own page', () => {
  it("are the caller's area's: a guide of Yerevan gets Kentron's 6 beds and Yerevan's one woman waiting", () => {
    const view = aheadPage(db, yerevanGuide, { table }, NOW, 'en')!;
    expect(view.forecast.shelters.map((shelter) => shelter.name)).toEqual(['Kentron']);
    expect(view.forecast.nights[0]).toMatchObject({ certain: 6, waiting: { men: 0, women: 1 } });
  });

  it("count tonight's free beds as the occupancy page does, for the shelters of the same page of its table", () => {
    const now = overviewPage(db, admin, { table }, NOW, 'en')!;
    const ahead = aheadPage(db, admin, { table }, NOW, 'en')!;
    expect(ahead.forecast.nights[0].certain).toBe(now.free.open);
    expect(ahead.forecast.shelters.map((shelter) => shelter.name)).toEqual(now.shelters.rows.map((shelter) => shelter.name));
    // Narrowed to a city as the occupancy page is.
    const istanbulOnly = aheadPage(db, admin, { city: 'istanbul', table }, NOW, 'en')!;
    expect(istanbulOnly.forecast.shelters.map((shelter) => shelter.name)).toEqual(['Fatih']);
    expect(istanbulOnly.forecast.nights[0].certain).toBe(3);
  });

  it('are not for a host', () => {
    expect(aheadPage(db, host, { table }, NOW, 'en')).toBeNull();
  });
});
