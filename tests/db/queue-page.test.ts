import { afterAll, describe, expect, it } from 'vitest';
import { queueQuery } from '@/lib/households/filters';
import { queuePage } from '@/lib/households/queue-page';
import { asStaff, defaultCityOf, makeArrival, makeCity, makeRoom, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const test = createTestDb();
const { db } = test;
afterAll(test.cleanup);

// 15:00 in Istanbul: tonight's doors are open.
const NOW = new Date('2026-10-01T12:00:00Z');
const HOUR = 3_600_000;
const istanbul = defaultCityOf(db);
const yerevan = makeCity(db, 'Yerevan', { slug: 'yerevan', timeZone: 'Asia/Yerevan' }).id;
const fatih = makeShelter(db, { status: 'open', name: 'Fatih', cityId: istanbul });
const beds = makeRoom(db, fatih.id, 'mixed', 6).beds.map((bed) => bed.id);

const guide = asStaff(makeUser(db, 'guide', { cityIds: [istanbul] }), [], [istanbul]);
const admin = asStaff(makeUser(db, 'admin'));
const host = asStaff(makeUser(db, 'host', { shelterIds: [fatih.id] }), [fatih.id]);

const household = (alias: string, cityId: string, hoursAgo = 1) =>
  makeArrival(db, { alias, cityId, adultWomen: 1, arrivedAt: new Date(NOW.getTime() - hoursAgo * HOUR) });
const ask = (params: Record<string, string>, role: 'guide' | 'admin' = 'guide') => queueQuery(params, role);
const aliases = (list: { alias: string | null }[]) => list.map((h) => h.alias);

household('Anna', istanbul, 3);
household('Boris', istanbul, 2);
household('Ani', yerevan);
// Placed this morning with a hold that ran out an hour ago: nobody has let it go yet.
const lapsed = household('Lapsed', istanbul, 6);
makeStay(db, { arrivalId: lapsed.id, shelterId: fatih.id, bedIds: [beds[0]], holdUntil: new Date(NOW.getTime() - HOUR) });
// Placed with a hold that lasts into the evening.
const held = household('Held', istanbul, 5);
makeStay(db, { arrivalId: held.id, shelterId: fatih.id, bedIds: [beds[1]], holdUntil: new Date(NOW.getTime() + 4 * HOUR) });

describe("the queue page's view", () => {
  it('puts a household whose hold has run out back among the waiting, with no other call first', () => {
    const placed = queuePage(db, admin, ask({ view: 'placed' }, 'admin'), NOW, 'en')!;
    expect(placed.reserved.count).toBe(1);
    expect(placed.reserved.shown.map((stay) => stay.household.id)).toEqual([held.id]);
    const waiting = queuePage(db, guide, ask({}), NOW, 'en')!;
    expect(aliases(waiting.waiting.shown)).toEqual(['Lapsed', 'Anna', 'Boris']);
  });

  it("shows a guide their own city's households longest first, and ignores a city that is not theirs", () => {
    const view = queuePage(db, guide, ask({ city: 'yerevan' }), NOW, 'en')!;
    expect(view.cities.ignored).toBe(true);
    expect(view.waiting.shown.map((h) => h.alias)).not.toContain('Ani');
    expect(view.maySearch).toBe(true);
    expect(view.masked).toBe(false);
  });

  it('gives an admin the households unnamed, without the search box, and every city to choose from', () => {
    const view = queuePage(db, admin, ask({ q: 'Anna' }, 'admin'), NOW, 'en')!;
    expect(view.query.q).toBe('');
    expect(view.masked).toBe(true);
    expect(view.maySearch).toBe(false);
    expect(view.waiting.count).toBe(4);
    expect(view.waiting.shown.every((h) => h.alias === null && !h.identified)).toBe(true);
    expect(view.cities.choices.map((city) => city.id).sort()).toEqual([istanbul, yerevan].sort());
  });

  it('holds the cards of the list shown only, and counts the other', () => {
    const view = queuePage(db, guide, ask({}), NOW, 'en')!;
    expect(view.reserved.shown).toEqual([]);
    expect(view.reserved.count).toBe(0);
    // The guide reserved nothing: an admin's placed list has the held one.
    expect(queuePage(db, admin, ask({}, 'admin'), NOW, 'en')!.reserved.count).toBe(1);
  });

  it('filters by alias for a guide, and counts what it found', () => {
    const view = queuePage(db, guide, ask({ q: 'bor' }), NOW, 'en')!;
    expect(view.filtered).toBe(true);
    expect(aliases(view.waiting.shown)).toEqual(['Boris']);
    expect(view.total).toBe(1);
  });

  it('offers the shelters with beds free tonight to place the waiting cards in', () => {
    const view = queuePage(db, guide, ask({}), NOW, 'en')!;
    expect(view.shelters.map((shelter) => [shelter.name, shelter.free])).toEqual([['Fatih', 5]]);
  });

  it('is nothing for a host, who has no queue', () => {
    expect(queuePage(db, host, ask({}), NOW, 'en')).toBeNull();
  });
});
