import { afterAll, describe, expect, it } from 'vitest';
import { placementPage } from '@/lib/households/placement-page';
import { asStaff, makeArrival, makeCity, makeRoom, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

// 15:00 in Istanbul: tonight's doors are open.
const NOW = new Date('2026-10-01T12:00:00Z');
const HOUR = 3_600_000;
const istanbul = makeCity(db, 'Istanbul', { timeZone: 'Europe/Istanbul' }).id;
const fatih = makeShelter(db, { status: 'open', name: 'Fatih', cityId: istanbul });
const [onlyBed] = makeRoom(db, fatih.id, 'mixed', 1).beds;

const guide = asStaff(makeUser(db, 'guide'));
const host = asStaff(makeUser(db, 'host', { shelterIds: [fatih.id] }), [fatih.id]);
const household = (alias: string, values: Parameters<typeof makeArrival>[1] = {}) =>
  makeArrival(db, { alias, cityId: istanbul, adultWomen: 1, arrivedAt: new Date(NOW.getTime() - HOUR), ...values });
const noFits = (arrivalId: string) => sqlite.prepare('select count(*) from no_fit_searches where arrival_id = ?').pluck().get(arrivalId);
const everything = { elsewhere: false, all: false };

// The only bed was held for someone whose hold ran out an hour ago; nothing has let it go yet.
makeStay(db, { arrivalId: household('Lapsed').id, shelterId: fatih.id, bedIds: [onlyBed.id], holdUntil: new Date(NOW.getTime() - HOUR) });

describe("the household page's view", () => {
  it('lets go of a hold past its time first, so its bed is offered', () => {
    const waiting = household('Waiting');
    const view = placementPage(db, guide, waiting.id, everything, NOW, 'en')!;
    expect(view.suggestions.map((s) => [s.shelterId, s.beds.map((bed) => bed.bedId)])).toEqual([[fatih.id, [onlyBed.id]]]);
    expect(noFits(waiting.id)).toBe(0);
  });

  it('counts a waiting household for whose own nights no shelter fits as unmet demand, once', () => {
    const many = household('Many', { adultWomen: 3 });
    expect(placementPage(db, guide, many.id, everything, NOW, 'en')!.suggestions).toEqual([]);
    placementPage(db, guide, many.id, everything, NOW, 'en');
    expect(noFits(many.id)).toBe(1);
  });

  it('does not count it while the guide is trying other dates', () => {
    const trying = household('Trying', { adultWomen: 3 });
    placementPage(db, guide, trying.id, { ...everything, from: '2026-10-02', to: '2026-10-04' }, NOW, 'en');
    expect(noFits(trying.id)).toBe(0);
  });

  it('is nothing for a caller who may not act on the household, the same as an unknown one', () => {
    expect(placementPage(db, host, household('Elsewhere').id, everything, NOW, 'en')).toBeNull();
    expect(placementPage(db, guide, 'no-such-household', everything, NOW, 'en')).toBeNull();
  });
});
