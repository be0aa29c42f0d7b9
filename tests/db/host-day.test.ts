import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import { DomainError } from '@/lib/errors';
import { changeStayDates } from '@/lib/placement/dates';
import { dayListOf, hostDay, type HostDay } from '@/lib/shelters/day';
import { asStaff, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { makeDatedStay } from '../support/host-day';
import { createTestDb, snapshot } from '../support/test-db';

const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

// 10 Mar 2026, 10:00 in Istanbul (UTC+3 all year): check-out (11:00) has not yet passed.
const MORNING = new Date('2026-03-10T07:00:00Z');
const FAR = new Date('2026-03-20T00:00:00Z');

function hostedShelter(values: Parameters<typeof makeShelter>[1] = {}) {
  const shelter = makeShelter(db, { status: 'open', checkOutBy: '11:00', ...values });
  const { beds } = makeRoom(db, shelter.id, 'mixed', 8);
  const host = asStaff(makeUser(db, 'host', { shelterIds: [shelter.id] }), [shelter.id]);
  return { shelter, beds, host };
}
const aliases = (day: HostDay) => ({
  expected: day.expected.map((s) => s.household.alias),
  leavingToday: day.leavingToday.map((s) => s.household.alias),
  leavingTomorrow: day.leavingTomorrow.map((s) => s.household.alias),
  overdue: day.overdue.map((s) => s.household.alias),
});

describe("the host's day", () => {
  const { shelter, beds, host } = hostedShelter();
  const stay = (alias: string, bed: number, status: 'reserved' | 'checked_in', firstNight: string, departure: string) =>
    makeDatedStay(db, {
      shelterId: shelter.id,
      bedIds: [beds[bed].id],
      status,
      firstNight,
      departure,
      alias,
      holdUntil: FAR,
      contact: `+90 555 ${alias}`,
      needNote: `${alias} needs a low bed`,
    });
  stay('Tonight', 0, 'reserved', '2026-03-10', '2026-03-13');
  stay('Late', 1, 'reserved', '2026-03-09', '2026-03-12');
  stay('NextWeek', 2, 'reserved', '2026-03-16', '2026-03-18');
  stay('GoesToday', 3, 'checked_in', '2026-03-07', '2026-03-10');
  stay('GoesTomorrow', 4, 'checked_in', '2026-03-08', '2026-03-11');
  stay('Stayed', 5, 'checked_in', '2026-03-05', '2026-03-09');
  stay('Staying', 6, 'checked_in', '2026-03-09', '2026-03-15');

  it('sorts the stays into expected (tonight first, then later nights), leaving today, leaving tomorrow and past their departure', () => {
    const day = aliases(hostDay(db, host, shelter, MORNING));
    // Tonight's two (one since yesterday, still held) in the order they should come, then next week's.
    expect(day.expected.slice(0, 2).sort()).toEqual(['Late', 'Tonight']);
    expect(day).toEqual({
      expected: [...day.expected.slice(0, 2), 'NextWeek'],
      leavingToday: ['GoesToday'],
      leavingTomorrow: ['GoesTomorrow'],
      overdue: ['Stayed'],
    });
  });

  it('moves a guest leaving today to overdue once the check-out time has passed', () => {
    const day = hostDay(db, host, shelter, new Date('2026-03-10T08:00:00Z'));
    expect(aliases(day).leavingToday).toEqual([]);
    expect(aliases(day).overdue).toEqual(['Stayed', 'GoesToday']);
  });

  it("turns the day over at the shelter's midnight, not UTC's", () => {
    // 23:59 and 00:01 in Istanbul are 20:59 and 21:01 UTC on the 10th.
    const before = aliases(hostDay(db, host, shelter, new Date('2026-03-10T20:59:00Z')));
    const after = aliases(hostDay(db, host, shelter, new Date('2026-03-10T21:01:00Z')));
    expect(before.leavingTomorrow).toEqual(['GoesTomorrow']);
    expect(after.leavingToday).toEqual(['GoesTomorrow']);
    expect(after.leavingTomorrow).toEqual([]);
  });

  it("gives a host the alias and need note, never the contact; another shelter's host nothing; an admin no names", () => {
    const day = hostDay(db, host, shelter, MORNING);
    const text = JSON.stringify(day);
    expect(text).toContain('Tonight needs a low bed');
    expect(text).not.toContain('+90 555');
    expect(day.expected[0].beds).toHaveLength(1);

    const other = makeShelter(db);
    const stranger = asStaff(makeUser(db, 'host', { shelterIds: [other.id] }), [other.id]);
    expect(aliases(hostDay(db, stranger, shelter, MORNING))).toEqual({ expected: [], leavingToday: [], leavingTomorrow: [], overdue: [] });

    const admin = asStaff(makeUser(db, 'admin'));
    const adminDay = hostDay(db, admin, shelter, MORNING);
    expect(adminDay.expected).toHaveLength(3);
    expect(JSON.stringify(adminDay)).not.toMatch(/Tonight|\+90 555|low bed/);
  });
});

describe('check-out time across a clock change (Europe/Berlin, 25 Oct 2026)', () => {
  const { shelter, beds, host } = hostedShelter({ timeZone: 'Europe/Berlin' });
  makeDatedStay(db, {
    shelterId: shelter.id,
    bedIds: [beds[0].id],
    status: 'checked_in',
    firstNight: '2026-10-23',
    departure: '2026-10-25',
    alias: 'Autumn',
    holdUntil: FAR,
  });

  it("counts 11:00 after the clocks go back (10:00 UTC), not at summer time's 09:00 UTC", () => {
    expect(aliases(hostDay(db, host, shelter, new Date('2026-10-25T09:30:00Z'))).leavingToday).toEqual(['Autumn']);
    expect(aliases(hostDay(db, host, shelter, new Date('2026-10-25T10:00:00Z'))).overdue).toEqual(['Autumn']);
    // 01:30 on the 25th, still summer time: the 24th has ended and the departure day is today.
    expect(aliases(hostDay(db, host, shelter, new Date('2026-10-24T23:30:00Z'))).leavingToday).toEqual(['Autumn']);
    expect(aliases(hostDay(db, host, shelter, new Date('2026-10-24T21:30:00Z'))).leavingTomorrow).toEqual(['Autumn']);
  });
});

describe('dayListOf', () => {
  it("expects a reservation for a later night as well as tonight's, and places a stay without dates where it can", () => {
    expect(dayListOf({ status: 'reserved', firstNight: '2026-03-11', departure: '2026-03-12' }, '2026-03-10', false)).toBe('expected');
    expect(dayListOf({ status: 'reserved', firstNight: null, departure: null }, '2026-03-10', false)).toBe('expected');
    expect(dayListOf({ status: 'checked_in', firstNight: null, departure: null }, '2026-03-10', true)).toBeNull();
    expect(dayListOf({ status: 'checked_in', firstNight: '2026-03-01', departure: '2026-03-14' }, '2026-03-10', true)).toBeNull();
  });
});

describe('one more night (the stand-in changeStayDates)', () => {
  const { shelter, beds, host } = hostedShelter();
  const guest = makeDatedStay(db, {
    shelterId: shelter.id,
    bedIds: [beds[0].id],
    status: 'checked_in',
    firstNight: '2026-03-08',
    departure: '2026-03-10',
    alias: 'Extend',
    holdUntil: FAR,
  });
  const nightsOf = (stayId: string) =>
    (sqlite.prepare('select night from bed_nights where stay_id = ? order by night').all(stayId) as { night: string }[]).map(
      (r) => r.night,
    );

  it('books the same bed for the next night and moves the departure', () => {
    write(db, (tx) => changeStayDates(tx, host, { stayId: guest.id, departure: '2026-03-11' }, MORNING));
    expect(nightsOf(guest.id)).toEqual(['2026-03-08', '2026-03-09', '2026-03-10']);
    expect(aliases(hostDay(db, host, shelter, MORNING)).leavingTomorrow).toEqual(['Extend']);
  });

  it('refuses a night another stay holds, naming it, and writes nothing', () => {
    // A bed with a guest checked in takes no other booking (migration 0012): "Next" was booked before they checked in.
    const status = (value: string) => sqlite.prepare('update stays set status = ? where id = ?').run(value, guest.id);
    status('reserved');
    makeDatedStay(db, {
      shelterId: shelter.id,
      bedIds: [beds[0].id],
      status: 'reserved',
      firstNight: '2026-03-11',
      departure: '2026-03-13',
      alias: 'Next',
      holdUntil: FAR,
    });
    status('checked_in');
    const before = snapshot(sqlite);
    let error: unknown;
    try {
      write(db, (tx) => changeStayDates(tx, host, { stayId: guest.id, departure: '2026-03-12' }, MORNING));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'datesTaken', field: 'departure', params: { night: '2026-03-11' } });
    expect(snapshot(sqlite)).toBe(before);
  });

  it('refuses a host of another shelter', () => {
    const other = makeShelter(db);
    const stranger = asStaff(makeUser(db, 'host', { shelterIds: [other.id] }), [other.id]);
    const before = snapshot(sqlite);
    expect(() => write(db, (tx) => changeStayDates(tx, stranger, { stayId: guest.id, departure: '2026-03-12' }, MORNING))).toThrow(
      DomainError,
    );
    expect(snapshot(sqlite)).toBe(before);
  });
});
