import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import { auditTrailPage } from '@/lib/audit-trail/audit-page';
import { postShelterNotice } from '@/lib/notices/post';
import { asStaff, makeCity, makeShelter, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const test = createTestDb();
const { db } = test;
afterAll(test.cleanup);

// 12:00 in Istanbul, 13:00 in Yerevan.
const NOW = new Date('2026-12-01T09:00:00Z');
const istanbul = makeCity(db, 'Istanbul', { timeZone: 'Europe/Istanbul' }).id;
const yerevan = makeCity(db, 'Yerevan', { timeZone: 'Asia/Yerevan' }).id;
const fatih = makeShelter(db, { name: 'Fatih', cityId: istanbul });
const kentron = makeShelter(db, { name: 'Kentron', cityId: yerevan, timeZone: 'Asia/Yerevan' });

const admin = asStaff(makeUser(db, 'admin'));
const istanbulAdmin = asStaff(makeUser(db, 'admin', { cityIds: [istanbul] }), [], [istanbul]);
const guide = asStaff(makeUser(db, 'guide'));
const host = asStaff(makeUser(db, 'host', { shelterIds: [fatih.id] }), [fatih.id]);

const notice = { textRu: null, textEn: 'Water is off', textTr: null, textUk: null, endsAt: '2026-12-01T18:00' };
write(db, (tx) => postShelterNotice(tx, admin, { shelterId: fatih.id, ...notice }, NOW));
write(db, (tx) => postShelterNotice(tx, admin, { shelterId: kentron.id, ...notice }, NOW));

const shelterNames = (view: ReturnType<typeof auditTrailPage>) => view!.entries.map((entry) => entry.shelter?.name);

describe("the audit trail page's view", () => {
  it('gives an admin of every city every event, each on its own city’s clock', () => {
    const view = auditTrailPage(db, admin, {}, 'en')!;
    expect(view.total).toBe(2);
    expect(view.entries.map((entry) => [entry.action, entry.shelter?.name, entry.city, entry.timeZone]).sort()).toEqual([
      ['notice.posted', 'Fatih', 'Istanbul', 'Europe/Istanbul'],
      ['notice.posted', 'Kentron', 'Yerevan', 'Asia/Yerevan'],
    ]);
    expect(view.problems).toEqual([]);
  });

  it("gives an admin of one city that city's events only, and that city's shelters to filter by", () => {
    const view = auditTrailPage(db, istanbulAdmin, {}, 'en')!;
    expect(shelterNames(view)).toEqual(['Fatih']);
    expect(view.choices.shelters.map((shelter) => shelter.name)).toEqual(['Fatih']);
    expect(view.choices.cities.map((city) => city.name)).toEqual(['Istanbul']);
  });

  it('drops a filter it cannot use and names it, as it does a page past the last', () => {
    const view = auditTrailPage(db, istanbulAdmin, { shelter: kentron.id, page: '4' }, 'en')!;
    expect(view.filters).toEqual({});
    expect(view.problems).toEqual(['unknownShelter', 'pageOutOfRange']);
    // The last page is shown instead.
    expect(view.page).toBe(1);
    expect(shelterNames(view)).toEqual(['Fatih']);
  });

  it('narrows to one shelter asked for', () => {
    expect(shelterNames(auditTrailPage(db, admin, { shelter: kentron.id }, 'en'))).toEqual(['Kentron']);
  });

  it('is nothing for a guide or a host', () => {
    expect(auditTrailPage(db, guide, {}, 'en')).toBeNull();
    expect(auditTrailPage(db, host, {}, 'en')).toBeNull();
  });
});
