import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import { cityNoticesPage } from '@/lib/notices/notices-page';
import { postCityNotice, postShelterNotice } from '@/lib/notices/post';
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

const admin = asStaff(makeUser(db, 'admin'));
const yerevanAdmin = asStaff(makeUser(db, 'admin', { cityIds: [yerevan] }), [], [yerevan]);
const host = asStaff(makeUser(db, 'host', { shelterIds: [fatih.id] }), [fatih.id]);
const guide = asStaff(makeUser(db, 'guide'));

const text = (words: string) => ({ textRu: null, textEn: words, textTr: null, textUk: null, endsAt: '2026-12-01T18:00' });
write(db, (tx) => postCityNotice(tx, admin, { cityId: istanbul, ...text('Metro closed') }, NOW));
write(db, (tx) => postCityNotice(tx, admin, { cityId: yerevan, ...text('Snow tonight') }, NOW));
write(db, (tx) => postShelterNotice(tx, host, { shelterId: fatih.id, ...text('Water is off') }, NOW));

const words = (view: ReturnType<typeof cityNoticesPage>) => view!.notices.map((notice) => notice.texts[0].text).sort();

describe("the city notices page's view", () => {
  it("gives an admin of every city every city's live notice, never a shelter's, and every city to post to", () => {
    const view = cityNoticesPage(db, admin, NOW, 'en')!;
    expect(words(view)).toEqual(['Metro closed', 'Snow tonight']);
    expect(view.cities.map((city) => [city.name, city.timeZone]).sort()).toEqual([
      ['Istanbul', 'Europe/Istanbul'],
      ['Yerevan', 'Asia/Yerevan'],
    ]);
    expect(view.notices.every((notice) => notice.mayWithdraw)).toBe(true);
  });

  it("gives an admin of one city that city's notices and that city only", () => {
    const view = cityNoticesPage(db, yerevanAdmin, NOW, 'en')!;
    expect(words(view)).toEqual(['Snow tonight']);
    expect(view.cities.map((city) => city.id)).toEqual([yerevan]);
  });

  it('leaves a notice out once it has ended', () => {
    expect(cityNoticesPage(db, admin, new Date('2026-12-01T16:00:00Z'), 'en')!.notices).toEqual([]);
  });

  it('is nothing for a host or a guide', () => {
    expect(cityNoticesPage(db, host, NOW, 'en')).toBeNull();
    expect(cityNoticesPage(db, guide, NOW, 'en')).toBeNull();
  });
});
