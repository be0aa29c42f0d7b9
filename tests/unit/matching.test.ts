import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RoomKind, ShelterStatus } from '@/db/schema/enums';
import { bedsFitHousehold, isPlan, planPlacement } from '@/lib/matching/plan';
import { planSafety } from '@/lib/matching/safe-rooms';
import { suggestPlacements } from '@/lib/matching/suggest';
import type { Household, RoomAvailability, ShelterAvailability } from '@/lib/matching/types';

const NOW = new Date('2026-10-01T20:00:00Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);
const RUNS = 1000;

const room = (id: string, kind: RoomKind, free: number, name = id): RoomAvailability => ({
  id,
  name,
  kind,
  accessible: false,
  freeBeds: Array.from({ length: free }, (_, i) => ({ id: `${id}-b${i + 1}`, label: String(i + 1) })),
});

const freeIn = (rooms: RoomAvailability[]) => rooms.reduce((n, r) => n + r.freeBeds.length, 0);

const shelter = (name: string, rooms: RoomAvailability[], over: Partial<ShelterAvailability> = {}): ShelterAvailability => ({
  id: name.toLowerCase(),
  name,
  district: 'Centre',
  status: 'open',
  acceptsFamilies: true,
  acceptsPets: false,
  wheelchairAccessible: false,
  languages: [],
  lastConfirmedAt: minutesAgo(30),
  inServiceBeds: freeIn(rooms),
  rooms,
  ...over,
});

const household = (over: Partial<Household> = {}): Household => ({
  adultMen: 0,
  adultWomen: 0,
  children: 0,
  languages: [],
  needsWheelchair: false,
  hasPet: false,
  ...over,
});

const family = household({ adultMen: 1, adultWomen: 1, children: 2 });
const suggest = (network: ShelterAvailability[], h: Household) => suggestPlacements(network, h, NOW);
const reasonsOf = (network: ShelterAvailability[], h: Household) => suggest(network, h).excluded.map((e) => e.reasons);

describe('keeping family rooms for families', () => {
  const man = household({ adultMen: 1 });

  it("seats a man on his own in the men's dorm rather than the family room of the same shelter", () => {
    const network = [shelter('Harbour', [room('fam', 'family', 4, 'Family room'), room('men', 'men', 1, 'Men dorm')])];
    expect(suggest(network, man).suggestions[0].beds.map((b) => b.roomName)).toEqual(['Men dorm']);
  });

  it('ranks a shelter with a dorm for him above one that only has a family room free', () => {
    const network = [shelter('Alpha', [room('a-fam', 'family', 4, 'Family room')]), shelter('Zulu', [room('z-men', 'men', 4, 'Men dorm')])];
    expect(suggest(network, man).suggestions.map((s) => s.shelterName)).toEqual(['Zulu', 'Alpha']);
  });

  it('still gives a family room to a family first', () => {
    const network = [shelter('Harbour', [room('mix', 'mixed', 4, 'Hall'), room('fam', 'family', 4, 'Family room')])];
    expect(suggest(network, family).suggestions[0].beds.map((b) => b.roomName)).toEqual(Array(4).fill('Family room'));
  });
});

describe('suggestPlacements: hand-built networks', () => {
  const dorms = () => [room('men', 'men', 6, 'Men dorm'), room('women', 'women', 4, 'Women dorm')];

  it('puts a family of four in the family room and says why the dorms are left out', () => {
    const { suggestions, excluded } = suggest([shelter('Harbour', [...dorms(), room('fam', 'family', 4, 'Family room')])], family);
    expect(excluded).toEqual([]);
    expect(suggestions).toHaveLength(1);
    const [s] = suggestions;
    expect(s.beds.map((b) => b.bedId)).toEqual(['fam-b1', 'fam-b2', 'fam-b3', 'fam-b4']);
    expect(s.reasons).toContainEqual({ code: 'oneRoom', room: 'Family room', kind: 'family', free: 4 });
    expect(s.unusedRooms).toEqual([
      { name: 'Men dorm', why: 'menOnly' },
      { name: 'Women dorm', why: 'womenOnly' },
    ]);
  });

  it('refuses the family where there is no room for children, or the family room is too small', () => {
    expect(reasonsOf([shelter('Dorms', dorms())], family)).toEqual([[{ code: 'noFamilyRoom' }]]);
    // A mixed room does not take children when the shelter does not accept families.
    const small = shelter('Small', [...dorms(), room('fam', 'family', 2), room('mix', 'mixed', 5)], { acceptsFamilies: false });
    expect(reasonsOf([small], family)).toEqual([[{ code: 'familyRoomTooSmall', needed: 3 }]]);
  });

  it('counts how many beds are missing', () => {
    expect(reasonsOf([shelter('Tiny', [room('men', 'men', 1)])], household({ adultMen: 3 }))).toEqual([[{ code: 'bedsShort', count: 2 }]]);
  });

  it('refuses a household of children alone', () => {
    expect(reasonsOf([shelter('Harbour', [room('fam', 'family', 4)])], household({ children: 2 }))).toEqual([[{ code: 'needsAdult' }]]);
  });

  it('excludes shelters that are not open, or break the pet or wheelchair policy', () => {
    const man = household({ adultMen: 1 });
    const beds = () => [room('mix', 'mixed', 3)];
    const { excluded, suggestions } = suggest(
      [shelter('Paused', beds(), { status: 'paused' }), shelter('Closed', beds(), { status: 'closed' })],
      man,
    );
    expect(suggestions).toEqual([]);
    expect(excluded.map((e) => [e.shelterName, e.reasons])).toEqual([
      ['Closed', [{ code: 'notOpen', status: 'closed' }]],
      ['Paused', [{ code: 'notOpen', status: 'paused' }]],
    ]);
    expect(reasonsOf([shelter('A', beds())], { ...man, hasPet: true })).toEqual([[{ code: 'noPets' }]]);
    expect(reasonsOf([shelter('A', beds())], { ...man, needsWheelchair: true })).toEqual([[{ code: 'noWheelchair' }]]);
    expect(
      suggest([shelter('A', beds(), { acceptsPets: true, wheelchairAccessible: true })], { ...man, hasPet: true, needsWheelchair: true })
        .suggestions,
    ).toHaveLength(1);
  });

  it('places a man and a woman across a men’s and a women’s dorm', () => {
    const { suggestions } = suggest([shelter('Dorms', dorms())], household({ adultMen: 1, adultWomen: 1 }));
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0].beds.map((b) => b.bedId)).toEqual(['men-b1', 'women-b1']);
    expect(suggestions[0].reasons).toContainEqual({ code: 'severalRooms', count: 2 });
  });

  it('keeps the man with the child when only the women have a dorm of their own', () => {
    const network = [shelter('Harbour', [room('fam', 'family', 2), room('women', 'women', 1)])];
    const { suggestions } = suggest(network, household({ adultMen: 1, adultWomen: 1, children: 1 }));
    expect(suggestions.map((s) => s.beds.map((b) => b.bedId))).toEqual([['fam-b1', 'fam-b2', 'women-b1']]);
  });

  describe('ranking', () => {
    const two = household({ adultMen: 2, languages: ['uk'] });
    const names = (network: ShelterAvailability[]) => suggest(network, two).suggestions.map((s) => s.shelterName);

    it('ranks a shelter speaking the household’s language first', () => {
      expect(names([shelter('Alpha', [room('a', 'mixed', 4)]), shelter('Zulu', [room('z', 'mixed', 4)], { languages: ['uk'] })])).toEqual([
        'Zulu',
        'Alpha',
      ]);
    });

    it('ranks a recent confirmation above an old one', () => {
      const old = shelter('Alpha', [room('a', 'mixed', 4)], { lastConfirmedAt: minutesAgo(2 * 24 * 60) });
      expect(names([old, shelter('Zulu', [room('z', 'mixed', 4)], { lastConfirmedAt: minutesAgo(30) })])).toEqual(['Zulu', 'Alpha']);
    });

    it('ranks the shelter with more beds left free first', () => {
      const network = [
        shelter('Alpha', [room('a', 'mixed', 3)], { inServiceBeds: 10 }),
        shelter('Zulu', [room('z', 'mixed', 6)], { inServiceBeds: 10 }),
      ];
      expect(names(network)).toEqual(['Zulu', 'Alpha']);
    });

    it('breaks ties by shelter name, whatever the input order', () => {
      const a = shelter('Alpha', [room('a', 'mixed', 4)]);
      const b = shelter('Bravo', [room('b', 'mixed', 4)]);
      expect(names([b, a])).toEqual(['Alpha', 'Bravo']);
      expect(names([a, b])).toEqual(['Alpha', 'Bravo']);
    });
  });
});

describe('bedsFitHousehold', () => {
  const harbour = shelter('Harbour', [room('men', 'men', 6), room('women', 'women', 4), room('fam', 'family', 4)]);

  it('accepts the beds the planner chose', () => {
    const plan = planPlacement(harbour, family);
    expect(isPlan(plan)).toBe(true);
    if (isPlan(plan))
      expect(
        bedsFitHousehold(
          harbour,
          family,
          plan.beds.map((b) => b.bedId),
        ),
      ).toBe(true);
  });

  it('refuses a child in a men’s dorm', () => {
    expect(bedsFitHousehold(harbour, household({ adultMen: 1, children: 1 }), ['men-b1', 'men-b2'])).toBe(false);
  });

  it('refuses a set of the wrong size or with an unknown bed', () => {
    expect(bedsFitHousehold(harbour, family, ['fam-b1', 'fam-b2', 'fam-b3'])).toBe(false);
    expect(bedsFitHousehold(harbour, family, ['fam-b1', 'fam-b2', 'fam-b3', 'fam-b4', 'men-b1'])).toBe(false);
    expect(bedsFitHousehold(harbour, family, ['fam-b1', 'fam-b2', 'fam-b3', 'nope'])).toBe(false);
  });

  it('refuses children alone in the family room while the adults sleep in dorms', () => {
    expect(bedsFitHousehold(harbour, family, ['fam-b1', 'fam-b2', 'men-b1', 'women-b1'])).toBe(false);
  });
});

// ---------- Independent model of the hard rules (rules 3 and 4), by exhaustive search ----------

type Slot = { kind: RoomKind; free: number };
const mayUse = (kind: RoomKind, who: 'man' | 'woman' | 'child', acceptsFamilies: boolean) =>
  kind === 'family' ||
  (kind === 'men' && who === 'man') ||
  (kind === 'women' && who === 'woman') ||
  (kind === 'mixed' && (who !== 'child' || acceptsFamilies));

/** Is there a way to give each member a bed in these rooms: kinds respected, all children in one room with an adult? */
function canSeat(slots: Slot[], acceptsFamilies: boolean, h: Household): boolean {
  const childRooms =
    h.children === 0 ? [-1] : slots.map((s, i) => (mayUse(s.kind, 'child', acceptsFamilies) ? i : -2)).filter((i) => i >= 0);
  return childRooms.some((k) => {
    const seen = new Map<string, boolean>();
    const go = (i: number, men: number, women: number): boolean => {
      if (i === slots.length) return men === 0 && women === 0;
      const key = `${i}:${men}:${women}`;
      if (seen.has(key)) return seen.get(key)!;
      const { kind, free } = slots[i];
      const cap = free - (i === k ? h.children : 0);
      let ok = false;
      for (let m = 0; !ok && cap >= 0 && m <= (mayUse(kind, 'man', acceptsFamilies) ? Math.min(men, cap) : 0); m++)
        for (let w = 0; !ok && w <= (mayUse(kind, 'woman', acceptsFamilies) ? Math.min(women, cap - m) : 0); w++)
          if (i !== k || m + w > 0) ok = go(i + 1, men - m, women - w);
      seen.set(key, ok);
      return ok;
    };
    return go(0, h.adultMen, h.adultWomen);
  });
}

const size = (h: Household) => h.adultMen + h.adultWomen + h.children;
const policyOk = (s: ShelterAvailability, h: Household) =>
  s.status === 'open' && (!h.hasPet || s.acceptsPets) && (!h.needsWheelchair || s.wheelchairAccessible);

// ---------- Generators ----------

const LANGS = ['en', 'uk', 'ru', 'tr'];
const roomArb = fc.record({
  kind: fc.constantFrom<RoomKind>('men', 'women', 'mixed', 'family'),
  free: fc.integer({ min: 0, max: 6 }),
  accessible: fc.boolean(),
  menBooked: fc.integer({ min: 0, max: 2 }),
});
const shelterArb = fc.record({
  name: fc.constantFrom('Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot'),
  status: fc.oneof(
    { arbitrary: fc.constant<ShelterStatus>('open'), weight: 4 },
    { arbitrary: fc.constantFrom<ShelterStatus>('paused', 'closed'), weight: 1 },
  ),
  acceptsFamilies: fc.boolean(),
  acceptsPets: fc.boolean(),
  wheelchairAccessible: fc.boolean(),
  languages: fc.subarray(LANGS),
  confirmedMinutesAgo: fc.option(fc.integer({ min: 0, max: 3 * 24 * 60 }), { nil: null }),
  spareBeds: fc.integer({ min: 0, max: 10 }),
  rooms: fc.array(roomArb, { minLength: 0, maxLength: 4 }),
});
const networkArb = fc.array(shelterArb, { minLength: 1, maxLength: 5 }).map((list) =>
  list.map(({ confirmedMinutesAgo, spareBeds, rooms, ...s }, i): ShelterAvailability => {
    const built = rooms.map((r, j) => ({
      id: `s${i}r${j}`,
      name: `Room ${j}`,
      kind: r.kind,
      accessible: r.accessible,
      freeBeds: Array.from({ length: r.free }, (_, b) => ({ id: `s${i}r${j}b${b}`, label: String(r.free - b) })),
      ...(r.kind === 'mixed' ? { menBooked: r.menBooked } : {}),
    }));
    return {
      ...s,
      id: `s${i}`,
      name: `${s.name} ${i}`,
      district: 'D',
      lastConfirmedAt: confirmedMinutesAgo === null ? null : minutesAgo(confirmedMinutesAgo),
      inServiceBeds: freeIn(built) + spareBeds,
      rooms: built,
    };
  }),
);
const householdArb = fc
  .record({
    adultMen: fc.integer({ min: 0, max: 4 }),
    adultWomen: fc.integer({ min: 0, max: 4 }),
    children: fc.integer({ min: 0, max: 3 }),
    languages: fc.subarray(LANGS),
    needsWheelchair: fc.boolean(),
    hasPet: fc.boolean(),
  })
  .filter((h) => size(h) > 0);

describe('suggestPlacements: properties', () => {
  it('every suggestion obeys every hard rule', () => {
    fc.assert(
      fc.property(networkArb, householdArb, (network, h) => {
        for (const s of suggest(network, h).suggestions) {
          const shelterOf = network.find((x) => x.id === s.shelterId)!;
          expect(policyOk(shelterOf, h)).toBe(true);
          const ids = s.beds.map((b) => b.bedId);
          expect(new Set(ids).size).toBe(ids.length);
          expect(ids.length).toBe(size(h));
          const slots = shelterOf.rooms.map((r) => ({ kind: r.kind, free: r.freeBeds.filter((b) => ids.includes(b.id)).length }));
          expect(slots.reduce((n, x) => n + x.free, 0)).toBe(ids.length); // every bed exists among this shelter's free beds
          expect(canSeat(slots, shelterOf.acceptsFamilies, h)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('suggests every shelter that can take the household, and sorts each shelter into exactly one list', () => {
    fc.assert(
      fc.property(networkArb, householdArb, (network, h) => {
        const { suggestions, excluded } = suggest(network, h);
        const suggested = suggestions.map((s) => s.shelterId);
        const left = excluded.map((e) => e.shelterId);
        expect([...suggested, ...left].sort()).toEqual(network.map((s) => s.id).sort());
        for (const e of excluded) expect(e.reasons.length).toBeGreaterThan(0);
        for (const s of network) {
          const fits =
            policyOk(s, h) &&
            canSeat(
              s.rooms.map((r) => ({ kind: r.kind, free: r.freeBeds.length })),
              s.acceptsFamilies,
              h,
            );
          expect(suggested.includes(s.id)).toBe(fits);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('is deterministic and sorted by score, best first, within each step of safety (safe-rooms.test.ts)', () => {
    fc.assert(
      fc.property(networkArb, householdArb, (network, h) => {
        const first = suggest(network, h);
        expect(suggest(structuredClone(network), { ...h })).toEqual(first);
        const safety = first.suggestions.map((s) => {
          const rooms = network.find((n) => n.id === s.shelterId)!.rooms;
          return planSafety(
            rooms.filter((r) => s.beds.some((b) => b.roomId === r.id)),
            h,
          );
        });
        const scores = first.suggestions.map((s) => s.score);
        for (let i = 1; i < scores.length; i++) {
          expect(safety[i - 1]).toBeLessThanOrEqual(safety[i]);
          if (safety[i - 1] === safety[i]) expect(scores[i - 1]).toBeGreaterThanOrEqual(scores[i]);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
