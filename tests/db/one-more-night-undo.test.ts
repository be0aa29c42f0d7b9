import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import type { StaffUser } from '@/lib/auth/staff';
import { DomainError } from '@/lib/errors';
import { changeStayDates } from '@/lib/placement/dates';
import { oneMoreNight, undoOneMoreNight } from '@/lib/placement/one-more-night';
import { hostDay } from '@/lib/shelters/day';
import { asStaff, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { makeDatedStay } from '../support/host-day';
import { createTestDb, snapshot } from '../support/test-db';

const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

// Warsaw, the night the clocks go forward (02:00 → 03:00 on Sun 29 Mar 2026, UTC+1 → UTC+2).
const SAT_BEFORE_MIDNIGHT = new Date('2026-03-28T22:59:30Z'); // 23:59:30 Sat, tonight = 28 Mar
const FAR = new Date('2026-04-30T00:00:00Z');
const later = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000);

function warsawShelter() {
  const shelter = makeShelter(db, {
    status: 'open',
    timeZone: 'Europe/Warsaw',
    checkInFrom: '12:00',
    checkInUntil: '04:00',
    checkOutBy: '11:00',
  });
  const { beds } = makeRoom(db, shelter.id, 'mixed', 3);
  const host = asStaff(makeUser(db, 'host', { shelterIds: [shelter.id] }), [shelter.id]);
  return { shelter, beds, host };
}
/** Olena (and her daughter, on a second bed), checked in from Thu 26 Mar, due out Sun 29 Mar unless told. */
function olenaIn(shelterId: string, bedIds: string[], departure = '2026-03-29') {
  return makeDatedStay(db, {
    shelterId,
    bedIds,
    status: 'checked_in',
    firstNight: '2026-03-26',
    departure,
    alias: 'Olena',
    holdUntil: FAR,
  });
}
const nightsOf = (stayId: string) =>
  sqlite.prepare('select bed_id as bedId, night from bed_nights where stay_id = ? order by bed_id, night').all(stayId) as {
    bedId: string;
    night: string;
  }[];
const departureOf = (stayId: string) =>
  (sqlite.prepare('select departure from stays where id = ?').get(stayId) as { departure: string }).departure;
const extend = (user: StaffUser, stayId: string, departure: string, now: Date) =>
  write(db, (tx) => oneMoreNight(tx, user, { stayId, departure }, now));
const lastExtension = (stayId: string) =>
  (sqlite.prepare('select id from stay_extensions where stay_id = ? order by added_at desc limit 1').get(stayId) as { id: string }).id;
const undo = (user: StaffUser, extensionId: string, now: Date) => write(db, (tx) => undoOneMoreNight(tx, user, extensionId, now));

function refusal(fn: () => unknown): string {
  const before = snapshot(sqlite);
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect(snapshot(sqlite), 'nothing written').toBe(before);
    return (error as DomainError).code;
  }
  throw new Error('not refused');
}

describe('undoing one more night', () => {
  it('within the minute, across midnight and the clock change, gives back exactly the bed-nights added and the old departure', () => {
    const { shelter, beds, host } = warsawShelter();
    const olena = olenaIn(shelter.id, [beds[0].id, beds[1].id]);
    const neighbour = makeDatedStay(db, {
      shelterId: shelter.id,
      bedIds: [beds[2].id],
      status: 'reserved',
      firstNight: '2026-03-30',
      departure: '2026-04-02',
      holdUntil: FAR,
    });
    const before = nightsOf(olena.id);
    const neighbourNights = nightsOf(neighbour.id);

    expect(extend(host, olena.id, '2026-03-29', SAT_BEFORE_MIDNIGHT).departure).toBe('2026-03-30');
    expect(nightsOf(olena.id).filter((row) => row.night === '2026-03-29')).toHaveLength(2);
    // The host's day still lists her where the host tapped, with the new date and the undo.
    const day = hostDay(db, host, shelter, later(SAT_BEFORE_MIDNIGHT, 10));
    expect(day.leavingTomorrow.find((stay) => stay.id === olena.id)?.extension?.departureAfter).toBe('2026-03-30');

    // 00:00:30 on Sunday, an hour before the clocks change: 60 seconds after the tap.
    undo(host, lastExtension(olena.id), later(SAT_BEFORE_MIDNIGHT, 60));
    expect(departureOf(olena.id)).toBe('2026-03-29');
    expect(nightsOf(olena.id)).toEqual(before);
    expect(nightsOf(neighbour.id)).toEqual(neighbourNights);
    expect(
      sqlite.prepare("select count(*) as n from audit_events where action = 'stay.one_more_night_undone' and entity_id = ?").get(olena.id),
    ).toEqual({ n: 1 });
    // Sunday now: she leaves today, and there is nothing left to undo.
    expect(
      hostDay(db, host, shelter, later(SAT_BEFORE_MIDNIGHT, 61)).leavingToday.find((stay) => stay.id === olena.id)?.extension,
    ).toBeNull();
  });

  it('for a guest past their departure, gives back tonight and their old departure', () => {
    const { shelter, beds, host } = warsawShelter();
    const olena = olenaIn(shelter.id, [beds[0].id], '2026-03-30');
    const mondayNoon = new Date('2026-03-30T10:00:00Z'); // Mon 30 Mar 12:00, past her 11:00 check-out
    const before = nightsOf(olena.id);
    expect(extend(host, olena.id, '2026-03-30', mondayNoon).departure).toBe('2026-03-31');
    expect(hostDay(db, host, shelter, later(mondayNoon, 5)).overdue.map((stay) => stay.extension?.departureAfter)).toEqual(['2026-03-31']);
    undo(host, lastExtension(olena.id), later(mondayNoon, 30));
    expect(departureOf(olena.id)).toBe('2026-03-30');
    expect(nightsOf(olena.id)).toEqual(before);
  });

  it('is refused after 61 seconds, with nothing written, and the page no longer offers it', () => {
    const { shelter, beds, host } = warsawShelter();
    const olena = olenaIn(shelter.id, [beds[0].id]);
    extend(host, olena.id, '2026-03-29', SAT_BEFORE_MIDNIGHT);
    const extension = lastExtension(olena.id);
    expect(refusal(() => undo(host, extension, later(SAT_BEFORE_MIDNIGHT, 61)))).toBe('undoTooLate');
    expect(departureOf(olena.id)).toBe('2026-03-30');
    // Another tap elsewhere, a little later, leaves the stale undo saying "too late", not "not allowed".
    const { shelter: other, beds: otherBeds, host: otherHost } = warsawShelter();
    extend(otherHost, olenaIn(other.id, [otherBeds[0].id]).id, '2026-03-29', later(SAT_BEFORE_MIDNIGHT, 120));
    expect(refusal(() => undo(host, extension, later(SAT_BEFORE_MIDNIGHT, 180)))).toBe('undoTooLate');
    // A day on, the next tap anywhere clears it away.
    const { shelter: third, beds: thirdBeds, host: thirdHost } = warsawShelter();
    extend(thirdHost, olenaIn(third.id, [thirdBeds[0].id], '2026-03-30').id, '2026-03-30', later(SAT_BEFORE_MIDNIGHT, 25 * 3600));
    expect(sqlite.prepare('select count(*) as n from stay_extensions where id = ?').get(extension)).toEqual({ n: 0 });
    const day = hostDay(db, host, shelter, later(SAT_BEFORE_MIDNIGHT, 61));
    expect([...day.leavingTomorrow, ...day.leavingToday].some((stay) => stay.extension)).toBe(false);
  });

  it('is refused when the stay changed since, even within the minute, with nothing written', () => {
    const { shelter, beds, host } = warsawShelter();
    const olena = olenaIn(shelter.id, [beds[0].id]);
    extend(host, olena.id, '2026-03-29', SAT_BEFORE_MIDNIGHT);
    const first = lastExtension(olena.id);
    write(db, (tx) => changeStayDates(tx, host, { stayId: olena.id, departure: '2026-04-02' }, later(SAT_BEFORE_MIDNIGHT, 10)));
    expect(refusal(() => undo(host, first, later(SAT_BEFORE_MIDNIGHT, 20)))).toBe('undoChangedSince');
    expect(departureOf(olena.id)).toBe('2026-04-02');

    // A second tap's undo takes back the second night only; the first is then no longer undoable.
    const { shelter: other, beds: otherBeds, host: otherHost } = warsawShelter();
    const ivan = olenaIn(other.id, [otherBeds[0].id]);
    extend(otherHost, ivan.id, '2026-03-29', SAT_BEFORE_MIDNIGHT);
    const once = lastExtension(ivan.id);
    extend(otherHost, ivan.id, '2026-03-30', later(SAT_BEFORE_MIDNIGHT, 5));
    expect(refusal(() => undo(otherHost, once, later(SAT_BEFORE_MIDNIGHT, 10)))).toBe('undoChangedSince');
    undo(otherHost, lastExtension(ivan.id), later(SAT_BEFORE_MIDNIGHT, 10));
    expect(departureOf(ivan.id)).toBe('2026-03-30');
  });

  it('is only for whoever tapped it: another host of the shelter, a guide or an admin is refused', () => {
    const { shelter, beds, host } = warsawShelter();
    const olena = olenaIn(shelter.id, [beds[0].id]);
    const colleague = asStaff(makeUser(db, 'host', { shelterIds: [shelter.id] }), [shelter.id]);
    extend(host, olena.id, '2026-03-29', SAT_BEFORE_MIDNIGHT);
    const extension = lastExtension(olena.id);
    for (const user of [colleague, asStaff(makeUser(db, 'guide')), asStaff(makeUser(db, 'admin'))]) {
      expect(refusal(() => undo(user, extension, later(SAT_BEFORE_MIDNIGHT, 5)))).toBe('notAllowed');
    }
    expect(hostDay(db, colleague, shelter, later(SAT_BEFORE_MIDNIGHT, 5)).leavingTomorrow.every((stay) => stay.extension === null)).toBe(
      true,
    );
  });
});
