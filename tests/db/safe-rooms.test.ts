import { afterAll, describe, expect, it } from 'vitest';
import { asksSafeRoom } from '@/lib/matching/safe-rooms';
import { suggestPlacements } from '@/lib/matching/suggest';
import { householdCities, placeGroups } from '@/lib/placement/city-places';
import { defaultCityOf, makeArrival, makeRoom, makeShelter, makeStay } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

// Safe rooms first, through the read the guide's page makes (placeGroups, then suggestPlacements):
// the men booked or staying in each mixed room come from the database, as counts only.
const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

// 15:00 in Istanbul; the household asks for tonight and tomorrow night.
const NOW = new Date('2026-10-01T12:00:00Z');
const NIGHTS = { firstNight: '2026-10-01', departure: '2026-10-03' };
const city = defaultCityOf(db);
const fatih = makeShelter(db, { name: 'Fatih', cityId: city, languages: ['tr'], lastConfirmedAt: new Date('2026-09-28T12:00:00Z') });
const flat = makeShelter(db, { name: 'Private flat', cityId: city, languages: ['ru'], lastConfirmedAt: new Date('2026-10-01T11:50:00Z') });
const womenDorm = makeRoom(db, fatih.id, 'women', 2);
const living1 = makeRoom(db, flat.id, 'mixed', 2);
const living2 = makeRoom(db, flat.id, 'mixed', 2);
sqlite.prepare("update rooms set name = 'Living room 1' where id = ?").run(living1.room.id);
sqlite.prepare("update rooms set name = 'Living room 2' where id = ?").run(living2.room.id);

const arrival = (alias: string, men: number, women: number) =>
  makeArrival(db, {
    alias,
    cityId: city,
    adultMen: men,
    adultWomen: women,
    languages: ['ru'],
    arrivedAt: new Date('2026-10-01T10:00:00Z'),
  });
const booked = (alias: string, men: number, women: number, bedIds: string[], over: Partial<Parameters<typeof makeStay>[1]> = {}) =>
  makeStay(db, {
    arrivalId: arrival(alias, men, women).id,
    shelterId: over.shelterId ?? flat.id,
    bedIds,
    holdUntil: new Date('2026-10-01T20:00:00Z'),
    ...NIGHTS,
    ...over,
  });

// Сергей, a man on his own, is booked in Living room 1 for the same nights.
booked('Сергей', 1, 0, [living1.beds[0].id]);
const lena = arrival('Лена', 0, 1);

/** The page's read and ranking for a household: shelter, rooms of the plan, and the men lines. */
function suggested(household: typeof lena) {
  const needs = {
    adultMen: household.adultMen,
    adultWomen: household.adultWomen,
    children: household.children,
    languages: household.languages,
    needsWheelchair: false,
    hasPet: false,
  };
  const [home] = placeGroups(db, householdCities(db, household.id), {
    nights: NIGHTS,
    elsewhere: [],
    menBookedAt: asksSafeRoom(needs) ? NOW : undefined,
  });
  const { suggestions } = suggestPlacements(home.network, needs, NOW, NIGHTS);
  return {
    suggestions,
    network: home.network,
    seen: suggestions.map((s) => ({
      shelter: s.shelterName,
      rooms: [...new Set(s.beds.map((b) => b.roomName))],
      men: s.reasons.flatMap((r) => (r.code === 'menBooked' ? [`${r.room}: ${r.men}`] : [])),
    })),
  };
}

describe('a lone woman asking for a bed', () => {
  it('is offered Fatih’s women’s dorm before the flat’s living room next to Сергей', () => {
    expect(suggested(lena).seen).toEqual([
      { shelter: 'Fatih', rooms: [womenDorm.room.name], men: [] },
      { shelter: 'Private flat', rooms: ['Living room 2'], men: [] },
    ]);
  });

  it('with the women’s dorm full, gets the flat’s room where a man is booked last of all, with the count', () => {
    booked(
      'Ayşe',
      0,
      2,
      womenDorm.beds.map((b) => b.id),
      { shelterId: fatih.id },
    );
    // Виталий, checked in, was due out yesterday: he holds no night in the ledger but is in the room.
    booked('Виталий', 1, 0, [living2.beds[0].id], { status: 'checked_in', firstNight: '2026-09-27', departure: '2026-09-30' });
    // A hall where a man is booked only next week, and a couple (one man) in the other hall.
    const church = makeShelter(db, { name: 'Church hall', cityId: city });
    const nave = makeRoom(db, church.id, 'mixed', 3);
    booked('Oleg', 1, 0, [nave.beds[0].id], { shelterId: church.id, firstNight: '2026-10-08', departure: '2026-10-10' });
    const annex = makeShelter(db, { name: 'Annex', cityId: city });
    const couple = makeRoom(db, annex.id, 'mixed', 4);
    booked('Пара', 1, 1, [couple.beds[0].id, couple.beds[1].id], { shelterId: annex.id });

    const { seen, network } = suggested(lena);
    // Church hall has no man on these nights (Oleg comes next week); the flat (Russian spoken, just
    // confirmed) outranks the Annex, both having a man in the room they offer.
    expect(seen.map((s) => s.shelter)).toEqual(['Church hall', 'Private flat', 'Annex']);
    // The couple counts as one man, not two.
    expect(seen.map((s) => s.men)).toEqual([[], ['Living room 1: 1'], [`${couple.room.name}: 1`]]);
    const menIn = (roomId: string) => network.flatMap((s) => s.rooms).find((room) => room.id === roomId)?.menBooked;
    expect([menIn(living1.room.id), menIn(living2.room.id), menIn(nave.room.id), menIn(couple.room.id)]).toEqual([1, 1, 0, 1]);
  });

  it('carries only counts: no guest’s name reaches the suggestion view or the network read', () => {
    const { suggestions, network } = suggested(lena);
    const sent = JSON.stringify({ suggestions, network });
    for (const name of ['Сергей', 'Виталий', 'Oleg', 'Пара', 'Ayşe']) expect(sent).not.toContain(name);
  });

  it('a lone man is never offered a women’s room, and no men are read for him', () => {
    sqlite.prepare('delete from bed_nights where bed_id in (select id from beds where room_id = ?)').run(womenDorm.room.id);
    const { suggestions, network } = suggested(arrival('Nikolai', 1, 0));
    expect(suggestions.flatMap((s) => s.beds.map((b) => b.roomId))).not.toContain(womenDorm.room.id);
    expect(suggestions.map((s) => s.shelterName)).not.toContain('Fatih');
    expect(network.flatMap((s) => s.rooms).every((room) => room.menBooked === undefined)).toBe(true);
  });
});
