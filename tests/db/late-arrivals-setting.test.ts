import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '@/lib/errors';
import { updateLateArrivals } from '@/lib/shelters/late-arrivals';
import { lateArrivalsSchema } from '@/lib/validation/shelter';
import { asStaff, makeShelter, makeUser } from '../support/fixtures';
import { createTestDb, snapshot } from '../support/test-db';

// The host's terms for late guests, on the shelter's profile page: what the arrival's page then promises.
const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);
const NOW = new Date('2026-11-30T12:00:00Z');

const shelter = makeShelter(db, { status: 'open', checkInFrom: '14:00', checkInUntil: '23:00' });
const host = asStaff(makeUser(db, 'host', { shelterIds: [shelter.id] }), [shelter.id]);
const terms = () =>
  sqlite.prepare('select late_grace_minutes as grace, latest_arrival as latest from shelters where id = ?').get(shelter.id);
const parse = (form: Record<string, string>) => lateArrivalsSchema.safeParse({ shelterId: shelter.id, ...form });

describe('a shelter’s terms for late guests', () => {
  it('start at 30 minutes of grace and the door’s closing as the latest arrival', () => {
    expect(terms()).toEqual({ grace: 30, latest: null });
  });

  it('take a grace and a latest hour after midnight; a blank latest hour is the door’s closing again', () => {
    updateLateArrivals(db, host, parse({ lateGraceMinutes: '45', latestArrival: '01:30' }).data!, NOW);
    expect(terms()).toEqual({ grace: 45, latest: '01:30' });
    updateLateArrivals(db, host, parse({ lateGraceMinutes: '0', latestArrival: '' }).data!, NOW);
    expect(terms()).toEqual({ grace: 0, latest: null });
  });

  it('refuse a grace outside 0–180 minutes and a malformed hour, field by field', () => {
    const issues = (form: Record<string, string>) => parse(form).error?.issues.map((issue) => [issue.path.join('.'), issue.message]);
    expect(issues({ lateGraceMinutes: '181', latestArrival: '' })).toEqual([['lateGraceMinutes', 'lateGraceRange']]);
    expect(issues({ lateGraceMinutes: '-5', latestArrival: '' })).toEqual([['lateGraceMinutes', 'lateGraceRange']]);
    expect(issues({ lateGraceMinutes: 'soon', latestArrival: '24:10' })).toEqual([
      ['lateGraceMinutes', 'invalidNumber'],
      ['latestArrival', 'invalidTime'],
    ]);
  });

  it('refuse a latest hour before the door closes (it would turn away guests the window promises to take), writing nothing', () => {
    const before = snapshot(sqlite);
    for (const latest of ['22:30', '15:00']) {
      expect(() => updateLateArrivals(db, host, parse({ lateGraceMinutes: '30', latestArrival: latest }).data!, NOW)).toThrow(
        new DomainError('latestBeforeClosing', 'latestArrival'),
      );
    }
    expect(snapshot(sqlite)).toBe(before);
    updateLateArrivals(db, host, parse({ lateGraceMinutes: '30', latestArrival: '23:00' }).data!, NOW);
    expect(terms()).toEqual({ grace: 30, latest: '23:00' });
  });

  it('are this shelter’s host’s to change, not another shelter’s host’s', () => {
    const other = asStaff(makeUser(db, 'host', { shelterIds: [makeShelter(db).id] }));
    const before = snapshot(sqlite);
    expect(() => updateLateArrivals(db, other, parse({ lateGraceMinutes: '90', latestArrival: '' }).data!, NOW)).toThrow(DomainError);
    expect(snapshot(sqlite)).toBe(before);
  });
});
