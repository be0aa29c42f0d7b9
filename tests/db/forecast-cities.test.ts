import { afterAll, describe, expect, it } from 'vitest';
import { loadForecastInput } from '@/lib/forecast/load';
import { forecast } from '@/lib/forecast/maths';
import { networkNights } from '@/lib/forecast/view';
import { queueScope } from '@/lib/households/queries';
import { occupancyArea } from '@/lib/occupancy/area';
import { asStaff, makeArrival, makeCity, makeRoom, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const { db, cleanup } = createTestDb();
afterAll(() => cleanup());

// 18:00 in Istanbul on Saturday 24 Oct 2026 (both cities keep UTC+3 and UTC+4 all year).
const now = new Date('2026-10-24T15:00:00Z');
const hour = 3_600_000;

const istanbul = makeCity(db, 'Istanbul');
const yerevan = makeCity(db, 'Yerevan', { timeZone: 'Asia/Yerevan' });

// Istanbul: 6 men's beds, one guest checked in, a family of four booked for tomorrow.
const fatih = makeShelter(db, { cityId: istanbul.id, timeZone: 'Europe/Istanbul' });
const istanbulMen = makeRoom(db, fatih.id, 'men', 6);
const istanbulFamily = makeRoom(db, fatih.id, 'family', 4);
makeStay(db, {
  arrivalId: makeArrival(db, { adultMen: 1, adultWomen: 0, status: 'placed', cityId: istanbul.id }).id,
  shelterId: fatih.id,
  bedIds: [istanbulMen.beds[0].id],
  status: 'checked_in',
  firstNight: '2026-10-23',
  departure: '2026-10-27',
});
makeStay(db, {
  arrivalId: makeArrival(db, { adultMen: 2, adultWomen: 1, children: 1, status: 'placed', cityId: istanbul.id }).id,
  shelterId: fatih.id,
  bedIds: istanbulFamily.beds.map((b) => b.id),
  holdUntil: new Date(now.getTime() + 30 * hour),
  firstNight: '2026-10-25',
  departure: '2026-10-27',
});
// Yerevan: 3 women's beds, one woman booked for tomorrow.
const kentron = makeShelter(db, { cityId: yerevan.id, timeZone: 'Asia/Yerevan' });
const yerevanWomen = makeRoom(db, kentron.id, 'women', 3);
makeStay(db, {
  arrivalId: makeArrival(db, { adultMen: 0, adultWomen: 1, status: 'placed', cityId: yerevan.id }).id,
  shelterId: kentron.id,
  bedIds: [yerevanWomen.beds[0].id],
  holdUntil: new Date(now.getTime() + 30 * hour),
  firstNight: '2026-10-25',
  departure: '2026-10-26',
});
// The queues: three men in Istanbul, a woman in Yerevan, and a man with no city yet (no city's queue).
for (let i = 0; i < 3; i++) makeArrival(db, { adultMen: 1, adultWomen: 0, status: 'waiting', cityId: istanbul.id });
makeArrival(db, { adultMen: 0, adultWomen: 1, status: 'waiting', cityId: yerevan.id });
makeArrival(db, { adultMen: 1, adultWomen: 0, status: 'waiting', cityId: null });

/** Tonight and tomorrow as the forecast above the queue shows them, for the cities given (null: the network). */
function shown(cityIds: readonly string[] | null) {
  const input = loadForecastInput(db, now, { cityIds });
  const [tonight, tomorrow] = networkNights(forecast(input));
  return { shelterIds: input.shelters.map((s) => s.id), tonight, tomorrow };
}

describe('the forecast follows the caller’s cities', () => {
  it('counts no Istanbul shelter or household for a guide of Yerevan, above the queue', () => {
    const guide = asStaff(makeUser(db, 'guide', { cityIds: [yerevan.id] }), [], [yerevan.id]);
    const scope = queueScope(guide);
    const { shelterIds, tonight, tomorrow } = shown(scope === 'all' ? null : scope);
    expect(shelterIds).toEqual([kentron.id]);
    expect(tonight.certain).toBe(3);
    expect(tonight.waiting).toEqual({ men: 0, women: 1, families: 0 });
    // Tomorrow: one of Yerevan's three beds booked, and only that woman due; not Istanbul's family.
    expect(tomorrow.certain).toBe(2);
    expect(tomorrow.ahead).toBe(1);
    expect(tomorrow.byKind.men.certain).toBe(0);
    expect(tomorrow.byKind.family.certain).toBe(0);
  });

  it('counts only Yerevan for a Yerevan admin on /occupancy', () => {
    const admin = asStaff(makeUser(db, 'admin', { cityIds: [yerevan.id] }), [], [yerevan.id]);
    const area = occupancyArea(db, admin, undefined, 'en');
    // Asking for Istanbul by slug does not widen it: the city is not theirs.
    expect(occupancyArea(db, admin, 'istanbul', 'en').cityIds).toEqual([yerevan.id]);
    const { shelterIds, tonight } = shown(area.cityIds);
    expect(shelterIds).toEqual([kentron.id]);
    expect(tonight.certain).toBe(3);
    expect(tonight.waiting).toEqual({ men: 0, women: 1, families: 0 });
  });

  it('tells a one-city page’s times on that city’s clock, the whole network’s on the network’s', () => {
    const yerevanAdmin = asStaff(makeUser(db, 'admin', { cityIds: [yerevan.id] }), [], [yerevan.id]);
    expect(occupancyArea(db, yerevanAdmin, undefined, 'en').timeZone).toBe('Asia/Yerevan');
    const everyCity = asStaff(makeUser(db, 'admin'));
    expect(occupancyArea(db, everyCity, undefined, 'en').timeZone).toBe('Europe/Istanbul');
    expect(occupancyArea(db, everyCity, yerevan.slug, 'en').timeZone).toBe('Asia/Yerevan');
  });

  it('narrows to the city an all-city guide picks, and shows the whole network otherwise', () => {
    const guide = asStaff(makeUser(db, 'guide'));
    const picked = queueScope(guide, istanbul.id);
    const city = shown(picked === 'all' ? null : picked);
    expect(city.shelterIds).toEqual([fatih.id]);
    expect(city.tonight.certain).toBe(9);
    expect(city.tonight.waiting).toEqual({ men: 3, women: 0, families: 0 });
    expect(city.tomorrow.ahead).toBe(4);

    expect(queueScope(guide)).toBe('all');
    const network = shown(null);
    expect(network.shelterIds.sort()).toEqual([fatih.id, kentron.id].sort());
    expect(network.tonight.certain).toBe(12);
    // The household with no city counts in the network's queue only.
    expect(network.tonight.waiting).toEqual({ men: 4, women: 1, families: 0 });
    expect(network.tomorrow.ahead).toBe(5);
  });
});
