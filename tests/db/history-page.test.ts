import { inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { beds } from '@/db/schema';
import { historyPage } from '@/lib/occupancy/history-page';
import { asStaff, makeCity, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const test = createTestDb();
const { db } = test;
afterAll(test.cleanup);

// 15:00 in Istanbul on 1 October.
const NOW = new Date('2026-10-01T12:00:00Z');
const istanbul = makeCity(db, 'Istanbul', { slug: 'istanbul', timeZone: 'Europe/Istanbul' });
const yerevan = makeCity(db, 'Yerevan', { slug: 'yerevan', timeZone: 'Asia/Yerevan' });
const created = new Date('2026-09-01T00:00:00Z');
const fatih = makeShelter(db, { name: 'Fatih House', cityId: istanbul.id, createdAt: created });
const balat = makeShelter(db, { name: 'Balat House', cityId: istanbul.id, createdAt: created });
const kentron = makeShelter(db, { name: 'Kentron', cityId: yerevan.id, timeZone: 'Asia/Yerevan', createdAt: created });
// Three beds in service since September.
const fatihBeds = makeRoom(db, fatih.id, 'mixed', 3).beds.map((bed) => bed.id);
db.update(beds).set({ createdAt: created }).where(inArray(beds.id, fatihBeds)).run();

const host = asStaff(makeUser(db, 'host', { shelterIds: [fatih.id] }), [fatih.id]);
const guide = asStaff(makeUser(db, 'guide'));
const admin = asStaff(makeUser(db, 'admin'));
const istanbulAdmin = asStaff(makeUser(db, 'admin', { cityIds: [istanbul.id] }), [], [istanbul.id]);

describe("the occupancy history page's view", () => {
  it('shows a host their own shelter for the last seven days, on its clock, without the totals of others', () => {
    const view = historyPage(db, host, {}, NOW, 'en')!;
    expect(view.shown).toMatchObject({ kind: 'shelter', scopeId: fatih.id, scopeName: 'Fatih House', turnedAway: null });
    expect(view.shown!.choices).toEqual([{ id: fatih.id, name: 'Fatih House', timeZone: 'Europe/Istanbul' }]);
    expect(view.range).toMatchObject({ from: '2026-09-25', to: '2026-10-01', preset: 7, problem: null });
    expect(view.shown!.days.map((day) => day.day)).toHaveLength(7);
    expect(view.shown!.days.at(-1)).toMatchObject({ day: '2026-10-01', bedsInService: 3 });
    expect(view.mayOverview).toBe(false);
  });

  it('answers a host asking for another shelter as for an unknown one, and shows them their own', () => {
    for (const shelter of [balat.id, 'no-such-shelter']) {
      const view = historyPage(db, host, { shelter }, NOW, 'en')!;
      expect(view.unknownShelter).toBe(true);
      expect(view.shown?.scopeId).toBe(fatih.id);
    }
  });

  it("gives an admin of one city that city's totals and its shelters to choose from, never another city's", () => {
    const view = historyPage(db, istanbulAdmin, {}, NOW, 'en')!;
    expect(view.shown).toMatchObject({ kind: 'cities', scopeId: 'network', scopeName: 'Istanbul' });
    expect(view.shown!.choices!.map((choice) => choice.name)).toEqual(['Balat House', 'Fatih House']);
    expect(view.shown!.turnedAway).not.toBeNull();
    expect(historyPage(db, istanbulAdmin, { shelter: kentron.id }, NOW, 'en')!.unknownShelter).toBe(true);
    expect(historyPage(db, istanbulAdmin, { city: 'yerevan' }, NOW, 'en')!.area.unknownCity).toBe(true);
  });

  it('gives an admin of every city the network, and one city when asked', () => {
    expect(historyPage(db, admin, {}, NOW, 'en')!.shown).toMatchObject({ kind: 'network', scopeName: null });
    expect(historyPage(db, admin, { city: 'yerevan' }, NOW, 'en')!.shown).toMatchObject({ kind: 'cities', scopeName: 'Yerevan' });
  });

  it('finds a shelter by a part of its name, and lists the shelters a name matches when it matches several', () => {
    expect(historyPage(db, admin, { name: 'balat' }, NOW, 'en')!.shown?.scopeId).toBe(balat.id);
    const many = historyPage(db, admin, { name: 'house' }, NOW, 'en')!;
    expect(many.nameAsked).toMatchObject({ name: 'house', count: 2 });
    expect(many.shown?.kind).toBe('network');
  });

  it('names a range it cannot use, and falls back to the last seven days', () => {
    const view = historyPage(db, host, { from: '2026-10-05', to: '2026-10-09' }, NOW, 'en')!;
    expect(view.range).toMatchObject({ from: '2026-09-25', to: '2026-10-01', problem: 'future' });
  });

  it('is nothing for a guide, who reads no history', () => {
    expect(historyPage(db, guide, {}, NOW, 'en')).toBeNull();
  });
});
