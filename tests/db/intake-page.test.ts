import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import { intakePage } from '@/lib/households/intake-page';
import { createMeetingPoint } from '@/lib/meeting-points/manage';
import { asStaff, makeCity, makeShelter, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const test = createTestDb();
const { db } = test;
afterAll(test.cleanup);

// 12:00 in Istanbul, 13:00 in Yerevan.
const NOW = new Date('2026-10-01T09:00:00Z');
const istanbul = makeCity(db, 'Istanbul', { timeZone: 'Europe/Istanbul' }).id;
const yerevan = makeCity(db, 'Yerevan', { timeZone: 'Asia/Yerevan' }).id;
const shelter = makeShelter(db, { cityId: istanbul });

const admin = asStaff(makeUser(db, 'admin'));
const yerevanGuide = asStaff(makeUser(db, 'guide', { cityIds: [yerevan] }), [], [yerevan]);
const guide = asStaff(makeUser(db, 'guide'));
const host = asStaff(makeUser(db, 'host', { shelterIds: [shelter.id] }), [shelter.id]);
write(db, (tx) => createMeetingPoint(tx, admin, { name: 'Sabiha Gökçen', latitude: 40.8986, longitude: 29.3092, cityId: istanbul }, NOW));
write(db, (tx) => createMeetingPoint(tx, admin, { name: 'Zvartnots', latitude: 40.1473, longitude: 44.3959, cityId: yerevan }, NOW));

describe("the intake page's view", () => {
  it("offers a guide of one city that city as where the household is now, already chosen, with its clock's time", () => {
    const view = intakePage(db, yerevanGuide, NOW, 'en')!;
    expect(view.cities.here).toEqual([{ id: yerevan, name: 'Yerevan', now: '2026-10-01T13:00' }]);
    expect(view.cities.preselected).toBe(yerevan);
    expect(view.arrivedAtDefault).toBe('2026-10-01T13:00');
    // Where it is going: any city.
    expect(view.cities.there.map((city) => city.name).sort()).toEqual(['Istanbul', 'Yerevan']);
    expect(view.meetingPoints.map((point) => point.name)).toEqual(['Zvartnots']);
  });

  it("offers a guide of every city every city and meeting point, none chosen, on the network's clock", () => {
    const view = intakePage(db, guide, NOW, 'en')!;
    expect(view.cities.here.map((city) => city.name).sort()).toEqual(['Istanbul', 'Yerevan']);
    expect(view.cities.preselected).toBeUndefined();
    expect(view.arrivedAtDefault).toBe('2026-10-01T12:00');
    expect(view.meetingPoints.map((point) => point.name).sort()).toEqual(['Sabiha Gökçen', 'Zvartnots']);
    expect(view.shownLanguages).toBeGreaterThan(0);
    expect(view.languages.length).toBeGreaterThanOrEqual(view.shownLanguages);
  });

  it('is nothing for a host, who registers no households', () => {
    expect(intakePage(db, host, NOW, 'en')).toBeNull();
  });
});
