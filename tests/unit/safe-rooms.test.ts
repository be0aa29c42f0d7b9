import { describe, expect, it } from 'vitest';
import type { RoomKind } from '@/db/schema/enums';
import { cardReasons } from '@/lib/matching/differences';
import { suggestPlacements } from '@/lib/matching/suggest';
import type { Household, RoomAvailability, ShelterAvailability } from '@/lib/matching/types';

// Safe rooms first: a household of women (with or without children, no man) is offered a women's or
// a family room before any mixed room, and a mixed room where a man is booked last, with a line
// saying so. Each network is built by hand; the order is worked out in the comments.
const NOW = new Date('2026-10-01T20:00:00Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

const room = (id: string, kind: RoomKind, free: number, menBooked?: number): RoomAvailability => ({
  id,
  name: id,
  kind,
  accessible: false,
  freeBeds: Array.from({ length: free }, (_, i) => ({ id: `${id}-b${i + 1}`, label: String(i + 1) })),
  ...(menBooked === undefined ? {} : { menBooked }),
});

const shelter = (name: string, rooms: RoomAvailability[], over: Partial<ShelterAvailability> = {}): ShelterAvailability => ({
  id: name.toLowerCase(),
  name,
  district: 'Fatih',
  status: 'open',
  acceptsFamilies: true,
  acceptsPets: false,
  wheelchairAccessible: false,
  languages: [],
  lastConfirmedAt: minutesAgo(2 * 24 * 60),
  inServiceBeds: rooms.reduce((n, r) => n + r.freeBeds.length, 0),
  rooms,
  ...over,
});

const household = (over: Partial<Household>): Household => ({
  adultMen: 0,
  adultWomen: 0,
  children: 0,
  languages: ['ru'],
  needsWheelchair: false,
  hasPet: false,
  ...over,
});
const lena = household({ adultWomen: 1 });
const mother = household({ adultWomen: 1, children: 2 });
const loneMan = household({ adultMen: 1 });

// Everything a guide would otherwise prefer: speaks Russian (25), confirmed within the hour (15).
const favoured = { languages: ['ru'], lastConfirmedAt: minutesAgo(30) };
const ranked = (network: ShelterAvailability[], h: Household) => suggestPlacements(network, h, NOW).suggestions;
const order = (network: ShelterAvailability[], h: Household) => ranked(network, h).map((s) => s.shelterName);
const rooms = (network: ShelterAvailability[], h: Household) =>
  ranked(network, h).map((s) => [s.shelterName, [...new Set(s.beds.map((b) => b.roomName))]]);
const menLines = (network: ShelterAvailability[], h: Household) =>
  ranked(network, h).map((s) => s.reasons.filter((r) => r.code === 'menBooked'));

describe('a lone woman', () => {
  it('gets the women’s dorm of a plain shelter before a friendlier flat’s mixed living room (Лена and Fatih)', () => {
    // The flat scores 40 (one room) + 25 (Russian) + 15 (fresh) + load; Fatih 40 + load only. Before,
    // the flat came first; the women's dorm now outranks any mixed room.
    const network = [
      shelter('Flat', [room('Living room 1', 'mixed', 0, 1), room('Living room 2', 'mixed', 2, 0)], favoured),
      shelter('Fatih', [room('Women 1', 'women', 6)]),
    ];
    expect(rooms(network, lena)).toEqual([
      ['Fatih', ['Women 1']],
      ['Flat', ['Living room 2']],
    ]);
    // Living room 2 has no man booked, so the flat's card says nothing of men.
    expect(menLines(network, lena)).toEqual([[], []]);
  });

  it('gets a family room before a mixed room, in the same shelter and across shelters', () => {
    const harbour = shelter('Harbour', [room('Hall', 'mixed', 4, 0), room('Family', 'family', 3)]);
    expect(rooms([harbour], lena)).toEqual([['Harbour', ['Family']]]);
    const network = [shelter('Alpha', [room('Hall', 'mixed', 4)], favoured), shelter('Zulu', [room('Family', 'family', 3)])];
    expect(order(network, lena)).toEqual(['Zulu', 'Alpha']);
  });

  it('still gets a women’s dorm before a family room (family rooms are kept for families)', () => {
    expect(rooms([shelter('Harbour', [room('Family', 'family', 3), room('Women', 'women', 4)])], lena)).toEqual([['Harbour', ['Women']]]);
  });

  it('gets a mixed room with no man booked before one with a man, even where that one is the tighter fit', () => {
    // Tightest fit would have chosen "Small" (1 free bed) over "Big" (3 free).
    expect(rooms([shelter('Harbour', [room('Small', 'mixed', 1, 1), room('Big', 'mixed', 3, 0)])], lena)).toEqual([['Harbour', ['Big']]]);
  });

  it('is offered a mixed room with a man booked last, with a line saying how many men, and never who', () => {
    const network = [
      shelter('Alpha', [room('Hall', 'mixed', 4, 2)], favoured),
      shelter('Bravo', [room('Studio', 'mixed', 2, 0)]),
      shelter('Charlie', [room('Women', 'women', 1)]),
    ];
    expect(order(network, lena)).toEqual(['Charlie', 'Bravo', 'Alpha']);
    expect(menLines(network, lena)).toEqual([[], [], [{ code: 'menBooked', roomId: 'Hall', room: 'Hall', men: 2 }]]);
    // Below a card with no man booked, the first difference says why ("fits as well" would be false).
    const said = cardReasons(ranked(network, lena), NOW);
    expect(said[2]).toMatchObject({ kind: 'differences', above: 'Bravo' });
    expect(said[2].kind === 'differences' && said[2].differences[0]).toEqual({ code: 'menBooked' });
    const bothMixed = [shelter('Alpha', [room('Hall', 'mixed', 4, 1)]), shelter('Bravo', [room('Hall', 'mixed', 4, 0)])];
    expect(cardReasons(ranked(bothMixed, lena), NOW)[1]).toEqual({
      kind: 'differences',
      above: 'Bravo',
      differences: [{ code: 'menBooked' }],
    });
  });

  it('is still offered a mixed room with a man booked when nothing else is free, with the line', () => {
    const [only] = ranked([shelter('Alpha', [room('Hall', 'mixed', 4, 1)])], lena);
    expect(only.beds.map((b) => b.roomName)).toEqual(['Hall']);
    expect(only.reasons[0]).toEqual({ code: 'menBooked', roomId: 'Hall', room: 'Hall', men: 1 });
  });
});

describe('women with children, and several women', () => {
  it('a mother with children gets a family room before a mixed room, and a mixed room with a man last', () => {
    const network = [
      shelter('Alpha', [room('Hall', 'mixed', 5, 1)], favoured),
      shelter('Bravo', [room('Hall', 'mixed', 5, 0)], favoured),
      shelter('Zulu', [room('Family', 'family', 3)]),
    ];
    expect(order(network, mother)).toEqual(['Zulu', 'Bravo', 'Alpha']);
    expect(menLines(network, mother)[2]).toEqual([{ code: 'menBooked', roomId: 'Hall', room: 'Hall', men: 1 }]);
  });

  it('a mother with children in one shelter: the mixed room with no man booked, though the other is the tighter fit', () => {
    expect(rooms([shelter('Harbour', [room('Hall A', 'mixed', 3, 1), room('Hall B', 'mixed', 5, 0)])], mother)).toEqual([
      ['Harbour', ['Hall B']],
    ]);
  });

  it('two women split over rooms: the women’s dorm and the family room before the mixed room with a man', () => {
    const two = household({ adultWomen: 2 });
    // One bed in the women's dorm: the second woman goes to the family room, not the hall.
    expect(rooms([shelter('Harbour', [room('Women', 'women', 1), room('Hall', 'mixed', 5, 1), room('Family', 'family', 1)])], two)).toEqual(
      [['Harbour', ['Women', 'Family']]],
    );
    // Where the hall is the only way, the place comes after one that needs no mixed room, and says so.
    const network = [
      shelter('Alpha', [room('Women', 'women', 1), room('Hall', 'mixed', 5, 1)], favoured),
      shelter('Zulu', [room('Women', 'women', 2)]),
    ];
    expect(order(network, two)).toEqual(['Zulu', 'Alpha']);
    expect(menLines(network, two)[1]).toEqual([{ code: 'menBooked', roomId: 'Hall', room: 'Hall', men: 1 }]);
  });
});

describe('men, and households with a man', () => {
  it('a lone man is never offered a women’s room: a shelter with only that free is left out, and a mixed room is used instead', () => {
    const { suggestions, excluded } = suggestPlacements([shelter('Alpha', [room('Women', 'women', 6)], favoured)], loneMan, NOW);
    expect(suggestions).toEqual([]);
    expect(excluded.map((e) => e.shelterName)).toEqual(['Alpha']);
    expect(rooms([shelter('Alpha', [room('Women', 'women', 6), room('Hall', 'mixed', 2, 1)])], loneMan)).toEqual([['Alpha', ['Hall']]]);
  });

  it('a lone man or a couple is ranked as before, and told nothing of men booked', () => {
    const network = [shelter('Alpha', [room('Hall', 'mixed', 4, 2)], favoured), shelter('Zulu', [room('Family', 'family', 3)])];
    expect(order(network, loneMan)).toEqual(['Alpha', 'Zulu']);
    const couple = household({ adultMen: 1, adultWomen: 1 });
    expect(order(network, couple)).toEqual(['Alpha', 'Zulu']);
    expect(menLines(network, couple)).toEqual([[], []]);
  });
});
