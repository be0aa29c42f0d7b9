import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '@/db';
import { beds, shelterClosures, shelters } from '@/db/schema';
import { addDays, localDay } from '@/lib/calendar/days';
import { addNights, tonightIn } from '@/lib/calendar/nights';
import { bedConflicts } from '@/lib/nights/overdue';
import { sheltersTonight } from '@/lib/occupancy/free-tonight';
import { occupancyHistory } from '@/lib/occupancy/history';
import { networkNow } from '@/lib/occupancy/now';
import { expireHolds } from '@/lib/placement/expiry';
import { reserveBeds } from '@/lib/placement/reserve';
import { checkIn, checkOut, moveStay } from '@/lib/placement/stays';
import { setBedOutOfService } from '@/lib/shelters/rooms';
import { asStaff, makeArrival, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { makeDatedStay } from '../support/host-day';
import { createTestDb } from '../support/test-db';

const { db, path, cleanup } = createTestDb();
afterAll(() => cleanup());

// 18:00 in Istanbul on Friday 4 Dec 2026.
const now = new Date('2026-12-04T15:00:00Z');
const hour = 3_600_000;
const tonight = tonightIn('Europe/Istanbul', now);

/** What the counts kept on `db` are read from, read on a fresh connection: nothing kept there. */
function onFresh<T>(read: (other: Db) => T): T {
  const { db: other, sqlite } = openDatabase(path);
  try {
    return read(other);
  } finally {
    sqlite.close();
  }
}

/**
 * Tonight's counts, the now page's figures and the beds with two guests, as the long-lived connection
 * (`db`) reads them, keeping each shelter's while nothing it was counted from has moved, and as a fresh
 * connection reads them: after every change below they must agree to the last figure.
 */
const agrees = (at = now) => {
  expect(sheltersTonight(db, at)).toEqual(onFresh((other) => sheltersTonight(other, at)));
  expect(networkNow(db, at)).toEqual(onFresh((other) => networkNow(other, at)));
  expect(bedConflicts(db, null, at)).toEqual(onFresh((other) => bedConflicts(other, null, at)));
};
const freeIn = (shelterId: string, at = now) => sheltersTonight(db, at).find((shelter) => shelter.id === shelterId)!.counts.free;

describe('the counts of tonight kept per connection', () => {
  const admin = asStaff(makeUser(db, 'admin'));
  const first = makeShelter(db, { timeZone: 'Europe/Istanbul', status: 'open' });
  const second = makeShelter(db, { timeZone: 'Europe/Istanbul', status: 'open' });
  const men = makeRoom(db, first.id, 'men', 4);
  const women = makeRoom(db, second.id, 'women', 3);
  const woman = { adultMen: 0, adultWomen: 1, children: 0 };
  const place = (bedIds: string[], household = { adultMen: 1, adultWomen: 0, children: 0 }) => {
    const nights = { firstNight: tonight, departure: addNights(tonight, 2) };
    const arrival = makeArrival(db, { ...household, status: 'waiting' });
    return reserveBeds(db, admin, { arrivalId: arrival.id, bedIds, ...nights }, now);
  };

  it('follows bookings, check-ins, moves and check-outs in the one shelter they touch', () => {
    agrees();
    expect(freeIn(first.id)).toBe(4);
    const guest = place([men.beds[0].id]);
    expect(freeIn(first.id)).toBe(3);
    agrees();
    checkIn(db, admin, guest.stayId, now);
    agrees();
    moveStay(db, admin, { stayId: guest.stayId, bedIds: [men.beds[1].id] }, now);
    agrees();
    checkOut(db, admin, guest.stayId, new Date(now.getTime() + hour));
    expect(freeIn(first.id, new Date(now.getTime() + hour))).toBe(4);
    agrees(new Date(now.getTime() + hour));
  });

  it('frees a bed the moment its hold passes, swept or not, with nothing written', () => {
    const stay = place([women.beds[0].id], woman);
    expect(freeIn(second.id)).toBe(2);
    const justBefore = new Date(stay.holdUntil.getTime() - 1);
    expect(freeIn(second.id, justBefore)).toBe(2);
    agrees(justBefore);
    expect(freeIn(second.id, stay.holdUntil)).toBe(3);
    agrees(stay.holdUntil);
    expireHolds(db, stay.holdUntil);
    agrees(stay.holdUntil);
  });

  it('follows closures, beds out of service, a paused shelter and a clock that goes back', () => {
    place([women.beds[1].id], woman);
    agrees();
    db.insert(shelterClosures).values({ shelterId: first.id, roomId: men.room.id, firstNight: tonight, lastNight: tonight }).run();
    expect(freeIn(first.id)).toBe(0);
    agrees();
    db.update(beds).set({ outOfServiceReason: 'Broken frame' }).where(eq(beds.id, women.beds[2].id)).run();
    agrees();
    db.update(shelters).set({ status: 'paused' }).where(eq(shelters.id, second.id)).run();
    expect(sheltersTonight(db, now).find((shelter) => shelter.id === second.id)!.free).toBe(0);
    agrees();
    // Tomorrow the closure is over; then the clock goes back (tests do this on one connection).
    agrees(new Date(now.getTime() + 24 * hour));
    agrees(new Date(now.getTime() - 40 * 24 * hour));
    agrees();
  });

  it('shows a guest past their departure in a bed booked from that day at once, and not before', () => {
    const third = makeShelter(db, { timeZone: 'Europe/Istanbul', status: 'open' });
    const room = makeRoom(db, third.id, 'mixed', 2);
    // Booked first for the night the guest is due out; the guest then stays on past it.
    makeDatedStay(db, {
      shelterId: third.id,
      bedIds: [room.beds[0].id],
      status: 'reserved',
      firstNight: addNights(tonight, 1),
      departure: addNights(tonight, 3),
      alias: 'Vitaly',
      holdUntil: new Date(now.getTime() + 72 * hour),
    });
    const staying = makeDatedStay(db, {
      shelterId: third.id,
      bedIds: [room.beds[0].id],
      status: 'reserved',
      firstNight: addNights(tonight, -1),
      departure: addNights(tonight, 1),
      alias: 'Nikolai',
      holdUntil: new Date(now.getTime() + 72 * hour),
    });
    checkIn(db, admin, staying.id, now);
    expect(bedConflicts(db, null, now)).toEqual([]);
    agrees();
    const tomorrow = new Date(now.getTime() + 24 * hour);
    expect(bedConflicts(db, null, tomorrow).map((conflict) => [conflict.shelterId, conflict.stayingId])).toEqual([[third.id, staying.id]]);
    agrees(tomorrow);
    checkOut(db, admin, staying.id, tomorrow);
    expect(bedConflicts(db, null, tomorrow)).toEqual([]);
    agrees(tomorrow);
  });
});

describe("today's history kept per connection", () => {
  const admin = asStaff(makeUser(db, 'admin'));
  const shelter = makeShelter(db, { timeZone: 'Europe/Istanbul', status: 'open' });
  const room = makeRoom(db, shelter.id, 'mixed', 3);
  // Beds made a month before the test's clock (makeRoom dates them by the real one).
  for (const bed of room.beds)
    db.update(beds)
      .set({ createdAt: new Date(now.getTime() - 30 * 24 * hour) })
      .where(eq(beds.id, bed.id))
      .run();
  const today = localDay(now.getTime(), 'Europe/Istanbul');
  const scope = { shelterId: shelter.id, timeZone: 'Europe/Istanbul' };
  /** The network's and the shelter's last two days (nothing is rolled up: both are live), kept and fresh. */
  const historyAgrees = (at = now) => {
    const from = addDays(localDay(at.getTime(), 'Europe/Istanbul'), -1);
    const to = localDay(at.getTime(), 'Europe/Istanbul');
    for (const which of ['network', scope] as const)
      expect(occupancyHistory(db, which, from, to, at)).toEqual(onFresh((other) => occupancyHistory(other, which, from, to, at)));
  };
  const reservedToday = (at = now) => occupancyHistory(db, scope, today, today, at)[0].reserved;
  // A man waiting, booked into the room's bed `bed` from tonight for `nights` nights.
  const book = (bed: number, nights: number) => {
    const arrival = makeArrival(db, { adultMen: 1, adultWomen: 0, children: 0, status: 'waiting' });
    const bedIds = [room.beds[bed].id];
    return reserveBeds(db, admin, { arrivalId: arrival.id, bedIds, firstNight: tonight, departure: addNights(tonight, nights) }, now);
  };

  it('follows a booking, a check-in, a hold that passes and a bed out of service, and a clock that goes back', () => {
    historyAgrees();
    const stay = book(0, 2);
    expect(reservedToday()).toBe(1);
    historyAgrees();
    // The hold passes with nothing written: today's snapshot no longer counts the bed reserved.
    expect(reservedToday(new Date(stay.holdUntil.getTime() - 1))).toBe(1);
    expect(reservedToday(stay.holdUntil)).toBe(0);
    historyAgrees(stay.holdUntil);
    const guest = book(1, 1);
    checkIn(db, admin, guest.stayId, new Date(now.getTime() + hour));
    historyAgrees(new Date(now.getTime() + 2 * hour));
    setBedOutOfService(db, admin, { bedId: room.beds[2].id, reason: 'Broken frame' }, new Date(now.getTime() + hour));
    historyAgrees(new Date(now.getTime() + 2 * hour));
    expect(occupancyHistory(db, scope, today, today, new Date(now.getTime() + 2 * hour))[0].outOfService).toBe(1);
    historyAgrees(new Date(now.getTime() - 40 * 24 * hour));
    historyAgrees(new Date(now.getTime() + 2 * hour));
  });
});
