import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import type { StaffUser } from '@/lib/auth/staff';
import { tonightIn } from '@/lib/calendar/nights';
import { DomainError } from '@/lib/errors';
import { closedNights } from '@/lib/nights/closures';
import { buildCalendar, loadCalendar, type Calendar } from '@/lib/shelters/calendar';
import { closeNights, closuresAhead, reopenClosure } from '@/lib/shelters/closures';
import type { ClosureInput } from '@/lib/validation/shelter';
import { asStaff, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { makeDatedStay } from '../support/host-day';
import { createTestDb, snapshot } from '../support/test-db';

const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

// 10 Mar 2026, 12:00 in Istanbul.
const NOW = new Date('2026-03-10T09:00:00Z');
const FAR = new Date('2026-04-30T00:00:00Z');

function hostedShelter(values: Parameters<typeof makeShelter>[1] = {}) {
  const shelter = makeShelter(db, { status: 'open', ...values });
  const dorm = makeRoom(db, shelter.id, 'mixed', 3);
  const family = makeRoom(db, shelter.id, 'family', 2);
  const host = asStaff(makeUser(db, 'host', { shelterIds: [shelter.id] }), [shelter.id]);
  return { shelter, dorm, family, host };
}

/** The grid as rows of letters, one per night: . free, b booked, o occupied, x out of service, c closed, - not laid out. */
const LETTER = { free: '.', booked: 'b', occupied: 'o', out_of_service: 'x', closed: 'c', none: '-' } as const;
const rows = (calendar: Calendar) =>
  Object.fromEntries(
    calendar.rooms.flatMap((room) => room.beds.map((bed) => [`${room.name}/${bed.label}`, bed.cells.map((c) => LETTER[c]).join('')])),
  );

function refusal(fn: () => unknown): DomainError {
  const before = snapshot(sqlite);
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect(snapshot(sqlite), 'nothing written').toBe(before);
    return error as DomainError;
  }
  throw new Error('not refused');
}
const close = (user: StaffUser, input: Partial<ClosureInput> & Pick<ClosureInput, 'shelterId'>, now = NOW) =>
  write(db, (tx) =>
    closeNights(tx, user, { roomId: null, firstNight: '2026-03-12', lastNight: '2026-03-13', reason: null, ...input }, now),
  );

describe('buildCalendar', () => {
  it('shows a booking over a closure, a closure over out of service, and counts each night with its free beds by room', () => {
    const calendar = buildCalendar({
      nights: ['2026-03-10', '2026-03-11', '2026-03-12'],
      rooms: [
        {
          id: 'r1',
          name: 'Dorm',
          beds: [
            { id: 'b10', label: '10', outOfService: false },
            { id: 'b2', label: '2', outOfService: true },
          ],
        },
        { id: 'r2', name: 'Family', beds: [{ id: 'b3', label: '1', outOfService: false }] },
      ],
      booked: [
        { bedId: 'b10', night: '2026-03-10', status: 'checked_in' },
        { bedId: 'b3', night: '2026-03-12', status: 'reserved' },
      ],
      closed: [
        { roomId: 'r1', night: '2026-03-11' },
        { roomId: null, night: '2026-03-12' },
      ],
    });
    expect(rows(calendar)).toEqual({ 'Dorm/2': 'xcc', 'Dorm/10': 'occ', 'Family/1': '..b' });
    expect(calendar.perNight[0]).toEqual({
      night: '2026-03-10',
      counts: { free: 1, booked: 0, occupied: 1, out_of_service: 1, closed: 0 },
      freeByRoom: [{ roomId: 'r2', roomName: 'Family', labels: ['1'] }],
      surge: 0,
      surgeFree: 0,
    });
    expect(calendar.perNight[2].freeByRoom).toEqual([]);
  });
});

describe('the calendar of a shelter', () => {
  it('reads bookings, stays, closures and beds out of service for the next 14 nights', () => {
    const { shelter, dorm, family, host } = hostedShelter();
    sqlite.prepare("update beds set out_of_service_reason = 'broken' where id = ?").run(dorm.beds[2].id);
    makeDatedStay(db, {
      shelterId: shelter.id,
      bedIds: [dorm.beds[0].id],
      status: 'checked_in',
      firstNight: '2026-03-08',
      departure: '2026-03-12',
      holdUntil: FAR,
    });
    makeDatedStay(db, {
      shelterId: shelter.id,
      bedIds: [dorm.beds[1].id],
      status: 'reserved',
      firstNight: '2026-03-11',
      departure: '2026-03-14',
      holdUntil: FAR,
    });
    close(host, { shelterId: shelter.id, roomId: family.room.id, firstNight: '2026-03-15', lastNight: '2026-03-16' });
    close(host, { shelterId: shelter.id, firstNight: '2026-03-23', lastNight: '2026-03-30' });

    const calendar = loadCalendar(db, shelter.id, tonightIn(shelter.timeZone, NOW));
    expect(calendar.nights).toHaveLength(14);
    expect(calendar.nights[0]).toBe('2026-03-10');
    expect(rows(calendar)).toEqual({
      [`${dorm.room.name}/1`]: 'oo...........c',
      [`${dorm.room.name}/2`]: '.bbb.........c',
      [`${dorm.room.name}/3`]: 'xxxxxxxxxxxxxc',
      [`${family.room.name}/1`]: '.....cc......c',
      [`${family.room.name}/2`]: '.....cc......c',
    });
    expect(calendar.perNight[1].counts).toEqual({ free: 2, booked: 1, occupied: 1, out_of_service: 1, closed: 0 });
  });

  it('shows the bed of a guest still checked in past their departure as occupied tonight', () => {
    const { shelter, dorm } = hostedShelter();
    makeDatedStay(db, {
      shelterId: shelter.id,
      bedIds: [dorm.beds[0].id],
      status: 'checked_in',
      firstNight: '2026-03-06',
      departure: '2026-03-09',
      holdUntil: FAR,
    });
    expect(rows(loadCalendar(db, shelter.id, '2026-03-10'))[`${dorm.room.name}/1`]).toBe('o.............');
  });

  it("starts at the shelter's tonight across a clock change, one night per calendar day (Europe/Berlin, 25 Oct 2026)", () => {
    const { shelter, dorm } = hostedShelter({ timeZone: 'Europe/Berlin' });
    makeDatedStay(db, {
      shelterId: shelter.id,
      bedIds: [dorm.beds[0].id],
      status: 'reserved',
      firstNight: '2026-10-24',
      departure: '2026-10-27',
      holdUntil: FAR,
    });
    // 00:30 on 25 Oct, still summer time: tonight is the 25th.
    const tonight = tonightIn(shelter.timeZone, new Date('2026-10-24T22:30:00Z'));
    const calendar = loadCalendar(db, shelter.id, tonight);
    expect(calendar.nights.slice(0, 3)).toEqual(['2026-10-25', '2026-10-26', '2026-10-27']);
    expect(calendar.nights.at(-1)).toBe('2026-11-07');
    expect(rows(calendar)[`${dorm.room.name}/1`]).toBe('bb............');
  });
});

describe('closing dates', () => {
  it('closes a room for two nights, both included, and reopens it', () => {
    const { shelter, dorm, host } = hostedShelter();
    const id = close(host, { shelterId: shelter.id, roomId: dorm.room.id, reason: 'Painting' });
    expect(closedNights(db, shelter.id, { firstNight: '2026-03-10', departure: '2026-03-20' })).toEqual([
      { roomId: dorm.room.id, night: '2026-03-12' },
      { roomId: dorm.room.id, night: '2026-03-13' },
    ]);
    expect(closuresAhead(db, shelter.id, '2026-03-10')).toEqual([
      { id, roomName: dorm.room.name, firstNight: '2026-03-12', lastNight: '2026-03-13', reason: 'Painting' },
    ]);
    write(db, (tx) => reopenClosure(tx, host, id, NOW));
    expect(closuresAhead(db, shelter.id, '2026-03-10')).toEqual([]);
  });

  it('refuses a range that ends before it starts, starts in the past or runs past 90 days, by the field at fault', () => {
    const { shelter, host } = hostedShelter();
    expect(refusal(() => close(host, { shelterId: shelter.id, firstNight: '2026-03-14', lastNight: '2026-03-12' }))).toMatchObject({
      code: 'lastNightBeforeFirst',
      field: 'lastNight',
    });
    expect(refusal(() => close(host, { shelterId: shelter.id, firstNight: '2026-03-09', lastNight: '2026-03-12' }))).toMatchObject({
      code: 'firstNightPast',
      field: 'firstNight',
    });
    expect(refusal(() => close(host, { shelterId: shelter.id, firstNight: '2026-06-01', lastNight: '2026-06-09' }))).toMatchObject({
      code: 'tooFarAhead',
      field: 'lastNight',
      params: { days: 90 },
    });
  });

  it("judges 'in the past' by the shelter's midnight", () => {
    const { shelter, host } = hostedShelter();
    // 23:30 in Istanbul on the 10th: tonight can still be closed; an hour later it is yesterday.
    expect(() =>
      close(host, { shelterId: shelter.id, firstNight: '2026-03-10', lastNight: '2026-03-10' }, new Date('2026-03-10T20:30:00Z')),
    ).not.toThrow();
    expect(
      refusal(() =>
        close(host, { shelterId: shelter.id, firstNight: '2026-03-10', lastNight: '2026-03-11' }, new Date('2026-03-10T21:30:00Z')),
      ),
    ).toMatchObject({ code: 'firstNightPast' });
  });

  it('refuses while bookings hold beds on those nights, saying how many', () => {
    const { shelter, dorm, family, host } = hostedShelter();
    makeDatedStay(db, {
      shelterId: shelter.id,
      bedIds: [dorm.beds[0].id, dorm.beds[1].id],
      status: 'reserved',
      firstNight: '2026-03-11',
      departure: '2026-03-14',
      holdUntil: FAR,
    });
    makeDatedStay(db, {
      shelterId: shelter.id,
      bedIds: [dorm.beds[2].id],
      status: 'checked_in',
      firstNight: '2026-03-09',
      departure: '2026-03-13',
      holdUntil: FAR,
    });
    makeDatedStay(db, {
      shelterId: shelter.id,
      bedIds: [family.beds[0].id],
      status: 'reserved',
      firstNight: '2026-03-13',
      departure: '2026-03-15',
      holdUntil: FAR,
    });
    expect(refusal(() => close(host, { shelterId: shelter.id }))).toMatchObject({
      code: 'closureHasBookings',
      field: 'firstNight',
      params: { count: 3 },
    });
    expect(refusal(() => close(host, { shelterId: shelter.id, roomId: dorm.room.id }))).toMatchObject({ params: { count: 2 } });
    // The family room is free on the 12th, and a booking that starts on the departure day does not count.
    expect(() =>
      close(host, { shelterId: shelter.id, roomId: family.room.id, firstNight: '2026-03-12', lastNight: '2026-03-12' }),
    ).not.toThrow();
  });

  it('names the first booking in the way (alias, dates, beds) and links to its page, where it is moved', () => {
    const { shelter, dorm, host } = hostedShelter();
    const zehra = makeDatedStay(db, {
      shelterId: shelter.id,
      bedIds: [dorm.beds[1].id, dorm.beds[0].id],
      status: 'reserved',
      firstNight: '2026-03-12',
      departure: '2026-03-15',
      alias: 'Zehra',
      holdUntil: FAR,
    });
    makeDatedStay(db, {
      shelterId: shelter.id,
      bedIds: [dorm.beds[2].id],
      status: 'reserved',
      firstNight: '2026-03-13',
      departure: '2026-03-14',
      holdUntil: FAR,
    });
    const [first, second] = dorm.beds.map((bed) => `${dorm.room.name} ${bed.label}`);
    expect(refusal(() => close(host, { shelterId: shelter.id, roomId: dorm.room.id })).params).toEqual({
      count: 2,
      more: 1,
      named: 'yes',
      name: 'Zehra',
      from: '2026-03-12',
      until: '2026-03-15',
      beds: `${first}, ${second}`,
      // A host cannot open a household's page: no link there, and the sentence says who moves it.
      mover: 'someone',
    });
    // An admin is not shown the household's name until they ask for it on its page.
    const admin = asStaff(makeUser(db, 'admin'));
    expect(refusal(() => close(admin, { shelterId: shelter.id })).params).toMatchObject({
      named: 'no',
      name: '',
      mover: 'you',
      moveHref: `/arrivals/${zehra.arrival.id}`,
    });
  });

  it('lets no host of another shelter, nor a guide, close or reopen; nor a room of another shelter be closed', () => {
    const { shelter, dorm, host } = hostedShelter();
    const other = hostedShelter();
    const guide = asStaff(makeUser(db, 'guide'));
    expect(refusal(() => close(other.host, { shelterId: shelter.id }))).toMatchObject({ code: 'notAllowed' });
    expect(refusal(() => close(guide, { shelterId: shelter.id }))).toMatchObject({ code: 'notAllowed' });
    expect(refusal(() => close(host, { shelterId: shelter.id, roomId: other.dorm.room.id }))).toMatchObject({ code: 'notAllowed' });
    const id = close(host, { shelterId: shelter.id, roomId: dorm.room.id });
    expect(refusal(() => write(db, (tx) => reopenClosure(tx, other.host, id, NOW)))).toMatchObject({ code: 'notAllowed' });
    const admin = asStaff(makeUser(db, 'admin'));
    write(db, (tx) => reopenClosure(tx, admin, id, NOW));
    expect(closuresAhead(db, shelter.id, '2026-03-10')).toEqual([]);
  });
});
