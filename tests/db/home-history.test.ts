import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrivals, beds, rooms, shelters, stayBeds, stays } from '@/db/schema';
import { occupancyHistory } from '@/lib/occupancy/history';
import type { DayFigures } from '@/lib/occupancy/maths';
import { rollUpOccupancy } from '@/lib/occupancy/rollup';
import { defaultCityOf } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

// Issue 30: "the admin's history shows the home's nights apart from the shelters'". A shelter of 4
// beds and a private home of 2, in Istanbul, over three days that cross the home's first guest's
// check-in (the 2nd, 20:00 local) and a shelter guest's check-out (the 3rd, 10:00 local).
const { db, cleanup } = createTestDb();
afterAll(cleanup);

const ZONE = 'Europe/Istanbul';
const since = new Date('2026-11-25T09:00:00Z');
// Noon on the 4th in Istanbul: the 1st to the 3rd have ended, the 4th is today.
const now = new Date('2026-12-04T09:00:00Z');
const scope = { shelterId: '', timeZone: ZONE };
let home = scope;

function place(kind: 'shelter' | 'home', bedCount: number) {
  const shelter = db
    .insert(shelters)
    .values({
      name: kind === 'home' ? 'K7M-3QX' : 'Fatih',
      kind,
      cityId: defaultCityOf(db),
      district: 'Fatih',
      timeZone: ZONE,
      createdAt: since,
    })
    .returning()
    .get();
  const room = db.insert(rooms).values({ shelterId: shelter.id, name: 'Room', kind: 'mixed' }).returning().get();
  const ids = Array.from(
    { length: bedCount },
    (_, i) =>
      db
        .insert(beds)
        .values({ roomId: room.id, label: String(i + 1), createdAt: since })
        .returning()
        .get().id,
  );
  return { id: shelter.id, beds: ids };
}

/** A guest checked in at `from` and out at `until` (null: still there), in `bed`. */
function guest(shelterId: string, bed: string, from: string, until: string | null, firstNight: string, departure: string) {
  const checkedIn = new Date(from);
  const arrival = db.insert(arrivals).values({ adultMen: 1, arrivedAt: checkedIn, createdAt: checkedIn }).returning().get();
  const stay = db
    .insert(stays)
    .values({
      arrivalId: arrival.id,
      shelterId,
      status: until ? 'checked_out' : 'checked_in',
      createdAt: checkedIn,
      holdUntil: new Date(checkedIn.getTime() + 6 * 3600_000),
      checkedInAt: checkedIn,
      checkedOutAt: until ? new Date(until) : null,
      endedAt: until ? new Date(until) : null,
      firstNight,
      departure,
    })
    .returning()
    .get();
  db.insert(stayBeds)
    .values({ stayId: stay.id, bedId: bed, heldAt: checkedIn, releasedAt: until ? new Date(until) : null })
    .run();
}

beforeAll(() => {
  const shelter = place('shelter', 4);
  const house = place('home', 2);
  home = { shelterId: house.id, timeZone: ZONE };
  // In the shelter: one guest throughout, one who leaves on the morning of the 3rd.
  guest(shelter.id, shelter.beds[0], '2026-11-30T17:00:00Z', null, '2026-11-30', '2026-12-06');
  guest(shelter.id, shelter.beds[1], '2026-11-30T17:00:00Z', '2026-12-03T07:00:00Z', '2026-11-30', '2026-12-03');
  // In the home: its first guest comes in on the evening of the 2nd.
  guest(house.id, house.beds[0], '2026-12-02T17:00:00Z', null, '2026-12-02', '2026-12-05');
});

const pick = (days: DayFigures[]) =>
  days.map(({ day, bedsInService, occupied, homeBeds, homeOccupied }) => ({ day, bedsInService, occupied, homeBeds, homeOccupied }));

const expected = [
  { day: '2026-12-01', bedsInService: 6, occupied: 2, homeBeds: 2, homeOccupied: 0 },
  { day: '2026-12-02', bedsInService: 6, occupied: 3, homeBeds: 2, homeOccupied: 1 },
  { day: '2026-12-03', bedsInService: 6, occupied: 2, homeBeds: 2, homeOccupied: 1 },
  { day: '2026-12-04', bedsInService: 6, occupied: 2, homeBeds: 2, homeOccupied: 1 },
];

describe("the network's history counts private homes apart", () => {
  it('counts the home in the totals and again apart, day by day, before any roll-up', () => {
    expect(pick(occupancyHistory(db, 'network', '2026-12-01', '2026-12-04', now))).toEqual(expected);
  });

  it("reads the same once the ended days are rolled up, and the home's own history shows them as the home's", () => {
    rollUpOccupancy(db, now);
    expect(pick(occupancyHistory(db, 'network', '2026-12-01', '2026-12-04', now))).toEqual(expected);
    const own = pick(occupancyHistory(db, home, '2026-12-01', '2026-12-04', now));
    expect(own.map((day) => [day.bedsInService, day.occupied, day.homeBeds, day.homeOccupied])).toEqual([
      [2, 0, 2, 0],
      [2, 1, 2, 1],
      [2, 1, 2, 1],
      [2, 1, 2, 1],
    ]);
  });

  it("a city's history, added up from its shelters' rows, counts them apart too", () => {
    const city = { cityIds: [defaultCityOf(db)], timeZone: ZONE };
    expect(pick(occupancyHistory(db, city, '2026-12-01', '2026-12-04', now))).toEqual(expected);
  });
});
