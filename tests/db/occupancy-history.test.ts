import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrivals, bedOutages, beds, rooms, shelters, stayBeds, stays } from '@/db/schema';
import { occupancyHistory } from '@/lib/occupancy/history';
import type { DayFigures } from '@/lib/occupancy/maths';
import { rollUpOccupancy } from '@/lib/occupancy/rollup';
import { EXAMPLE_DAYS, EXAMPLE_NOW, EXAMPLE_ZONE, exampleBeds, exampleExpected, exampleStays } from '../support/occupancy-example';
import { createTestDb } from '../support/test-db';

const { db, sqlite, cleanup } = createTestDb();
afterAll(cleanup);
const at = (iso: string) => new Date(iso);
const since = at('2026-10-01T00:00:00Z');

let berlin: { shelterId: string; timeZone: string };

/** The hand-worked week, written as the app would have written it, plus an Istanbul shelter. */
beforeAll(() => {
  const shelter = db
    .insert(shelters)
    .values({ name: 'Berlin', district: 'Mitte', timeZone: EXAMPLE_ZONE, createdAt: since })
    .returning()
    .get();
  berlin = { shelterId: shelter.id, timeZone: EXAMPLE_ZONE };
  const room = db.insert(rooms).values({ shelterId: shelter.id, name: 'Hall', kind: 'mixed' }).returning().get();
  const bed = (label: string, createdAt: number) =>
    db
      .insert(beds)
      .values({ roomId: room.id, label, createdAt: new Date(createdAt) })
      .returning()
      .get().id;
  const steady = Array.from({ length: exampleBeds.steady.count }, (_, i) => bed(`s${i}`, exampleBeds.steady.createdAt));
  const broken = bed('broken', exampleBeds.broken.createdAt);
  db.insert(bedOutages)
    .values({ bedId: broken, startedAt: new Date(exampleBeds.broken.outOfServiceFrom) })
    .run();
  bed('added', exampleBeds.added.createdAt);

  const households = new Map<string, string>();
  let nextBed = 0;
  for (const stay of exampleStays) {
    let arrivalId = households.get(stay.household);
    if (!arrivalId) {
      arrivalId = db
        .insert(arrivals)
        .values({ adultMen: 1, arrivedAt: new Date(stay.registeredAt), createdAt: new Date(stay.registeredAt) })
        .returning()
        .get().id;
      households.set(stay.household, arrivalId);
    }
    const { id } = db
      .insert(stays)
      .values({
        arrivalId,
        shelterId: shelter.id,
        status: stay.status,
        createdAt: new Date(stay.createdAt),
        holdUntil: new Date(stay.holdUntil),
        checkedInAt: stay.checkedInAt ? new Date(stay.checkedInAt) : null,
        checkedOutAt: stay.checkedOutAt ? new Date(stay.checkedOutAt) : null,
        endedAt: stay.endedAt ? new Date(stay.endedAt) : null,
      })
      .returning()
      .get();
    for (const [from, until] of stay.beds) {
      db.insert(stayBeds)
        .values({
          stayId: id,
          bedId: steady[nextBed++ % steady.length],
          heldAt: new Date(from),
          releasedAt: until ? new Date(until) : null,
        })
        .run();
    }
  }
  // The household that moved in came from Istanbul, where it was placed at 09:00 local on the 26th.
  const istanbul = db.insert(shelters).values({ name: 'Istanbul', district: 'Fatih', createdAt: since }).returning().get();
  const istanbulRoom = db.insert(rooms).values({ shelterId: istanbul.id, name: 'Dorm', kind: 'mixed' }).returning().get();
  const istanbulBed = db.insert(beds).values({ roomId: istanbulRoom.id, label: '1', createdAt: since }).returning().get();
  db.insert(beds).values({ roomId: istanbulRoom.id, label: '2', createdAt: since }).run();
  const movedIn = exampleStays.find((stay) => stay.movedIn)!;
  const before = db
    .insert(stays)
    .values({
      arrivalId: households.get(movedIn.household)!,
      shelterId: istanbul.id,
      status: 'cancelled',
      createdAt: at('2026-10-26T06:00:00Z'),
      holdUntil: at('2026-10-26T12:00:00Z'),
      endedAt: new Date(movedIn.createdAt),
    })
    .returning()
    .get();
  db.insert(stayBeds)
    .values({ stayId: before.id, bedId: istanbulBed.id, heldAt: before.createdAt, releasedAt: new Date(movedIn.createdAt) })
    .run();
  // Registered at 00:30 in Berlin on the 25th (01:30 in Istanbul); never placed.
  db.insert(arrivals)
    .values({ adultWomen: 1, arrivedAt: at('2026-10-24T22:30:00Z'), createdAt: at('2026-10-24T22:30:00Z') })
    .run();
});

// A shelter's history has no registrations: households are registered with the network, not a shelter.
const withoutFree = exampleExpected.map(({ free, ...figures }) => ({ ...figures, registered: 0 }));
const berlinHistory = () => occupancyHistory(db, berlin, EXAMPLE_DAYS[0], EXAMPLE_DAYS[2], EXAMPLE_NOW);

// The network's registrations fall on Istanbul's days: 00:30 Berlin on the 25th is the 25th there too,
// but 23:00 Berlin on the 25th is 01:00 on the 26th in Istanbul.
const networkExpected: Omit<DayFigures, 'waitMinutes'>[] = withoutFree.map(({ waitMinutes, ...day }, i) => ({
  ...day,
  bedsInService: day.bedsInService + 2,
  registered: [1, 1, 3][i],
  placed: day.placed + (i === 2 ? 1 : 0),
}));

describe('occupancy history of the hand-worked week', () => {
  it('computes the worked figures from the stays themselves before any roll-up', () => {
    expect(berlinHistory()).toEqual(withoutFree);
  });

  it('adds the shelters of the network on their own local days', () => {
    const network = occupancyHistory(db, 'network', EXAMPLE_DAYS[0], EXAMPLE_DAYS[2], EXAMPLE_NOW);
    expect(network.map(({ waitMinutes, ...day }) => day)).toEqual(networkExpected);
    expect(network[2].waitMinutes.sort((a, b) => a - b)).toEqual([60, 90]);
  });

  it('stores every ended day once, and the stored days give the same answer', () => {
    expect(rollUpOccupancy(db, EXAMPLE_NOW)).toEqual({ shelterDays: 2 * 26, networkDays: 26 });
    const stored = sqlite.prepare("select count(*) from occupancy_days where day >= '2026-10-27'").pluck().get();
    expect(stored).toBe(0);
    expect(berlinHistory()).toEqual(withoutFree);
    const network = occupancyHistory(db, 'network', EXAMPLE_DAYS[0], EXAMPLE_DAYS[2], EXAMPLE_NOW);
    expect(network.map(({ waitMinutes, ...day }) => day)).toEqual(networkExpected);
  });

  it('is idempotent, and a stored day survives a later change to the beds', () => {
    expect(rollUpOccupancy(db, EXAMPLE_NOW)).toEqual({ shelterDays: 0, networkDays: 0 });
    sqlite.prepare("delete from beds where label = 'added'").run();
    expect(berlinHistory()).toEqual(withoutFree);
  });

  it('rolls up the next day once it has ended, and shows today as it stands', () => {
    const later = at('2026-10-28T12:00:00Z');
    expect(rollUpOccupancy(db, later)).toEqual({ shelterDays: 2, networkDays: 1 });
    const [, today] = occupancyHistory(db, berlin, '2026-10-27', '2026-10-28', later);
    expect(today).toMatchObject({ day: '2026-10-28', occupied: 1, reserved: 0, noShows: 0 });
  });
});
