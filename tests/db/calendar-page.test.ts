import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import { calendarPage, type CalendarPage } from '@/lib/shelters/calendar-page';
import { closeNights } from '@/lib/shelters/closures';
import { asStaff, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { makeDatedStay } from '../support/host-day';
import { createTestDb } from '../support/test-db';

const test = createTestDb();
const { db } = test;
afterAll(test.cleanup);

// 10 Mar 2026, 12:00 in Istanbul.
const NOW = new Date('2026-03-10T09:00:00Z');
const HOUR = 3_600_000;

const shelter = makeShelter(db, { status: 'open', name: 'Fatih' });
const dorm = makeRoom(db, shelter.id, 'mixed', 2);
const paused = makeShelter(db, { status: 'paused', name: 'Paused' });
const host = asStaff(makeUser(db, 'host', { shelterIds: [shelter.id] }), [shelter.id]);
const otherHost = asStaff(makeUser(db, 'host', { shelterIds: [paused.id] }), [paused.id]);
const guide = asStaff(makeUser(db, 'guide'));

// Two nights held from tonight; the hold ran out an hour ago, and nothing has let it go yet.
makeDatedStay(db, {
  shelterId: shelter.id,
  bedIds: [dorm.beds[0].id],
  firstNight: '2026-03-10',
  departure: '2026-03-12',
  holdUntil: new Date(NOW.getTime() - HOUR),
});
// Two nights held from tomorrow, with the hold still good.
makeDatedStay(db, {
  shelterId: shelter.id,
  bedIds: [dorm.beds[1].id],
  firstNight: '2026-03-11',
  departure: '2026-03-13',
  holdUntil: new Date(NOW.getTime() + 30 * HOUR),
});
write(db, (tx) =>
  closeNights(
    tx,
    host,
    { shelterId: shelter.id, roomId: null, firstNight: '2026-03-15', lastNight: '2026-03-16', reason: 'Painting' },
    NOW,
  ),
);

/** Each bed's first four nights: . free, b booked, c closed. */
const firstNights = (view: CalendarPage) =>
  view.calendar.rooms[0].beds.map((bed) =>
    bed.cells
      .slice(0, 4)
      .map((cell) => ({ free: '.', booked: 'b', occupied: 'o', out_of_service: 'x', closed: 'c', none: '-' })[cell])
      .join(''),
  );

describe("a shelter calendar's view", () => {
  it('lets go of a hold past its time before the nights are drawn: its nights are free', () => {
    const view = calendarPage(db, host, shelter.id, NOW, 'en')!;
    expect(view.tonight).toBe('2026-03-10');
    expect(firstNights(view)).toEqual(['....', '.bb.']);
  });

  it('gives its host the closed nights ahead, and the nights a new closure may cover', () => {
    const view = calendarPage(db, host, shelter.id, NOW, 'en')!;
    expect(view.editable).toBe(true);
    expect(view.closures.map((closure) => [closure.firstNight, closure.lastNight, closure.reason])).toEqual([
      ['2026-03-15', '2026-03-16', 'Painting'],
    ]);
    expect(view.rooms).toEqual([{ id: dorm.room.id, name: dorm.room.name }]);
    expect(view.lastNight > view.tonight).toBe(true);
  });

  it('shows a guide an open shelter read-only, and never a paused one', () => {
    expect(calendarPage(db, guide, shelter.id, NOW, 'en')!.editable).toBe(false);
    expect(calendarPage(db, guide, paused.id, NOW, 'en')).toBeNull();
  });

  it("gives a host nothing of another host's shelter, the same as an unknown one", () => {
    expect(calendarPage(db, otherHost, shelter.id, NOW, 'en')).toBeNull();
    expect(calendarPage(db, host, 'no-such-shelter', NOW, 'en')).toBeNull();
  });
});
