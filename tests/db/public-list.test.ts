import { afterAll, describe, expect, it } from 'vitest';
import { renderShelterList } from '@/components/public/render';
import { write } from '@/db';
import { reserveBeds } from '@/lib/placement/reserve';
import { publicShelters } from '@/lib/requests/public-list';
import { asStaff, makeArrival, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

const NOW = new Date('2026-10-01T14:00:00Z');
const guide = asStaff(makeUser(db, 'guide'));
const ADDRESS = 'Gizli Sokak 9, Fatih';

describe('the public list of shelters', () => {
  const listed = makeShelter(db, {
    name: 'Listed Open',
    district: 'Fatih',
    address: ADDRESS,
    latitude: 41.01,
    longitude: 28.95,
    phone: '+90 555 123 45 67',
    listedPublicly: true,
    status: 'open',
    languages: ['ru', 'tr'],
    acceptsPets: true,
    lastConfirmedAt: new Date(NOW.getTime() - 3 * 3600_000),
  });
  const family = makeRoom(db, listed.id, 'family', 4);
  const women = makeRoom(db, listed.id, 'women', 2);
  makeRoom(db, listed.id, 'men', 1);
  sqlite
    .prepare('update beds set out_of_service_reason = ? where room_id = (select id from rooms where shelter_id = ? and kind = ?)')
    .run('Broken', listed.id, 'men');
  makeShelter(db, { name: 'Unlisted Open', listedPublicly: false, status: 'open' });
  makeShelter(db, { name: 'Listed Paused', listedPublicly: true, status: 'paused' });
  const full = makeShelter(db, { name: 'Listed Full', listedPublicly: true, status: 'open' });
  const fullRoom = makeRoom(db, full.id, 'mixed', 1);

  it('shows only open shelters whose host chose to be listed, with their free beds', () => {
    write(db, (tx) => reserveBeds(tx, guide, { arrivalId: makeArrival(db, { adultWomen: 1 }).id, bedIds: [women.beds[0].id] }, NOW));
    write(db, (tx) =>
      reserveBeds(tx, guide, { arrivalId: makeArrival(db, { adultMen: 1, adultWomen: 0 }).id, bedIds: [fullRoom.beds[0].id] }, NOW),
    );
    const list = publicShelters(db, new Date(NOW.getTime() + 60_000));
    expect(list.map((s) => [s.name, s.freeBeds])).toEqual([
      ['Listed Full', 0],
      ['Listed Open', 5],
    ]);
    // The out-of-service men's room offers nothing.
    expect(list[1]).toMatchObject({ district: 'Fatih', roomKinds: ['women', 'family'], languages: ['ru', 'tr'], acceptsPets: true });
    expect(family.beds).toHaveLength(4);
  });

  it('counts a hold that has passed as a free bed', () => {
    const afterHolds = new Date(NOW.getTime() + 7 * 3600_000);
    expect(publicShelters(db, afterHolds).map((s) => s.freeBeds)).toEqual([1, 6]);
  });

  it('never carries the address, coordinates or contacts, and the page says "full" in words', async () => {
    const list = publicShelters(db, NOW);
    expect(Object.keys(list[0]).sort()).toEqual([
      'acceptsFamilies',
      'acceptsPets',
      'cityId',
      'district',
      'freeBeds',
      'id',
      'languages',
      'lastConfirmedAt',
      'name',
      'needs',
      'roomKinds',
      'wheelchairAccessible',
    ]);
    const oneGroup = {
      groups: [{ slug: null, name: null, timeZone: null, contact: { phone: null, telegram: null, whatsapp: null }, shelters: list }],
      cities: [],
      picked: null,
      unknownCity: false,
    };
    const html = await renderShelterList(oneGroup, 'ru', new Date(NOW.getTime() + 60_000));
    expect(html).not.toContain('Gizli');
    expect(html).not.toContain('41.01');
    expect(html).not.toContain('555 123');
    expect(html).toContain('5 свободных кроватей на эту ночь');
    expect(html).toContain('На эту ночь мест нет');
    expect(html).toContain('Семейная комната');
    expect(html).toContain('Наличие мест подтверждено 3 часа назад');
    expect(html).not.toContain('Unlisted');
    expect(html).not.toContain('Paused');
  });
});
