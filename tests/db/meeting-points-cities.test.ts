import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import type { DomainError } from '@/lib/errors';
import { createMeetingPoint, deleteMeetingPoint, updateMeetingPoint } from '@/lib/meeting-points/manage';
import { asStaff, makeCity, makeUser } from '../support/fixtures';
import { createTestDb, snapshot } from '../support/test-db';

// A city's meeting points are its admins'; a point with no city is every city's (issue 25, point 1).
const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

const NOW = new Date('2026-12-06T12:00:00Z');
const istanbul = makeCity(db, 'Istanbul');
const yerevan = makeCity(db, 'Yerevan', { timeZone: 'Asia/Yerevan' });
const everyCity = asStaff(makeUser(db, 'admin'));
const istanbulAdmin = asStaff(makeUser(db, 'admin', { cityIds: [istanbul.id] }), [], [istanbul.id]);
const point = (cityId: string, name: string) => ({ name, cityId, latitude: 40.1, longitude: 44.4 });
const add = (user: typeof everyCity, cityId: string, name: string) =>
  write(db, (tx) => createMeetingPoint(tx, user, point(cityId, name), NOW));
const refusal = (run: () => unknown) => {
  const before = snapshot(sqlite);
  let code: string | undefined;
  try {
    run();
  } catch (error) {
    code = (error as DomainError).code;
  }
  expect(snapshot(sqlite)).toEqual(before);
  return code;
};

describe('meeting points by city', () => {
  it('an admin of Istanbul adds, renames and removes Istanbul’s points', () => {
    const id = add(istanbulAdmin, istanbul.id, 'Sabiha Gökçen');
    write(db, (tx) => updateMeetingPoint(tx, istanbulAdmin, { ...point(istanbul.id, 'Sabiha Gökçen Airport'), meetingPointId: id }, NOW));
    write(db, (tx) => deleteMeetingPoint(tx, istanbulAdmin, id, NOW));
  });

  it('an admin of Istanbul cannot add a point in Yerevan, move one there, or touch Yerevan’s: nothing is written', () => {
    const zvartnots = add(everyCity, yerevan.id, 'Zvartnots');
    const ist = add(istanbulAdmin, istanbul.id, 'Istanbul Airport');
    expect(refusal(() => add(istanbulAdmin, yerevan.id, 'Yerevan bus station'))).toBe('cityNotHeld');
    expect(
      refusal(() =>
        write(db, (tx) => updateMeetingPoint(tx, istanbulAdmin, { ...point(yerevan.id, 'Istanbul Airport'), meetingPointId: ist }, NOW)),
      ),
    ).toBe('cityNotHeld');
    // Another city's point looks like one that does not exist.
    expect(
      refusal(() =>
        write(db, (tx) => updateMeetingPoint(tx, istanbulAdmin, { ...point(istanbul.id, 'Mine now'), meetingPointId: zvartnots }, NOW)),
      ),
    ).toBe('notFound');
    expect(refusal(() => write(db, (tx) => deleteMeetingPoint(tx, istanbulAdmin, zvartnots, NOW)))).toBe('notFound');
  });

  it('a point with no city is kept by an admin of every city only', () => {
    const id = (
      sqlite
        .prepare(
          "insert into meeting_points (id, name, latitude, longitude, created_at) values ('nocity', 'Anywhere', 41, 29, 0) returning id",
        )
        .get() as { id: string }
    ).id;
    expect(refusal(() => write(db, (tx) => deleteMeetingPoint(tx, istanbulAdmin, id, NOW)))).toBe('notFound');
    write(db, (tx) => deleteMeetingPoint(tx, everyCity, id, NOW));
  });
});
