import { describe, expect, it } from 'vitest';
import { blendedRate, forecast, heldAt, peopleOf, type RecentStay, type ShelterInput } from '@/lib/forecast/maths';

/**
 * A hand-worked network of one shelter in Berlin, asked at 23:30 local on Saturday 24 Oct 2026
 * (21:30Z, CEST +2), just before midnight; the clocks go back in the night of the 25th (25 hours).
 * Rooms: men M (4 beds), women W (2 beds), family F (4 beds); 10 beds in service.
 *   - Guest g1 in M, checked in, departure 25th: booked tonight (24th), departing from the 25th.
 *   - Guest g2 in W, checked in, overdue (departure was the 24th, check-out by 10:00): not in the
 *     ledger, still in bed, and keeps it tonight.
 *   - Both rooms' check-out hour is 10:00.
 *   - Reservation r1, 2 beds in F for the 25th and 26th (a family of 2 booked ahead).
 *   - F is closed on the 27th.
 * No-shows over 30 days: 1 expired, 9 checked in. With no other shelter the network's rate is
 * (1 + 10 × 0.15) / (10 + 10) = 0.125, and the shelter's (1 + 10 × 0.125) / (10 + 10) = 0.1125.
 * No recent stays: nothing fills (recentFills 0), and the overstay rate is the default 0.05 blended
 * with itself, 0.05.
 * Tonight, 24th: M 4 − 1 booked = 3 certain; W 2 − 1 overdue = 1 certain, 0 likely; F 4 certain.
 *   certain 8, likely 0, likely still free at midnight 8.
 * 25th (a 25-hour night): M 4 − 1 departing = 3 certain, 1 likely; W 1 certain, 1 likely;
 *   F 4 − 2 reserved = 2 certain, 2 × 0.1125 = 0.225 likely. certain 6, likely 2.225.
 * 27th: F closed; M 3 + 1, W 1 + 1: certain 4, likely 2.
 */
const ZONE = 'Europe/Berlin';
const now = Date.parse('2026-10-24T21:30:00Z');
const shelter: ShelterInput = {
  id: 's1',
  timeZone: ZONE,
  checkOutBy: '10:00',
  rooms: [
    { id: 'M', kind: 'men', beds: 4 },
    { id: 'W', kind: 'women', beds: 2 },
    { id: 'F', kind: 'family', beds: 4 },
  ],
  closures: [{ roomId: 'F', firstNight: '2026-10-27', lastNight: '2026-10-27' }],
  ledger: [
    { roomId: 'M', night: '2026-10-24', checkedIn: 1, reserved: 0 },
    { roomId: 'F', night: '2026-10-25', checkedIn: 0, reserved: 2 },
    { roomId: 'F', night: '2026-10-26', checkedIn: 0, reserved: 2 },
  ],
  departing: [
    { roomId: 'M', departure: '2026-10-25', beds: 1 },
    { roomId: 'W', departure: '2026-10-24', beds: 1 },
  ],
  arriving: [{ firstNight: '2026-10-25', people: { men: 0, women: 0, families: 2 } }],
  noShows: { expired: 1, checkedIn: 9 },
  recent: [],
};

describe('the forecast, on the hand-worked network', () => {
  const result = forecast({
    now,
    networkZone: ZONE,
    shelters: [shelter],
    waiting: [{ people: { men: 2, women: 0, families: 0 }, expectedAt: null }],
  });
  const [mine] = result.shelters;

  it('blends a shelter with few stays towards the network', () => {
    expect(result.noShowRate).toBeCloseTo(0.125);
    expect(mine.noShowRate).toBeCloseTo(0.1125);
  });

  it('counts tonight before midnight as the 24th, the overdue guest in their bed: neither free for sure nor likely', () => {
    expect(mine.nights[0].night).toBe('2026-10-24');
    expect(mine.nights[0].total.certain).toBe(8);
    expect(mine.nights[0].byKind.women).toMatchObject({ certain: 1, likely: 0 });
    expect(mine.nights[0].total.expectedFree).toBeCloseTo(8);
    // From the 25th the overdue guest's bed is likely free: they may leave in the morning.
    expect(mine.nights[1].byKind.women).toMatchObject({ certain: 1, likely: 1 });
  });

  it('takes a guest due out this morning as likely gone tonight until the check-out hour passes', () => {
    const dueToday = { ...shelter, ledger: [], departing: [{ roomId: 'W', departure: '2026-10-24', beds: 1 }], closures: [] };
    const at = (iso: string) =>
      forecast({ now: Date.parse(iso), networkZone: ZONE, shelters: [dueToday], waiting: [] }).shelters[0].nights[0].byKind.women;
    // 09:30 in Berlin: before 10:00.
    expect(at('2026-10-24T07:30:00Z')).toMatchObject({ certain: 1, likely: 1 });
    // 10:30: still here after the hour, so in the bed tonight.
    expect(at('2026-10-24T08:30:00Z')).toMatchObject({ certain: 1, likely: 0 });
  });

  it('frees the departing guest across the clock change and weighs the booked family by its no-show rate', () => {
    const night = mine.nights[1];
    expect(night.night).toBe('2026-10-25');
    expect(night.total.certain).toBe(6);
    expect(night.total.likely).toBeCloseTo(2.225);
    expect(night.ahead).toEqual({ men: 0, women: 0, families: 2 });
  });

  it('leaves a closed room out', () => {
    expect(mine.nights[3]).toMatchObject({ night: '2026-10-27', total: { certain: 4, likely: 2 } });
  });

  it('puts the queue on tonight and sums the network', () => {
    expect(result.nights[0].waiting).toEqual({ men: 2, women: 0, families: 0 });
    expect(result.nights.map((n) => n.total.certain)).toEqual(mine.nights.map((n) => n.total.certain));
  });

  it('after midnight, tonight is the 25th', () => {
    const after = forecast({ now: Date.parse('2026-10-24T22:30:00Z'), networkZone: ZONE, shelters: [shelter], waiting: [] });
    expect(after.shelters[0].nights[0].night).toBe('2026-10-25');
  });

  it('subtracts what recent placements took at that distance', () => {
    // Each of the last 14 nights a one-bed men's stay made an hour before midnight held its bed:
    // tonight's midnight is half an hour away and fills nothing (3 certain); the 25th's is 25 hours
    // away and fills 1 bed: 3 certain + 1 departing − 0.05 overstaying − 1 = 2.95.
    const recent: RecentStay[] = Array.from({ length: 14 }, (_, i) => {
      const night = new Date(Date.parse('2026-10-23T12:00:00Z') - i * 86_400_000).toISOString().slice(0, 10);
      const midnight = Date.parse(`${night}T22:00:00Z`);
      return {
        kind: 'men',
        beds: 1,
        createdAt: midnight - 3_600_000,
        firstNight: night,
        departure: night,
        holdUntil: midnight + 1,
        checkedInAt: null,
        endedAt: null,
      };
    });
    const filled = forecast({ now, networkZone: ZONE, shelters: [{ ...shelter, recent }], waiting: [] }).shelters[0];
    expect(filled.nights[0].byKind.men.expectedFree).toBeCloseTo(3);
    expect(filled.nights[1].byKind.men.expectedFree).toBeCloseTo(2.95);
  });
});

describe('forecast helpers', () => {
  it('counts households with children as families', () => {
    expect(peopleOf({ adultMen: 1, adultWomen: 1, children: 2 })).toEqual({ men: 0, women: 0, families: 4 });
    expect(peopleOf({ adultMen: 1, adultWomen: 1, children: 0 })).toEqual({ men: 1, women: 1, families: 0 });
  });

  it('keeps a busy shelter near its own rate', () => {
    expect(blendedRate({ expired: 100, checkedIn: 300 }, 0.5)).toBeCloseTo(105 / 410);
  });

  it('holds a bed at midnight only from its first night, until it ends', () => {
    const stay: RecentStay = {
      kind: 'men',
      beds: 1,
      createdAt: 0,
      firstNight: '2026-10-25',
      departure: '2026-10-26',
      holdUntil: 10,
      checkedInAt: 5,
      endedAt: 100,
    };
    expect(heldAt(stay, '2026-10-24', 50)).toBe(false);
    expect(heldAt(stay, '2026-10-25', 50)).toBe(true);
    expect(heldAt(stay, '2026-10-25', 100)).toBe(false);
  });
});
