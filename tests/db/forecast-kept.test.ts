import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db';
import { arrivals, beds, rooms } from '@/db/schema';
import { addNights, tonightIn } from '@/lib/calendar/nights';
import { loadForecastInput } from '@/lib/forecast/load';
import { forecast } from '@/lib/forecast/maths';
import { changeStayDates } from '@/lib/placement/dates';
import { expireHolds } from '@/lib/placement/expiry';
import { reserveBeds } from '@/lib/placement/reserve';
import { cancelStay, checkIn, checkOut, moveStay } from '@/lib/placement/stays';
import { asStaff, makeArrival, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const { db, path, cleanup } = createTestDb();
afterAll(() => cleanup());

// 18:00 in Istanbul on Friday 4 Dec 2026.
const now = new Date('2026-12-04T15:00:00Z');
const hour = 3_600_000;
const tonight = tonightIn('Europe/Istanbul', now);

/**
 * The forecast as a fresh connection makes it: nothing kept, every stay read from the file. The
 * forecast on the long-lived connection (`db`) keeps each shelter's stays while its stamp stands
 * still; after every change below both must agree to the last figure.
 */
function fresh(at: Date) {
  const { db: other, sqlite } = openDatabase(path);
  try {
    return forecast(loadForecastInput(other, at));
  } finally {
    sqlite.close();
  }
}

describe('the stays the forecast keeps per connection', () => {
  const admin = asStaff(makeUser(db, 'admin'));
  const first = makeShelter(db, { timeZone: 'Europe/Istanbul' });
  const second = makeShelter(db, { timeZone: 'Europe/Istanbul' });
  const men = makeRoom(db, first.id, 'men', 4);
  const family = makeRoom(db, first.id, 'family', 4);
  const women = makeRoom(db, second.id, 'women', 3);
  const place = (
    bedIds: string[],
    household = { adultMen: 1, adultWomen: 0, children: 0 },
    nights = { firstNight: tonight, departure: addNights(tonight, 3) },
  ) => {
    const arrival = makeArrival(db, { ...household, status: 'waiting' });
    return reserveBeds(db, admin, { arrivalId: arrival.id, bedIds, ...nights }, now);
  };
  const agrees = (at = now) => expect(forecast(loadForecastInput(db, at))).toEqual(fresh(at));

  it('agrees with a fresh read before anything is booked', () => {
    agrees();
  });

  it('follows bookings, check-ins, date changes, moves, check-outs, cancellations and expiry', () => {
    agrees();
    const guest = place([men.beds[0].id]);
    agrees();
    const familyStay = place(
      [family.beds[0].id, family.beds[1].id, family.beds[2].id],
      { adultMen: 1, adultWomen: 1, children: 1 },
      { firstNight: addNights(tonight, 2), departure: addNights(tonight, 4) },
    );
    const booked = forecast(loadForecastInput(db, now));
    expect(booked.nights[2].ahead.families).toBe(3);
    agrees();
    checkIn(db, admin, guest.stayId, now);
    agrees();
    changeStayDates(db, admin, { stayId: guest.stayId, departure: addNights(tonight, 5) }, now);
    agrees();
    moveStay(db, admin, { stayId: guest.stayId, bedIds: [men.beds[1].id] }, now);
    agrees();
    const woman = place([women.beds[0].id], { adultMen: 0, adultWomen: 1, children: 0 });
    agrees();
    cancelStay(db, admin, woman.stayId, now);
    agrees();
    checkOut(db, admin, guest.stayId, new Date(now.getTime() + hour));
    agrees(new Date(now.getTime() + hour));
    // The family's hold passes unswept, then is swept: the forecast forgets it either way.
    const later = new Date(familyStay.holdUntil.getTime() + hour);
    agrees(later);
    expect(forecast(loadForecastInput(db, later)).nights[2].ahead.families).toBe(0);
    expireHolds(db, later);
    agrees(later);
  });

  it('follows a household whose head count changes while its reservation stands', () => {
    const stay = place([men.beds[2].id]);
    agrees();
    const arrivalId = db.$client.prepare('select arrival_id from stays where id = ?').pluck().get(stay.stayId) as string;
    db.update(arrivals).set({ adultMen: 2 }).where(eq(arrivals.id, arrivalId)).run();
    agrees();
  });

  it('follows rooms and beds a host changes, and a clock that goes back', () => {
    place([men.beds[3].id]);
    agrees();
    db.update(beds).set({ outOfServiceReason: 'Broken frame' }).where(eq(beds.id, men.beds[3].id)).run();
    agrees();
    db.update(rooms).set({ kind: 'mixed' }).where(eq(rooms.id, men.room.id)).run();
    agrees();
    // A forecast asked for an earlier time on the same connection (tests do this) reads again.
    agrees(new Date(now.getTime() - 40 * 24 * hour));
    agrees();
  });

  it('leaves a stay out of the recent ones the hour it stops being one, with nothing written', () => {
    // A guest checked in for 17 nights: their departure is among the mornings the forecast learns
    // overstays from, 22 days on (RECENT_DAYS), when the stay itself stops being a recent one.
    const long = place([makeRoom(db, second.id, 'mixed', 1).beds[0].id], undefined, {
      firstNight: tonight,
      departure: addNights(tonight, 17),
    });
    checkIn(db, admin, long.stayId, now);
    agrees();
    // An hour before and an hour after, on the same night.
    const [before, after] = [new Date(now.getTime() + 22 * 24 * hour - hour), new Date(now.getTime() + 22 * 24 * hour + hour)];
    agrees(before);
    agrees(after);
    expect(forecast(loadForecastInput(db, after)).shelters).not.toEqual(forecast(loadForecastInput(db, before)).shelters);
    agrees();
  });

  it('reads the whole network at once when most of it is stale, keeping what was fresh', () => {
    const third = makeShelter(db, { timeZone: 'Europe/Istanbul' });
    makeRoom(db, third.id, 'mixed', 2);
    const connection = openDatabase(path);
    try {
      // Only the first shelter is kept on this connection; the other two are read at the next forecast.
      loadForecastInput(connection.db, now, { shelterIds: [first.id] });
      expect(forecast(loadForecastInput(connection.db, now))).toEqual(fresh(now));
      place([women.beds[1].id], { adultMen: 0, adultWomen: 1, children: 0 });
      expect(forecast(loadForecastInput(connection.db, now))).toEqual(fresh(now));
    } finally {
      connection.sqlite.close();
    }
  });

  it('keeps a connection whose transaction rolled back from trusting what it read inside it', () => {
    agrees();
    try {
      db.transaction(() => {
        place([women.beds[2].id], { adultMen: 0, adultWomen: 1, children: 0 });
        forecast(loadForecastInput(db, now));
        throw new Error('rolled back');
      });
    } catch {
      // The reservation is gone; the stamp its triggers set went with it.
    }
    agrees();
    place([women.beds[2].id], { adultMen: 0, adultWomen: 1, children: 0 });
    agrees();
  });
});
