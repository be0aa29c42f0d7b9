import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import { DomainError } from '@/lib/errors';
import { bedConflicts } from '@/lib/nights/overdue';
import { overdueBeds } from '@/lib/occupancy/free-tonight';
import { networkAvailability } from '@/lib/placement/availability';
import { changeStayDates } from '@/lib/placement/dates';
import { oneMoreNight } from '@/lib/placement/one-more-night';
import { reserveBeds } from '@/lib/placement/reserve';
import { checkIn, checkOut, moveStay } from '@/lib/placement/stays';
import { twoInOneBed } from '@/lib/shelters/bed-conflicts';
import { asStaff, makeArrival, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { makeDatedStay } from '../support/host-day';
import { createTestDb, snapshot } from '../support/test-db';

const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

// Warsaw, the weekend the clocks go forward (02:00 → 03:00 on Sun 29 Mar 2026). The guest's planned
// departure is Sat 28 Mar: at 23:30 that evening (UTC+1) they are past it, and still there after
// midnight and after the clock change.
const SAT_LATE = new Date('2026-03-28T22:30:00Z'); // 23:30 Sat, tonight = 28 Mar
const SUN_EARLY = new Date('2026-03-28T23:30:00Z'); // 00:30 Sun, tonight = 29 Mar
const SUN_AFTER_CHANGE = new Date('2026-03-29T01:30:00Z'); // 03:30 Sun (UTC+2), tonight = 29 Mar
const FAR = new Date('2026-04-30T00:00:00Z');

const guide = asStaff(makeUser(db, 'guide'));
const admin = asStaff(makeUser(db, 'admin'));

/** A Warsaw shelter whose door is open into the small hours, one room of four beds, its host. */
function warsawShelter() {
  const shelter = makeShelter(db, {
    status: 'open',
    timeZone: 'Europe/Warsaw',
    checkInFrom: '12:00',
    checkInUntil: '04:00',
    checkOutBy: '11:00',
  });
  const { room, beds } = makeRoom(db, shelter.id, 'mixed', 4);
  const host = asStaff(makeUser(db, 'host', { shelterIds: [shelter.id] }), [shelter.id]);
  return { shelter, room, beds, host };
}
/** Nikolai, checked in from Thu 26 Mar, due out Sat 28 Mar, still in bed 1. */
function nikolaiIn(shelterId: string, bedId: string) {
  return makeDatedStay(db, {
    shelterId,
    bedIds: [bedId],
    status: 'checked_in',
    firstNight: '2026-03-26',
    departure: '2026-03-28',
    alias: 'Nikolai',
    holdUntil: FAR,
  });
}
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return null;
};

describe('a guest past their departure keeps their bed', () => {
  it('is not suggested: the bed is not free tonight nor after midnight nor after the clock change, and counts as taken', () => {
    const { shelter, beds } = warsawShelter();
    nikolaiIn(shelter.id, beds[0].id);
    for (const [now, night] of [
      [SAT_LATE, '2026-03-28'],
      [SUN_EARLY, '2026-03-29'],
      [SUN_AFTER_CHANGE, '2026-03-29'],
    ] as const) {
      const [mine] = networkAvailability(db, { nights: { firstNight: night, departure: '2026-03-31' }, shelterId: shelter.id });
      expect(
        mine.rooms[0].freeBeds.map((bed) => bed.label),
        `${now.toISOString()}`,
      ).toEqual(['2', '3', '4']);
      expect(mine.freeByNight?.map((slot) => slot.free)).toEqual(night === '2026-03-28' ? [3, 3, 3] : [3, 3]);
      expect([...overdueBeds(db, now).keys()]).toContain(beds[0].id);
    }
  });

  it('is not reservable: a guide is told why, and nothing is written', () => {
    const { shelter, beds } = warsawShelter();
    nikolaiIn(shelter.id, beds[0].id);
    const vitaly = makeArrival(db, { alias: 'Vitaly', adultMen: 1, adultWomen: 0 });
    const before = snapshot(sqlite);
    expect(refusal(() => write(db, (tx) => reserveBeds(tx, guide, { arrivalId: vitaly.id, bedIds: [beds[0].id] }, SUN_EARLY)))).toBe(
      'guestStillInBed',
    );
    expect(snapshot(sqlite)).toBe(before);
    // Another bed of the same room is his.
    const placed = write(db, (tx) => reserveBeds(tx, guide, { arrivalId: vitaly.id, bedIds: [beds[1].id] }, SUN_EARLY));
    expect(placed.range.firstNight).toBe('2026-03-29');
  });

  it('is not moved into: a household moved by a guide cannot take the bed either', () => {
    const { shelter, beds } = warsawShelter();
    nikolaiIn(shelter.id, beds[0].id);
    const other = makeDatedStay(db, {
      shelterId: shelter.id,
      bedIds: [beds[1].id],
      status: 'reserved',
      firstNight: '2026-03-29',
      departure: '2026-03-31',
      holdUntil: FAR,
    });
    expect(refusal(() => write(db, (tx) => moveStay(tx, admin, { stayId: other.id, bedIds: [beds[0].id] }, SUN_EARLY)))).toBe(
      'guestStillInBed',
    );
  });

  it('waits for the check-out: a booking for the nights after a checked-in guest’s planned departure is refused until the host checks them out', () => {
    const { shelter, beds, host } = warsawShelter();
    const nikolai = nikolaiIn(shelter.id, beds[0].id);
    write(db, (tx) => changeStayDates(tx, host, { stayId: nikolai.id, departure: '2026-03-30' }, SAT_LATE));
    const anna = makeArrival(db, { alias: 'Anna' });
    const ahead = { arrivalId: anna.id, bedIds: [beds[0].id], firstNight: '2026-03-30', departure: '2026-04-01' };
    expect(refusal(() => write(db, (tx) => reserveBeds(tx, guide, ahead, SAT_LATE)))).toBe('guestStillInBed');
    write(db, (tx) => checkOut(tx, host, nikolai.id, SAT_LATE));
    expect(write(db, (tx) => reserveBeds(tx, guide, ahead, SAT_LATE)).range).toEqual({ firstNight: '2026-03-30', departure: '2026-04-01' });
  });
});

describe('the database keeps the bed for the guest (migration 0012)', () => {
  function withGuest() {
    const { shelter, beds } = warsawShelter();
    const nikolai = nikolaiIn(shelter.id, beds[0].id);
    const other = makeDatedStay(db, {
      shelterId: shelter.id,
      bedIds: [beds[1].id],
      status: 'reserved',
      firstNight: '2026-03-29',
      departure: '2026-03-31',
      holdUntil: FAR,
    });
    return { beds, nikolai, other };
  }

  it('refuses a bed-night or a bed hold of another stay on that bed, from the guest’s first night on', () => {
    const { beds, nikolai, other } = withGuest();
    expect(() =>
      sqlite.prepare('insert into bed_nights (bed_id, night, stay_id) values (?, ?, ?)').run(beds[0].id, '2026-03-29', other.id),
    ).toThrow('bed_occupied');
    expect(() => sqlite.prepare('insert into stay_beds (stay_id, bed_id, held_at) values (?, ?, 0)').run(other.id, beds[0].id)).toThrow(
      'bed_occupied',
    );
    expect(() => sqlite.prepare('update bed_nights set bed_id = ? where stay_id = ?').run(beds[0].id, other.id)).toThrow('bed_occupied');
    // Nights before he came are history, not his.
    sqlite.prepare('insert into bed_nights (bed_id, night, stay_id) values (?, ?, ?)').run(beds[0].id, '2026-03-20', other.id);
    // His own nights, as "one more night" books them, are his to book.
    sqlite.prepare('insert into bed_nights (bed_id, night, stay_id) values (?, ?, ?)').run(beds[0].id, '2026-03-28', nikolai.id);
  });

  it('refuses a check-in of a second guest into a bed whose guest is still checked in', () => {
    const { beds, nikolai, other } = withGuest();
    // A hold on his bed from before he checked in (as the database had it before this rule).
    sqlite.prepare("update stays set status = 'reserved' where id = ?").run(nikolai.id);
    sqlite.prepare('insert into stay_beds (stay_id, bed_id, held_at) values (?, ?, 0)').run(other.id, beds[0].id);
    sqlite.prepare("update stays set status = 'checked_in' where id = ?").run(nikolai.id);
    expect(() => sqlite.prepare("update stays set status = 'checked_in' where id = ?").run(other.id)).toThrow('bed_occupied');
  });
});

describe('a booking made before the guest overstayed', () => {
  // Vitaly was booked into bed 1 from Sat 28 Mar while Nikolai was only reserved; Nikolai checked in
  // and has not left. Both bookings were right when made: the conflict is shown, and a move resolves it.
  function conflictAt() {
    const { shelter, beds, host } = warsawShelter();
    const vitaly = makeDatedStay(db, {
      shelterId: shelter.id,
      bedIds: [beds[0].id],
      status: 'reserved',
      firstNight: '2026-03-28',
      departure: '2026-03-31',
      alias: 'Vitaly',
      holdUntil: FAR,
    });
    const nikolai = makeDatedStay(db, {
      shelterId: shelter.id,
      bedIds: [beds[0].id],
      status: 'reserved',
      firstNight: '2026-03-26',
      departure: '2026-03-28',
      alias: 'Nikolai',
      holdUntil: FAR,
    });
    write(db, (tx) => checkIn(tx, host, nikolai.id, new Date('2026-03-26T17:00:00Z')));
    return { shelter, beds, host, vitaly, nikolai };
  }

  it('cannot be checked in while the guest is still in the bed: the host is told why, and nothing is written', () => {
    const { host, vitaly } = conflictAt();
    const before = snapshot(sqlite);
    expect(refusal(() => write(db, (tx) => checkIn(tx, host, vitaly.id, SAT_LATE)))).toBe('bedStillOccupied');
    expect(snapshot(sqlite)).toBe(before);
  });

  it('is shown to the host with both names, and is no conflict before the guest is past their departure', () => {
    const { shelter, host } = conflictAt();
    expect(bedConflicts(db, [shelter.id], new Date('2026-03-27T20:00:00Z'))).toEqual([]);
    const shown = twoInOneBed(db, host, shelter.id, SAT_LATE);
    expect(
      shown.map((c) => [c.bedLabel, c.staying.household.alias, c.departure, c.other.household.alias, c.otherStatus, c.otherFrom]),
    ).toEqual([['1', 'Nikolai', '2026-03-28', 'Vitaly', 'reserved', '2026-03-28']]);
    // A host does not move households; a guide or an admin does, from the household's page.
    expect(shown[0].staying.moveHref).toBeNull();
    expect(twoInOneBed(db, admin, shelter.id, SAT_LATE)[0].other.moveHref).toMatch(/^\/arrivals\//);
  });

  it('"one more night" for the guest is refused on the booked night, and a move of the booking resolves the conflict', () => {
    const { shelter, beds, host, vitaly, nikolai } = conflictAt();
    expect(refusal(() => write(db, (tx) => oneMoreNight(tx, host, { stayId: nikolai.id, departure: '2026-03-28' }, SAT_LATE)))).toBe(
      'datesTaken',
    );
    write(db, (tx) => moveStay(tx, admin, { stayId: vitaly.id, bedIds: [beds[2].id] }, SAT_LATE));
    expect(bedConflicts(db, [shelter.id], SAT_LATE)).toEqual([]);
    write(db, (tx) => checkIn(tx, host, vitaly.id, SAT_LATE));
    write(db, (tx) => oneMoreNight(tx, host, { stayId: nikolai.id, departure: '2026-03-28' }, SAT_LATE));
  });
});

describe('"one more night" for a guest past their departure', () => {
  it('keeps them tonight, also after midnight: the departure moves to the day after tonight and the ledger books tonight', () => {
    const { shelter, beds, host } = warsawShelter();
    const nikolai = nikolaiIn(shelter.id, beds[0].id);
    const held = (night: string) =>
      sqlite.prepare('select stay_id from bed_nights where bed_id = ? and night = ?').pluck().get(beds[0].id, night);
    // After midnight, "tonight" is Sunday's night: one more night is Sunday's, departure Monday.
    expect(write(db, (tx) => oneMoreNight(tx, host, { stayId: nikolai.id, departure: '2026-03-28' }, SUN_EARLY)).departure).toBe(
      '2026-03-30',
    );
    expect(held('2026-03-29')).toBe(nikolai.id);
    // The same tap again (the page not yet refreshed) asks for nothing new.
    expect(refusal(() => write(db, (tx) => oneMoreNight(tx, host, { stayId: nikolai.id, departure: '2026-03-28' }, SUN_EARLY)))).toBe(
      'sameDates',
    );
  });
});
