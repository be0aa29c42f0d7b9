import { afterAll, describe, expect, it } from 'vitest';
import { networkAvailability } from '@/lib/placement/availability';
import { makeArrival, makeCity, makeRoom, makeShelter, makeStay } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const { db, cleanup } = createTestDb();
afterAll(() => cleanup());

// A city's suggestions read its own beds by key; they must say what the network's read says of them.
describe('free beds of one city', () => {
  const yerevan = makeCity(db, 'Yerevan');
  const tbilisi = makeCity(db, 'Tbilisi');
  const kentron = makeShelter(db, { cityId: yerevan.id });
  const men = makeRoom(db, kentron.id, 'men', 3);
  const women = makeRoom(db, kentron.id, 'women', 2);
  const vake = makeShelter(db, { cityId: tbilisi.id });
  const family = makeRoom(db, vake.id, 'family', 4);
  const nights = { firstNight: '2026-11-02', departure: '2026-11-05' };
  // A man in Yerevan on the middle night only; a moving stay there; a family in Tbilisi on all three.
  makeStay(db, {
    arrivalId: makeArrival(db).id,
    shelterId: kentron.id,
    bedIds: [men.beds[0].id],
    firstNight: '2026-11-03',
    departure: '2026-11-04',
  });
  const moving = makeStay(db, {
    arrivalId: makeArrival(db).id,
    shelterId: kentron.id,
    bedIds: [women.beds[0].id],
    firstNight: '2026-11-01',
    departure: '2026-11-06',
  });
  makeStay(db, { arrivalId: makeArrival(db).id, shelterId: vake.id, bedIds: family.beds.slice(0, 2).map((b) => b.id), ...nights });

  const freeOf = (list: ReturnType<typeof networkAvailability>, id: string) => {
    const shelter = list.find((s) => s.id === id)!;
    return { beds: shelter.rooms.flatMap((room) => room.freeBeds.map((bed) => bed.id)).sort(), byNight: shelter.freeByNight ?? [] };
  };

  it('offers only the city’s shelters, with the same free beds night by night as the whole network', () => {
    for (const exceptStayId of [null, moving.id]) {
      const city = networkAvailability(db, { nights, cityIds: [yerevan.id], exceptStayId });
      const network = networkAvailability(db, { nights, exceptStayId });
      expect(city.map((s) => s.id)).toEqual([kentron.id]);
      expect(freeOf(city, kentron.id)).toEqual(freeOf(network, kentron.id));
    }
    const city = freeOf(networkAvailability(db, { nights, cityIds: [yerevan.id] }), kentron.id);
    // Five beds; the man's takes one on the 3rd, the moving stay's one on every night.
    expect(city.byNight.map((n) => n.free)).toEqual([4, 3, 4]);
    expect(city.beds).toEqual([men.beds[1].id, men.beds[2].id, women.beds[1].id].sort());
    // Counted as free when it is the stay being moved.
    expect(
      freeOf(networkAvailability(db, { nights, cityIds: [yerevan.id], exceptStayId: moving.id }), kentron.id).byNight.map((n) => n.free),
    ).toEqual([5, 4, 5]);
    expect(freeOf(networkAvailability(db, { nights, cityIds: [tbilisi.id] }), vake.id).byNight.map((n) => n.free)).toEqual([2, 2, 2]);
  });
});
