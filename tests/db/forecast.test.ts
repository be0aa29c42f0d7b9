import { afterAll, describe, expect, it } from 'vitest';
import { bedNights, shelterClosures, stays } from '@/db/schema';
import { nightsOf, type NightRange } from '@/lib/calendar/nights';
import { loadForecastInput } from '@/lib/forecast/load';
import { forecast } from '@/lib/forecast/maths';
import { makeArrival, makeRoom, makeShelter } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const { db, cleanup } = createTestDb();
afterAll(() => cleanup());

// 18:00 in Berlin on Saturday 24 Oct 2026; the clocks go back in the night of the 25th.
const now = new Date('2026-10-24T16:00:00Z');
const hour = 3_600_000;

/** A stay with its ledger rows, as the placement code leaves one (written directly until it merges). */
function stayOn(
  shelterId: string,
  bedIds: string[],
  range: NightRange,
  status: 'reserved' | 'checked_in',
  household = { adultMen: 1, adultWomen: 0, children: 0 },
) {
  const arrival = makeArrival(db, { ...household, status: 'placed' });
  const stay = db
    .insert(stays)
    .values({
      arrivalId: arrival.id,
      shelterId,
      status,
      ...range,
      holdUntil: new Date(now.getTime() + 5 * hour),
      checkedInAt: status === 'checked_in' ? new Date(now.getTime() - 20 * hour) : null,
      createdAt: new Date(now.getTime() - 24 * hour),
    })
    .returning()
    .get();
  for (const bedId of bedIds)
    db.$client.prepare('insert into stay_beds (stay_id, bed_id, held_at) values (?, ?, ?)').run(stay.id, bedId, stay.createdAt.getTime());
  for (const night of nightsOf(range))
    db.insert(bedNights)
      .values(bedIds.map((bedId) => ({ bedId, night, stayId: stay.id })))
      .run();
  return stay;
}

describe('the forecast read from the database', () => {
  const shelter = makeShelter(db, { timeZone: 'Europe/Berlin' });
  const men = makeRoom(db, shelter.id, 'men', 4);
  const family = makeRoom(db, shelter.id, 'family', 4);
  const other = makeShelter(db, { timeZone: 'Europe/Berlin' });
  makeRoom(db, other.id, 'women', 3);
  // A guest checked in, due to leave on the 26th: booked the 24th and 25th, departing from the 26th.
  stayOn(shelter.id, [men.beds[0].id], { firstNight: '2026-10-23', departure: '2026-10-26' }, 'checked_in');
  // A family of three booked ahead for the 25th and 26th.
  stayOn(
    shelter.id,
    family.beds.slice(0, 3).map((b) => b.id),
    { firstNight: '2026-10-25', departure: '2026-10-27' },
    'reserved',
    { adultMen: 1, adultWomen: 1, children: 1 },
  );
  // The family room is closed on the 29th.
  db.insert(shelterClosures)
    .values({ shelterId: shelter.id, roomId: family.room.id, firstNight: '2026-10-29', lastNight: '2026-10-29' })
    .run();
  // Waiting: a woman here now, a man landing on the 26th.
  makeArrival(db, { adultMen: 0, adultWomen: 1, status: 'waiting' });
  makeArrival(db, { adultMen: 1, adultWomen: 0, status: 'waiting', expectedAt: new Date('2026-10-26T10:00:00Z') });

  it('reads the ledger, departures, closures, arrivals ahead and the queue', () => {
    const input = loadForecastInput(db, now, { shelterIds: [shelter.id] });
    expect(input.shelters).toHaveLength(1);
    const [mine] = input.shelters;
    expect(mine.rooms.map((r) => [r.kind, r.beds]).sort()).toEqual([
      ['family', 4],
      ['men', 4],
    ]);
    expect(mine.departing).toEqual([{ roomId: men.room.id, departure: '2026-10-26', beds: 1 }]);
    expect(mine.ledger.filter((row) => row.roomId === family.room.id).map((row) => [row.night, row.reserved])).toEqual([
      ['2026-10-25', 3],
      ['2026-10-26', 3],
    ]);
    expect(mine.arriving).toEqual([{ firstNight: '2026-10-25', people: { men: 0, women: 0, families: 3 } }]);
    expect(mine.closures).toHaveLength(1);
    expect(input.waiting).toHaveLength(2);
  });

  it('gives the figures a guide would check by hand', () => {
    const result = forecast(loadForecastInput(db, now));
    const mine = result.shelters.find((s) => s.id === shelter.id)!;
    // Tonight (24th): 8 beds, one taken by the guest → 7 certain.
    expect(mine.nights[0].total.certain).toBe(7);
    // 25th: the guest and the family's 3 beds → 4 certain; 3 reserved beds may free up as no-shows.
    expect(mine.nights[1].total.certain).toBe(4);
    expect(mine.nights[1].byKind.family.likely).toBeCloseTo(3 * mine.noShowRate);
    // 26th: the guest is due out, so their bed is likely, not certain.
    expect(mine.nights[2].byKind.men).toMatchObject({ certain: 3, likely: 1 });
    // 29th: the family room is closed, only the men's room counts.
    expect(mine.nights[5].total.certain).toBe(3);
    // The whole network, tonight: both shelters' beds, less the guest's.
    expect(result.nights[0].total.certain).toBe(10);
    expect(result.nights[0].waiting).toEqual({ men: 0, women: 1, families: 0 });
    expect(result.nights[2].ahead).toEqual({ men: 1, women: 0, families: 0 });
    expect(result.nights[1].ahead).toEqual({ men: 0, women: 0, families: 3 });
  });

  it('forgets a reservation whose hold has passed, even before the sweep', () => {
    const later = new Date(now.getTime() + 6 * hour);
    const mine = forecast(loadForecastInput(db, later, { shelterIds: [shelter.id] })).shelters[0];
    expect(mine.nights.find((n) => n.night === '2026-10-25')!.total.certain).toBe(7);
  });
});
