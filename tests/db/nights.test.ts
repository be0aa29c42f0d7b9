import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import { backfillNights } from '@/db/backfills/0006-nights';
import { arrivals, bedNights, shelterClosures, stayBeds, stays } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { suggestPlacements } from '@/lib/matching/suggest';
import { networkAvailability } from '@/lib/placement/availability';
import { changeStayDates } from '@/lib/placement/dates';
import { expireHolds } from '@/lib/placement/expiry';
import { reserveBeds } from '@/lib/placement/reserve';
import { checkIn, checkOut, moveStay } from '@/lib/placement/stays';
import { asStaff, makeArrival, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { createTestDb, snapshot } from '../support/test-db';

const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

const guide = asStaff(makeUser(db, 'guide'));
// 1 Dec 2026, 12:00 in Istanbul (UTC+3 all year).
const NOON = new Date('2026-12-01T09:00:00Z');

function shelterWith(beds: number, values: Parameters<typeof makeShelter>[1] = {}) {
  const shelter = makeShelter(db, { status: 'open', ...values });
  const room = makeRoom(db, shelter.id, 'mixed', beds);
  const host = asStaff(makeUser(db, 'host', { shelterIds: [shelter.id] }), [shelter.id]);
  return { shelter, room, beds: room.beds, host };
}

const nightsOfStay = (stayId: string) =>
  db
    .select({ night: bedNights.night })
    .from(bedNights)
    .where(eq(bedNights.stayId, stayId))
    .all()
    .map((row) => row.night)
    .sort();

/** The refusal's code and field, after proving it wrote nothing. */
function refusal(fn: () => unknown): { code: string; field?: string; params?: Record<string, string | number> } {
  const before = snapshot(sqlite);
  try {
    write(db, fn);
  } catch (error) {
    expect(snapshot(sqlite)).toEqual(before);
    if (error instanceof DomainError) return { code: error.code, field: error.field, params: error.params };
    throw error;
  }
  throw new Error('expected a refusal');
}

const reserve = (arrivalId: string, bedIds: string[], now: Date, dates: { firstNight?: string; departure?: string } = {}) =>
  write(db, (tx) => reserveBeds(tx, guide, { arrivalId, bedIds, ...dates }, now));

describe('holds follow the door', () => {
  it('a reservation at 03:37 is held until the check-in window closes that evening, not six hours', () => {
    const { beds } = shelterWith(1);
    const result = reserve(makeArrival(db).id, [beds[0].id], new Date('2026-12-01T00:37:00Z'));
    expect(result.range).toEqual({ firstNight: '2026-12-01', departure: '2026-12-04' });
    // 23:00 in Istanbul.
    expect(result.holdUntil).toEqual(new Date('2026-12-01T20:00:00Z'));
  });

  it('a window that ends after midnight holds until then; a short window holds for the hold hours after it opens', () => {
    const late = shelterWith(1, { checkInFrom: '20:00', checkInUntil: '02:00' });
    expect(reserve(makeArrival(db).id, [late.beds[0].id], NOON).holdUntil).toEqual(new Date('2026-12-01T23:00:00Z'));
    const short = shelterWith(1, { checkInFrom: '14:00', checkInUntil: '15:00', holdHours: 6 });
    expect(reserve(makeArrival(db).id, [short.beds[0].id], NOON).holdUntil).toEqual(new Date('2026-12-01T17:00:00Z'));
  });

  it('after the door has closed, tonight is refused and the default is tomorrow; across a clock change the door keeps local time', () => {
    const { beds } = shelterWith(2);
    const lateEvening = new Date('2026-12-01T20:30:00Z'); // 23:30 in Istanbul
    expect(
      refusal(() => reserveBeds(db, guide, { arrivalId: makeArrival(db).id, bedIds: [beds[0].id], firstNight: '2026-12-01' }, lateEvening)),
    ).toMatchObject({
      code: 'checkInClosed',
      field: 'firstNight',
    });
    expect(reserve(makeArrival(db).id, [beds[0].id], lateEvening).range.firstNight).toBe('2026-12-02');

    // Berlin leaves summer time at 03:00 on 25 Oct 2026: 23:00 is 21:00Z on the 24th, 22:00Z on the 25th.
    const berlin = shelterWith(2, { timeZone: 'Europe/Berlin' });
    const early = new Date('2026-10-24T08:00:00Z');
    expect(reserve(makeArrival(db).id, [berlin.beds[0].id], early).holdUntil).toEqual(new Date('2026-10-24T21:00:00Z'));
    expect(
      reserve(makeArrival(db).id, [berlin.beds[1].id], early, { firstNight: '2026-10-25', departure: '2026-10-26' }).holdUntil,
    ).toEqual(new Date('2026-10-25T22:00:00Z'));
  });

  it('expiry releases every night of the stay', () => {
    const { beds } = shelterWith(1);
    const { stayId, holdUntil } = reserve(makeArrival(db).id, [beds[0].id], NOON, { firstNight: '2026-12-03', departure: '2026-12-06' });
    expect(nightsOfStay(stayId)).toEqual(['2026-12-03', '2026-12-04', '2026-12-05']);
    write(db, (tx) => expireHolds(tx, new Date(holdUntil.getTime() + 1)));
    expect(nightsOfStay(stayId)).toEqual([]);
    expect(db.select().from(stays).where(eq(stays.id, stayId)).get()!.status).toBe('expired');
  });
});

describe('booking ahead', () => {
  it('one bed serves a stay tonight and another from the day after; an overlapping night is refused by the ledger', () => {
    const { beds } = shelterWith(1);
    const ahead = reserve(makeArrival(db).id, [beds[0].id], NOON, { firstNight: '2026-12-03', departure: '2026-12-05' });
    const tonight = reserve(makeArrival(db).id, [beds[0].id], NOON, { firstNight: '2026-12-01', departure: '2026-12-03' });
    expect(nightsOfStay(ahead.stayId)).toEqual(['2026-12-03', '2026-12-04']);
    expect(nightsOfStay(tonight.stayId)).toEqual(['2026-12-01', '2026-12-02']);
    expect(
      refusal(() =>
        reserveBeds(
          db,
          guide,
          { arrivalId: makeArrival(db).id, bedIds: [beds[0].id], firstNight: '2026-12-04', departure: '2026-12-06' },
          NOON,
        ),
      ),
    ).toMatchObject({
      code: 'bedsTaken',
      params: { night: '2026-12-04' },
    });
  });

  it('uses the household’s expected landing and the nights it asked for', () => {
    const { beds } = shelterWith(1);
    const arrival = makeArrival(db, { expectedAt: new Date('2026-12-02T11:00:00Z'), nightsWanted: 2 });
    expect(reserve(arrival.id, [beds[0].id], NOON).range).toEqual({ firstNight: '2026-12-02', departure: '2026-12-04' });
  });

  it('refuses bad dates next to their field and writes nothing', () => {
    const { shelter, beds } = shelterWith(1, { longestNights: 2 });
    const arrivalId = makeArrival(db).id;
    const attempt = (firstNight: string, departure: string) =>
      refusal(() => reserveBeds(db, guide, { arrivalId, bedIds: [beds[0].id], firstNight, departure }, NOON));
    expect(attempt('2026-12-03', '2026-12-03')).toMatchObject({ code: 'departureBeforeArrival', field: 'departure' });
    expect(attempt('2026-12-03', '2026-12-02')).toMatchObject({ code: 'departureBeforeArrival', field: 'departure' });
    expect(attempt('2026-12-01', '2026-12-04')).toMatchObject({ code: 'tooManyNights', field: 'departure', params: { max: 2 } });
    expect(attempt('2026-11-30', '2026-12-01')).toMatchObject({ code: 'firstNightPast', field: 'firstNight' });
    expect(attempt('2027-03-02', '2027-03-03')).toMatchObject({ code: 'tooFarAhead', field: 'firstNight' });
    expect(attempt('2026-02-30', '2026-03-01')).toMatchObject({ code: 'invalidDate', field: 'firstNight' });
    db.insert(shelterClosures).values({ shelterId: shelter.id, firstNight: '2026-12-02', lastNight: '2026-12-02' }).run();
    expect(attempt('2026-12-01', '2026-12-03')).toMatchObject({ code: 'closedOn', field: 'firstNight', params: { night: '2026-12-02' } });
  });
});

describe('changing the dates', () => {
  it('extends onto free nights, refuses a collision with its night, and a move takes the household to beds free for the new dates', () => {
    const { beds, host } = shelterWith(2);
    const stay = reserve(makeArrival(db).id, [beds[0].id], NOON, { firstNight: '2026-12-01', departure: '2026-12-03' });
    reserve(makeArrival(db).id, [beds[0].id], NOON, { firstNight: '2026-12-04', departure: '2026-12-06' });

    write(db, (tx) => changeStayDates(tx, host, { stayId: stay.stayId, departure: '2026-12-04' }, NOON));
    expect(nightsOfStay(stay.stayId)).toEqual(['2026-12-01', '2026-12-02', '2026-12-03']);

    expect(refusal(() => changeStayDates(db, host, { stayId: stay.stayId, departure: '2026-12-05' }, NOON))).toMatchObject({
      code: 'datesTaken',
      field: 'departure',
      params: { night: '2026-12-04' },
    });
    // The other bed is free on every night: moving there with the new departure keeps them together.
    write(db, (tx) => moveStay(tx, host, { stayId: stay.stayId, bedIds: [beds[1].id], departure: '2026-12-05' }, NOON));
    expect(nightsOfStay(stay.stayId)).toEqual(['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']);
    expect(db.select().from(stays).where(eq(stays.id, stay.stayId)).get()!.departure).toBe('2026-12-05');
  });

  it('shortening frees the nights given up, at once', () => {
    const { beds, host } = shelterWith(1);
    const stay = reserve(makeArrival(db).id, [beds[0].id], NOON, { firstNight: '2026-12-01', departure: '2026-12-05' });
    write(db, (tx) => changeStayDates(tx, host, { stayId: stay.stayId, departure: '2026-12-02' }, NOON));
    expect(nightsOfStay(stay.stayId)).toEqual(['2026-12-01']);
    expect(reserve(makeArrival(db).id, [beds[0].id], NOON, { firstNight: '2026-12-02', departure: '2026-12-05' }).range.firstNight).toBe(
      '2026-12-02',
    );
  });

  it('a host of another shelter may not change them, and the refusal writes nothing', () => {
    const { beds } = shelterWith(1);
    const other = shelterWith(1);
    const stay = reserve(makeArrival(db).id, [beds[0].id], NOON);
    expect(refusal(() => changeStayDates(db, other.host, { stayId: stay.stayId, departure: '2026-12-06' }, NOON)).code).toBe('notAllowed');
  });
});

describe('checking in and out', () => {
  it('a booking ahead cannot be checked in before its first night', () => {
    const { beds, host } = shelterWith(1);
    const stay = reserve(makeArrival(db).id, [beds[0].id], NOON, { firstNight: '2026-12-02', departure: '2026-12-03' });
    expect(refusal(() => checkIn(db, host, stay.stayId, NOON))).toMatchObject({
      code: 'notTheirNightYet',
      params: { night: '2026-12-02' },
    });
    write(db, (tx) => checkIn(tx, host, stay.stayId, new Date('2026-12-02T12:00:00Z')));
  });

  it('an early check-out frees the remaining nights at once: the bed is offered for tonight again', () => {
    const { shelter, beds, host } = shelterWith(1);
    const stay = reserve(makeArrival(db).id, [beds[0].id], NOON, { firstNight: '2026-12-01', departure: '2026-12-04' });
    write(db, (tx) => checkIn(tx, host, stay.stayId, NOON));
    const nights = { firstNight: '2026-12-02', departure: '2026-12-04' };
    const freeBeds = () => networkAvailability(db, { shelterId: shelter.id, nights })[0].rooms[0].freeBeds.length;
    expect(freeBeds()).toBe(0);
    write(db, (tx) => checkOut(tx, host, stay.stayId, new Date('2026-12-02T06:00:00Z')));
    expect(nightsOfStay(stay.stayId)).toEqual([]);
    expect(freeBeds()).toBe(1);
  });
});

describe('suggestions over several nights', () => {
  it('rank only shelters free on every night, and say on which night the others are full', () => {
    const { shelter, beds } = shelterWith(1);
    reserve(makeArrival(db).id, [beds[0].id], NOON, { firstNight: '2026-12-02', departure: '2026-12-03' });
    const household = { adultMen: 0, adultWomen: 1, children: 0, languages: [], needsWheelchair: false, hasPet: false };
    const nights = { firstNight: '2026-12-01', departure: '2026-12-04' };
    const { suggestions, excluded } = suggestPlacements(
      networkAvailability(db, { shelterId: shelter.id, nights }),
      household,
      NOON,
      nights,
    );
    expect(suggestions).toEqual([]);
    expect(excluded[0].reasons).toEqual([{ code: 'fullOn', night: '2026-12-02' }]);
    const tonightOnly = { firstNight: '2026-12-01', departure: '2026-12-02' };
    expect(
      suggestPlacements(networkAvailability(db, { shelterId: shelter.id, nights: tonightOnly }), household, NOON, tonightOnly).suggestions,
    ).toHaveLength(1);
  });

  it('leave out a shelter whose longest stay is shorter than asked, saying so', () => {
    const { shelter } = shelterWith(2, { longestNights: 2 });
    const nights = { firstNight: '2026-12-01', departure: '2026-12-04' };
    const household = { adultMen: 1, adultWomen: 0, children: 0, languages: [], needsWheelchair: false, hasPet: false };
    const { excluded } = suggestPlacements(networkAvailability(db, { shelterId: shelter.id, nights }), household, NOON, nights);
    expect(excluded[0].reasons).toContainEqual({ code: 'stayTooLong', max: 2 });
  });
});

describe('stays from before nights existed', () => {
  it('get a first night and a planned departure by the shelter’s usual stay, never before tomorrow, and their beds booked from tonight', () => {
    const { shelter, beds } = shelterWith(2, { usualNights: 3 });
    const arrival = makeArrival(db);
    const checkedIn = db
      .insert(stays)
      .values({
        arrivalId: arrival.id,
        shelterId: shelter.id,
        status: 'checked_in',
        holdUntil: NOON,
        checkedInAt: new Date('2026-11-25T15:00:00Z'),
        createdAt: new Date('2026-11-25T12:00:00Z'),
      })
      .returning()
      .get();
    db.insert(stayBeds).values({ stayId: checkedIn.id, bedId: beds[0].id }).run();
    const left = db
      .insert(stays)
      .values({
        arrivalId: makeArrival(db).id,
        shelterId: shelter.id,
        status: 'checked_out',
        holdUntil: NOON,
        createdAt: new Date('2026-11-20T12:00:00Z'),
        endedAt: new Date('2026-11-23T08:00:00Z'),
      })
      .returning()
      .get();
    db.update(arrivals).set({ status: 'placed' }).where(eq(arrivals.id, arrival.id)).run();

    backfillNights(db, NOON);
    // Checked in on 25 Nov: its usual three nights ended on the 28th, so it keeps its bed until tomorrow.
    expect(db.select().from(stays).where(eq(stays.id, checkedIn.id)).get()).toMatchObject({
      firstNight: '2026-11-25',
      departure: '2026-12-02',
    });
    expect(nightsOfStay(checkedIn.id)).toEqual(['2026-12-01']);
    expect(db.select().from(stays).where(eq(stays.id, left.id)).get()).toMatchObject({ firstNight: '2026-11-20', departure: '2026-11-23' });
    expect(nightsOfStay(left.id)).toEqual([]);
    // Run again, it changes nothing.
    const before = snapshot(sqlite);
    expect(backfillNights(db, NOON)).toBe(0);
    expect(snapshot(sqlite)).toEqual(before);
  });
});
