import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import { arrivals, auditEvents } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { householdMeetingPoint, moveHouseholdTo, whereaboutsOf } from '@/lib/meeting-points/household';
import { createMeetingPoint, deleteMeetingPoint, updateMeetingPoint } from '@/lib/meeting-points/manage';
import { listMeetingPoints } from '@/lib/meeting-points/points';
import { createMeetingPointSchema } from '@/lib/validation/meeting-point';
import { asStaff, makeArrival, makeRoom, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { createTestDb, snapshot } from '../support/test-db';

const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

const NOW = new Date('2026-10-01T20:00:00Z');
const admin = asStaff(makeUser(db, 'admin'));
const guide = asStaff(makeUser(db, 'guide'));
const SABIHA = { name: 'Sabiha Gökçen', latitude: 40.8986, longitude: 29.3092 };

function refusal(fn: () => unknown): { code: string; field?: string } | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, ...(error.field ? { field: error.field } : {}) };
    throw error;
  }
  return undefined;
}
const auditOf = (id: string) =>
  db.select({ action: auditEvents.action, actorId: auditEvents.actorId }).from(auditEvents).where(eq(auditEvents.entityId, id)).all();

describe('meeting points, as an admin keeps them', () => {
  it('adds, renames and moves a point, each change in the audit trail', () => {
    const id = write(db, (tx) => createMeetingPoint(tx, admin, SABIHA, NOW));
    write(db, (tx) => updateMeetingPoint(tx, admin, { meetingPointId: id, name: 'SAW airport', latitude: 40.9, longitude: 29.31 }, NOW));
    expect(listMeetingPoints(db).find((p) => p.id === id)).toEqual({
      id,
      name: 'SAW airport',
      cityId: null,
      latitude: 40.9,
      longitude: 29.31,
    });
    expect(auditOf(id)).toEqual([
      { action: 'meetingPoint.create', actorId: admin.id },
      { action: 'meetingPoint.update', actorId: admin.id },
    ]);
  });

  it('refuses a second point of the same name (in any case) next to the name field, and writes nothing', () => {
    write(db, (tx) => createMeetingPoint(tx, admin, { name: 'Esenler bus station', latitude: 41.0383, longitude: 28.8936 }, NOW));
    const before = snapshot(sqlite);
    expect(
      refusal(() => write(db, (tx) => createMeetingPoint(tx, admin, { name: 'esenler BUS station', latitude: 41, longitude: 28 }, NOW))),
    ).toEqual({
      code: 'meetingPointNameTaken',
      field: 'name',
    });
    const other = write(db, (tx) =>
      createMeetingPoint(tx, admin, { name: 'Istanbul Airport', latitude: 41.2753, longitude: 28.7519 }, NOW),
    );
    const after = snapshot(sqlite);
    expect(
      refusal(() =>
        write(db, (tx) =>
          updateMeetingPoint(tx, admin, { meetingPointId: other, name: 'Esenler Bus Station', latitude: 41, longitude: 28 }, NOW),
        ),
      ),
    ).toEqual({
      code: 'meetingPointNameTaken',
      field: 'name',
    });
    expect(snapshot(sqlite)).toEqual(after);
    expect(after).not.toEqual(before);
  });

  it('lets only admins change points', () => {
    const before = snapshot(sqlite);
    expect(
      refusal(() => write(db, (tx) => createMeetingPoint(tx, guide, { name: 'Taksim', latitude: 41.04, longitude: 28.99 }, NOW)))?.code,
    ).toBe('notAllowed');
    const id = listMeetingPoints(db)[0].id;
    expect(refusal(() => write(db, (tx) => deleteMeetingPoint(tx, guide, id, NOW)))?.code).toBe('notAllowed');
    expect(snapshot(sqlite)).toEqual(before);
  });

  it('checks names and coordinates: 1 to 60 characters, latitude -90..90, longitude -180..180, a comma for a point', () => {
    const errors = (form: Record<string, string>) => {
      const parsed = createMeetingPointSchema.safeParse(form);
      return parsed.success ? parsed.data : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    };
    expect(errors({ name: ' ', latitude: '91', longitude: '-180.5' })).toEqual({
      name: 'required',
      latitude: 'invalidLatitude',
      longitude: 'invalidLongitude',
    });
    expect(errors({ name: 'x'.repeat(61), latitude: '', longitude: 'east' })).toEqual({
      name: 'tooLong',
      latitude: 'invalidLatitude',
      longitude: 'invalidLongitude',
    });
    expect(errors({ name: ' Esenler ', latitude: '41,0383', longitude: '-180' })).toEqual({
      name: 'Esenler',
      latitude: 41.0383,
      longitude: -180,
      names: { en: null, ru: null, tr: null, uk: null },
    });
  });

  it('deleting a point leaves the households that were there with no meeting point, and kept', () => {
    const id = write(db, (tx) => createMeetingPoint(tx, admin, { name: 'Old terminal', latitude: 40.98, longitude: 28.82 }, NOW));
    const household = makeArrival(db, { meetingPointId: id });
    expect(householdMeetingPoint(db, household.id)?.name).toBe('Old terminal');
    write(db, (tx) => deleteMeetingPoint(tx, admin, id, NOW));
    expect(db.select({ meetingPointId: arrivals.meetingPointId }).from(arrivals).where(eq(arrivals.id, household.id)).get()).toEqual({
      meetingPointId: null,
    });
    expect(auditOf(id).map((e) => e.action)).toContain('meetingPoint.delete');
    expect(refusal(() => write(db, (tx) => deleteMeetingPoint(tx, admin, id, NOW)))?.code).toBe('notFound');
  });
});

describe('where a household is now', () => {
  it('a guide moves a waiting household to a point; suggestions then measure from there to shelters with coordinates', () => {
    const point = write(db, (tx) =>
      createMeetingPoint(tx, admin, { name: 'Harem bus station', latitude: 41.0046, longitude: 29.0163 }, NOW),
    );
    const located = makeShelter(db, { latitude: 40.99, longitude: 29.02 });
    const unlocated = makeShelter(db, { latitude: null, longitude: null });
    const household = makeArrival(db);
    expect(whereaboutsOf(db, household.id)).toBeUndefined();
    write(db, (tx) => moveHouseholdTo(tx, guide, household.id, point, NOW));
    const whereabouts = whereaboutsOf(db, household.id)!;
    expect(whereabouts.from.name).toBe('Harem bus station');
    expect(whereabouts.shelters.has(located.id)).toBe(true);
    expect(whereabouts.shelters.has(unlocated.id)).toBe(false);
    write(db, (tx) => moveHouseholdTo(tx, guide, household.id, undefined, NOW));
    expect(householdMeetingPoint(db, household.id)).toBeNull();
  });

  it('refuses an unknown point next to the field, and a household the caller may not act on', () => {
    const household = makeArrival(db);
    const before = snapshot(sqlite);
    expect(refusal(() => write(db, (tx) => moveHouseholdTo(tx, guide, household.id, 'no-such-point', NOW)))).toEqual({
      code: 'unknownMeetingPoint',
      field: 'meetingPointId',
    });
    // Reserved by another guide: not this guide's to change.
    const shelter = makeShelter(db, { status: 'open' });
    const held = makeArrival(db, { status: 'placed' });
    makeStay(db, { arrivalId: held.id, shelterId: shelter.id, bedIds: [makeRoom(db, shelter.id, 'mixed', 1).beds[0].id] });
    const host = asStaff(makeUser(db, 'host', { shelterIds: [shelter.id] }), [shelter.id]);
    const point = listMeetingPoints(db)[0].id;
    expect(refusal(() => write(db, (tx) => moveHouseholdTo(tx, guide, held.id, point, NOW)))?.code).toBe('notAllowed');
    expect(refusal(() => write(db, (tx) => moveHouseholdTo(tx, host, held.id, point, NOW)))?.code).toBe('notAllowed');
    const afterSetup = snapshot(sqlite);
    expect(afterSetup).not.toEqual(before);
    expect(refusal(() => write(db, (tx) => moveHouseholdTo(tx, guide, household.id, 'no-such-point', NOW)))?.code).toBe(
      'unknownMeetingPoint',
    );
    expect(snapshot(sqlite)).toEqual(afterSetup);
  });
});
