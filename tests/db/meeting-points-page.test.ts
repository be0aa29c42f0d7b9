import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import { createMeetingPoint } from '@/lib/meeting-points/manage';
import { meetingPointsPage } from '@/lib/meeting-points/meeting-points-page';
import { asStaff, makeCity, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const test = createTestDb();
const { db } = test;
afterAll(test.cleanup);

const NOW = new Date('2026-10-01T09:00:00Z');
const istanbul = makeCity(db, 'Istanbul', { timeZone: 'Europe/Istanbul' }).id;
const yerevan = makeCity(db, 'Yerevan', { timeZone: 'Asia/Yerevan' }).id;

const admin = asStaff(makeUser(db, 'admin'));
const yerevanAdmin = asStaff(makeUser(db, 'admin', { cityIds: [yerevan] }), [], [yerevan]);
const guide = asStaff(makeUser(db, 'guide'));
const sabiha = write(db, (tx) =>
  createMeetingPoint(
    tx,
    admin,
    {
      name: 'Sabiha Gökçen',
      latitude: 40.8986,
      longitude: 29.3092,
      cityId: istanbul,
      names: { en: 'Sabiha Gokcen airport', ru: 'Аэропорт Сабиха Гёкчен', tr: null, uk: null },
    },
    NOW,
  ),
);
const zvartnots = write(db, (tx) =>
  createMeetingPoint(tx, admin, { name: 'Zvartnots', latitude: 40.1473, longitude: 44.3959, cityId: yerevan }, NOW),
);

describe("the meeting points page's view", () => {
  it('gives an admin of every city every point under its first name, with its names in other languages to edit', () => {
    const view = meetingPointsPage(db, admin, 'en')!;
    expect(view.points.map((point) => point.name)).toEqual(['Sabiha Gökçen', 'Zvartnots']);
    expect(view.names[sabiha]).toMatchObject({ en: 'Sabiha Gokcen airport', ru: 'Аэропорт Сабиха Гёкчен' });
    expect(view.names[zvartnots]).toBeUndefined();
    expect(view.cities.map((city) => city.name).sort()).toEqual(['Istanbul', 'Yerevan']);
  });

  it("gives an admin of one city that city's points and that city only", () => {
    const view = meetingPointsPage(db, yerevanAdmin, 'en')!;
    expect(view.points.map((point) => point.id)).toEqual([zvartnots]);
    expect(Object.keys(view.names)).toEqual([]);
    expect(view.cities).toEqual([{ id: yerevan, name: 'Yerevan' }]);
  });

  it('is nothing for a guide, who keeps no meeting points', () => {
    expect(meetingPointsPage(db, guide, 'en')).toBeNull();
  });
});
