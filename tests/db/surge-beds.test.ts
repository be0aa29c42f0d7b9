import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, write } from '@/db';
import { publicList } from '@/lib/cities/public';
import { DomainError } from '@/lib/errors';
import { loadForecastInput } from '@/lib/forecast/load';
import { forecast } from '@/lib/forecast/maths';
import en from '@/lib/i18n/messages/en.json';
import ru from '@/lib/i18n/messages/ru.json';
import tr from '@/lib/i18n/messages/tr.json';
import { suggestPlacements } from '@/lib/matching/suggest';
import { bookNights } from '@/lib/nights/ledger';
import { sheltersTonight } from '@/lib/occupancy/free-tonight';
import { occupancyHistory } from '@/lib/occupancy/history';
import { rollUpOccupancy } from '@/lib/occupancy/rollup';
import { networkAvailability } from '@/lib/placement/availability';
import { oneMoreNight } from '@/lib/placement/one-more-night';
import { reserveBeds } from '@/lib/placement/reserve';
import { checkIn, checkOut } from '@/lib/placement/stays';
import { shelterBoard } from '@/lib/shelters/board';
import { calendarPage } from '@/lib/shelters/calendar-page';
import { removeBed } from '@/lib/shelters/rooms';
import { roomsPage } from '@/lib/shelters/rooms-page';
import { addSurgeBeds, endSurgeBed } from '@/lib/shelters/surge';
import { fieldErrorsOf } from '@/lib/validation/common';
import { surgeBedsSchema, type SurgeBedsInput } from '@/lib/validation/shelter';
import { asStaff, makeArrival, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { createTestDb, snapshot } from '../support/test-db';

const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

// 21:00 in Istanbul (UTC+3) on 1 October: tonight is the 1st. AFTER_MIDNIGHT is 00:30 on the 2nd.
const NOW = new Date('2026-10-01T18:00:00Z');
const AFTER_MIDNIGHT = new Date('2026-10-01T21:30:00Z');
const guide = asStaff(makeUser(db, 'guide'));
const otherHost = asStaff(makeUser(db, 'host'), [makeShelter(db).id]);

function shelterWithRoom(beds = 2) {
  const shelter = makeShelter(db, { status: 'open', listedPublicly: true, timeZone: 'Europe/Istanbul', acceptsFamilies: true });
  const { room, beds: regular } = makeRoom(db, shelter.id, 'mixed', beds);
  const host = asStaff(makeUser(db, 'host', { shelterIds: [shelter.id] }), [shelter.id]);
  return { shelter, room, regular, host };
}
const surge = (roomId: string, values: Partial<SurgeBedsInput> = {}): SurgeBedsInput => ({
  roomId,
  count: 2,
  kind: 'mat',
  label: 'Mat',
  firstNight: '2026-10-01',
  lastNight: '2026-10-02',
  ...values,
});
const surgeIds = (roomId: string) =>
  (sqlite.prepare('select id from beds where room_id = ? and surge_kind is not null order by rowid').all(roomId) as { id: string }[]).map(
    (row) => row.id,
  );
/** The domain's refusal as the form shows it (code and field), proving nothing was written. */
function refusal(run: () => unknown): { code: string; field?: string; params?: Record<string, unknown> } {
  const before = snapshot(sqlite);
  try {
    write(db, run);
  } catch (error) {
    expect(snapshot(sqlite)).toBe(before);
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, field: error.field, ...(error.params ? { params: error.params } : {}) };
  }
  throw new Error('expected a refusal');
}
const oneMan = () => makeArrival(db, { adultMen: 1, adultWomen: 0, children: 0 });

describe('a host lays out surge beds', () => {
  it('numbers them after the label and shows them on the board counted apart, only on their nights', () => {
    const { shelter, room, host } = shelterWithRoom(2);
    write(db, (tx) => addSurgeBeds(tx, host, surge(room.id, { count: 3 }), NOW));
    const board = shelterBoard(db, shelter.id, NOW);
    expect(board.rooms[0].beds.map((bed) => [bed.label, bed.surge?.kind ?? null])).toEqual([
      ['1', null],
      ['2', null],
      ['Mat 1', 'mat'],
      ['Mat 2', 'mat'],
      ['Mat 3', 'mat'],
    ]);
    expect(board.counts).toMatchObject({ total: 2, free: 2, surge: 3, surgeFree: 3 });
    const [tonight] = sheltersTonight(db, NOW, { shelterIds: [shelter.id] });
    expect([tonight.free, tonight.surge]).toEqual([2, 3]);
    // The public list promises the shelter's own beds only.
    const listed = publicList(db, 'en', NOW)
      .groups.flatMap((group) => group.shelters)
      .find((s) => s.id === shelter.id)!;
    expect(listed.freeBeds).toBe(2);
    // After midnight it is the 2nd, still theirs; on the 3rd they are gone from the board.
    expect(shelterBoard(db, shelter.id, AFTER_MIDNIGHT).counts).toMatchObject({ free: 2, surge: 3 });
    const third = new Date('2026-10-02T21:30:00Z');
    expect(shelterBoard(db, shelter.id, third).counts).toMatchObject({ total: 2, free: 2, surge: 0, surgeFree: 0 });
    expect(shelterBoard(db, shelter.id, third).rooms[0].beds.map((bed) => bed.label)).toEqual(['1', '2']);
  });

  it('lists them on the rooms page apart from the room’s beds, from last night on', () => {
    const { shelter, room, host } = shelterWithRoom(1);
    write(db, (tx) => addSurgeBeds(tx, host, surge(room.id, { count: 1, kind: 'sofa', label: 'Sofa', lastNight: '2026-10-01' }), NOW));
    const page = roomsPage(db, host, shelter.id, NOW, 'en')!;
    expect(page.rooms[0].beds.map((bed) => bed.label)).toEqual(['1']);
    expect(page.rooms[0].surgeBeds.map(({ label, kind, firstNight, lastNight }) => ({ label, kind, firstNight, lastNight }))).toEqual([
      { label: 'Sofa', kind: 'sofa', firstNight: '2026-10-01', lastNight: '2026-10-01' },
    ]);
    // Two days on, it is history: no longer listed to end or remove.
    expect(roomsPage(db, host, shelter.id, new Date('2026-10-03T18:00:00Z'), 'en')!.rooms[0].surgeBeds).toEqual([]);
  });

  it('refuses a past night, reversed dates, another shelter’s host and a full room, writing nothing', () => {
    const { room, host } = shelterWithRoom(1);
    expect(refusal(() => addSurgeBeds(db, host, surge(room.id, { firstNight: '2026-09-30' }), NOW))).toEqual({
      code: 'firstNightPast',
      field: 'firstNight',
    });
    // After midnight in Istanbul the 1st is last night.
    expect(refusal(() => addSurgeBeds(db, host, surge(room.id), AFTER_MIDNIGHT))).toEqual({ code: 'firstNightPast', field: 'firstNight' });
    expect(refusal(() => addSurgeBeds(db, host, surge(room.id, { firstNight: '2026-10-03', lastNight: '2026-10-02' }), NOW))).toEqual({
      code: 'lastNightBeforeFirst',
      field: 'lastNight',
    });
    expect(refusal(() => addSurgeBeds(db, host, surge(room.id, { lastNight: '2027-03-01' }), NOW))).toMatchObject({
      code: 'tooFarAhead',
      field: 'lastNight',
    });
    expect(refusal(() => addSurgeBeds(db, otherHost, surge(room.id), NOW))).toEqual({ code: 'notAllowed', field: undefined });
    expect(refusal(() => addSurgeBeds(db, guide, surge(room.id), NOW))).toEqual({ code: 'notAllowed', field: undefined });
    sqlite
      .prepare(
        "with recursive n(i) as (select 1 union all select i + 1 from n where i < 190) insert into beds (id, room_id, label, created_at) select lower(hex(randomblob(8))), ?, 'x' || i, 0 from n",
      )
      .run(room.id);
    expect(refusal(() => addSurgeBeds(db, host, surge(room.id, { count: 10 }), NOW))).toEqual({ code: 'roomTooLarge', field: 'count' });
  });

  it('refuses 0 or 500 at once, markup in the label and a night that does not exist, each by its field', () => {
    const parse = (form: Record<string, string>) => {
      const parsed = surgeBedsSchema.safeParse({
        roomId: 'room',
        count: '2',
        kind: 'mat',
        label: 'Mat',
        firstNight: '2026-10-01',
        lastNight: '2026-10-02',
        ...form,
      });
      return parsed.success ? null : fieldErrorsOf(parsed.error);
    };
    expect(parse({ count: '0' })).toEqual({ count: 'surgeCountRange' });
    expect(parse({ count: '500' })).toEqual({ count: 'surgeCountRange' });
    expect(parse({ label: '<script>x</script>' })).toEqual({ label: 'noMarkup' });
    expect(parse({ label: 'Mat\nfloor' })).toEqual({ label: 'controlCharacters' });
    expect(parse({ label: '' })).toEqual({ label: 'required' });
    expect(parse({ kind: 'hammock' })).toEqual({ kind: 'required' });
    expect(parse({ lastNight: '2026-02-30' })).toEqual({ lastNight: 'invalidDate' });
    expect(parse({})).toBeNull();
  });

  it('has each refusal and each word of its screens in every staff language', () => {
    for (const key of [
      'surgeCountRange',
      'surgeEndPast',
      'surgeEndBeforeFirst',
      'surgeEndAfterLast',
      'surgeBedBooked',
      'surgeBedNotThatNight',
    ] as const) {
      expect(en.errors[key]).toBeTruthy();
      expect(ru.errors[key]).toBeTruthy();
      expect(tr.errors[key]).toBeTruthy();
      expect(ru.errors[key]).not.toBe(en.errors[key]);
      expect(tr.errors[key]).not.toBe(en.errors[key]);
    }
    expect(Object.keys(ru.rooms).sort()).toEqual(Object.keys(en.rooms).sort());
    expect(ru.board.surgeFree).not.toBe(en.board.surgeFree);
    expect(tr.rooms.surgeTitle).not.toBe(en.rooms.surgeTitle);
  });
});

describe('ending and removing a surge bed', () => {
  it('ends it early unless a booking holds it after the new last night, and names that night', () => {
    const { shelter, room, host } = shelterWithRoom(0);
    write(db, (tx) => addSurgeBeds(tx, host, surge(room.id, { count: 1, lastNight: '2026-10-04' }), NOW));
    const [mat] = surgeIds(room.id);
    write(db, (tx) =>
      reserveBeds(tx, guide, { arrivalId: oneMan().id, bedIds: [mat], firstNight: '2026-10-02', departure: '2026-10-04' }, NOW),
    );
    expect(refusal(() => endSurgeBed(db, host, { bedId: mat, lastNight: '2026-10-02' }, NOW))).toEqual({
      code: 'surgeBedBooked',
      field: 'lastNight',
      params: { night: '2026-10-03' },
    });
    expect(refusal(() => endSurgeBed(db, host, { bedId: mat, lastNight: '2026-10-05' }, NOW))).toMatchObject({ code: 'surgeEndAfterLast' });
    expect(refusal(() => endSurgeBed(db, host, { bedId: mat, lastNight: '2026-09-29' }, NOW))).toMatchObject({ code: 'surgeEndPast' });
    expect(refusal(() => endSurgeBed(db, otherHost, { bedId: mat, lastNight: '2026-10-03' }, NOW))).toMatchObject({ code: 'notAllowed' });
    // A booking cannot be removed from under either.
    expect(refusal(() => removeBed(db, host, mat, NOW))).toEqual({
      code: 'surgeBedBooked',
      field: undefined,
      params: { night: '2026-10-02' },
    });
    write(db, (tx) => endSurgeBed(tx, host, { bedId: mat, lastNight: '2026-10-03' }, NOW));
    expect(roomsPage(db, host, shelter.id, NOW, 'en')!.rooms[0].surgeBeds[0].lastNight).toBe('2026-10-03');
  });

  it('removes one never booked; a regular bed is not a surge bed to end', () => {
    const { room, regular, host } = shelterWithRoom(1);
    write(db, (tx) => addSurgeBeds(tx, host, surge(room.id, { count: 1 }), NOW));
    const [mat] = surgeIds(room.id);
    expect(refusal(() => endSurgeBed(db, host, { bedId: regular[0].id, lastNight: '2026-10-01' }, NOW))).toMatchObject({
      code: 'notAllowed',
    });
    write(db, (tx) => removeBed(tx, host, mat, NOW));
    expect(surgeIds(room.id)).toEqual([]);
  });

  it('cannot be shrunk under a booking even by a write that skips the checks (migration 0023)', () => {
    const { room, host } = shelterWithRoom(0);
    write(db, (tx) => addSurgeBeds(tx, host, surge(room.id, { count: 1 }), NOW));
    const [mat] = surgeIds(room.id);
    write(db, (tx) =>
      reserveBeds(tx, guide, { arrivalId: oneMan().id, bedIds: [mat], firstNight: '2026-10-01', departure: '2026-10-03' }, NOW),
    );
    expect(() => sqlite.prepare("update beds set surge_last_night = '2026-10-01' where id = ?").run(mat)).toThrow('surge_night');
    expect(() => sqlite.prepare("update beds set surge_kind = 'hammock' where id = ?").run(mat)).toThrow('surge_invalid');
    expect(() =>
      sqlite
        .prepare("insert into beds (id, room_id, label, surge_kind, created_at) values ('half-surge', ?, 'Half', 'mat', 0)")
        .run(room.id),
    ).toThrow('surge_invalid');
  });
});

describe('booking a surge bed', () => {
  it('is allowed on its nights only: a stay crossing its last night is refused, and the ledger refuses it too', () => {
    const { room, host } = shelterWithRoom(0);
    write(db, (tx) => addSurgeBeds(tx, host, surge(room.id, { count: 1 }), NOW));
    const [mat] = surgeIds(room.id);
    const arrival = oneMan();
    expect(
      refusal(() =>
        reserveBeds(db, guide, { arrivalId: arrival.id, bedIds: [mat], firstNight: '2026-10-01', departure: '2026-10-04' }, NOW),
      ),
    ).toEqual({ code: 'surgeBedNotThatNight', field: 'bedIds' });
    const stay = write(db, (tx) =>
      reserveBeds(tx, guide, { arrivalId: arrival.id, bedIds: [mat], firstNight: '2026-10-01', departure: '2026-10-03' }, NOW),
    );
    // One more night past its last, by any writer of the ledger: refused by the database's trigger.
    expect(refusal(() => bookNights(db, stay.stayId, [mat], { firstNight: '2026-10-03', departure: '2026-10-04' }))).toEqual({
      code: 'surgeBedNotThatNight',
      field: 'bedIds',
    });
    expect(() =>
      sqlite.prepare("insert into bed_nights (bed_id, night, stay_id) values (?, '2026-09-30', ?)").run(mat, stay.stayId),
    ).toThrow('surge_night');
  });

  it('is suggested only for stays within its nights, after the room’s own beds', () => {
    const { shelter, room, regular, host } = shelterWithRoom(1);
    write(db, (tx) => addSurgeBeds(tx, host, surge(room.id, { count: 2 }), NOW));
    const mats = surgeIds(room.id);
    const household = { adultMen: 2, adultWomen: 0, children: 0, languages: [], needsWheelchair: false, hasPet: false };
    const within = { firstNight: '2026-10-01', departure: '2026-10-03' };
    const [own] = networkAvailability(db, { nights: within, shelterId: shelter.id });
    expect(own.rooms[0].freeBeds.map((bed) => [bed.id, !!bed.surge])).toEqual([
      [regular[0].id, false],
      [mats[0], true],
      [mats[1], true],
    ]);
    expect(own.freeByNight).toEqual([
      { night: '2026-10-01', free: 1, surge: 2 },
      { night: '2026-10-02', free: 1, surge: 2 },
    ]);
    const [suggestion] = suggestPlacements([own], household, NOW, within).suggestions;
    expect(suggestion.beds.map((bed) => bed.bedId)).toEqual([regular[0].id, mats[0]]);
    // A stay to the 4th crosses the mats' last night: they are not offered, and two men do not fit.
    const crossing = { firstNight: '2026-10-01', departure: '2026-10-04' };
    const [across] = networkAvailability(db, { nights: crossing, shelterId: shelter.id });
    expect(across.rooms[0].freeBeds.map((bed) => bed.id)).toEqual([regular[0].id]);
    expect(across.freeByNight!.map((slot) => slot.surge)).toEqual([2, 2, 0]);
    const { suggestions, excluded } = suggestPlacements([across], household, NOW, crossing);
    expect(suggestions).toEqual([]);
    expect(excluded[0].reasons.map((reason) => reason.code)).toContain('fullOn');
  });

  it('keeps one surge bed for one of two guides racing for it, on two connections', () => {
    const { shelter, room, host } = shelterWithRoom(0);
    write(db, (tx) => addSurgeBeds(tx, host, surge(room.id, { count: 1 }), NOW));
    const [mat] = surgeIds(room.id);
    const second = openDatabase(test.path);
    try {
      const nights = { firstNight: '2026-10-01', departure: '2026-10-02' };
      // Both guides see the mat free, then both reserve it.
      const seenByA = networkAvailability(db, { nights, shelterId: shelter.id })[0].rooms[0].freeBeds.map((bed) => bed.id);
      const seenByB = networkAvailability(second.db, { nights, shelterId: shelter.id })[0].rooms[0].freeBeds.map((bed) => bed.id);
      expect([seenByA, seenByB]).toEqual([[mat], [mat]]);
      const a = oneMan();
      const b = oneMan();
      write(db, (tx) => reserveBeds(tx, guide, { arrivalId: a.id, bedIds: seenByA, ...nights }, NOW));
      expect(() => write(second.db, (tx) => reserveBeds(tx, guide, { arrivalId: b.id, bedIds: seenByB, ...nights }, NOW))).toThrow(
        expect.objectContaining({ code: 'bedsTaken' }),
      );
      const holders = sqlite
        .prepare("select count(distinct stay_id) as n from bed_nights where bed_id = ? and night = '2026-10-01'")
        .get(mat);
      expect(holders).toEqual({ n: 1 });
      expect(sheltersTonight(second.db, NOW, { shelterIds: [shelter.id] })[0].counts).toMatchObject({
        surge: 1,
        surgeFree: 0,
        reserved: 0,
      });
    } finally {
      second.sqlite.close();
    }
  });

  it('shows a guest kept in a surge bed past its last night as occupied until checked out', () => {
    const { shelter, room, host } = shelterWithRoom(0);
    write(db, (tx) => addSurgeBeds(tx, host, surge(room.id, { count: 1, lastNight: '2026-10-01' }), NOW));
    const [mat] = surgeIds(room.id);
    const stay = write(db, (tx) =>
      reserveBeds(tx, guide, { arrivalId: oneMan().id, bedIds: [mat], firstNight: '2026-10-01', departure: '2026-10-02' }, NOW),
    );
    sqlite.prepare("update stays set status = 'checked_in' where id = ?").run(stay.stayId);
    // The next evening the guest is still there: the mat is there while they are.
    const nextEvening = new Date('2026-10-02T18:00:00Z');
    expect(shelterBoard(db, shelter.id, nextEvening).counts).toMatchObject({ surge: 1, surgeFree: 0, occupied: 0, free: 0 });
    write(db, (tx) => checkOut(tx, host, stay.stayId, nextEvening));
    expect(shelterBoard(db, shelter.id, nextEvening).counts).toMatchObject({ surge: 0, surgeFree: 0 });
  });
});

describe('the history of surge beds', () => {
  it('keeps them apart day by day, stored by the roll-up and live alike', () => {
    const { shelter, room, host } = shelterWithRoom(2);
    // The shelter and its beds date from 29 September, before the mat was laid out.
    const since = Date.parse('2026-09-28T21:00:00Z');
    sqlite.prepare('update shelters set created_at = ? where id = ?').run(since, shelter.id);
    sqlite.prepare('update beds set created_at = ? where room_id = ?').run(since, room.id);
    write(db, (tx) => addSurgeBeds(tx, host, surge(room.id, { count: 1 }), NOW));
    const [mat] = surgeIds(room.id);
    const stay = write(db, (tx) =>
      reserveBeds(tx, guide, { arrivalId: oneMan().id, bedIds: [mat], firstNight: '2026-10-01', departure: '2026-10-02' }, NOW),
    );
    write(db, (tx) => checkIn(tx, host, stay.stayId, NOW));
    // Live, before midnight: the 1st has one mat, slept in, and the two beds stay as they were.
    const live = occupancyHistory(db, { shelterId: shelter.id, timeZone: shelter.timeZone }, '2026-10-01', '2026-10-01', NOW);
    expect(
      live.map(({ day, bedsInService, occupied, surgeBeds, surgeOccupied }) => ({
        day,
        bedsInService,
        occupied,
        surgeBeds,
        surgeOccupied,
      })),
    ).toEqual([{ day: '2026-10-01', bedsInService: 2, occupied: 0, surgeBeds: 1, surgeOccupied: 1 }]);
    write(db, (tx) => checkOut(tx, host, stay.stayId, new Date('2026-10-02T08:00:00Z')));
    rollUpOccupancy(db, new Date('2026-10-04T12:00:00Z'));
    const stored = sqlite
      .prepare('select day, beds_in_service, occupied, surge_beds, surge_occupied from occupancy_days where scope = ? order by day')
      .raw()
      .all(shelter.id);
    expect(stored).toEqual([
      ['2026-09-29', 2, 0, 0, 0],
      ['2026-09-30', 2, 0, 0, 0],
      ['2026-10-01', 2, 0, 1, 1],
      ['2026-10-02', 2, 0, 1, 0],
      ['2026-10-03', 2, 0, 0, 0],
    ]);
    const network = sqlite
      .prepare("select surge_beds, surge_occupied from occupancy_days where scope = 'network' and day = '2026-10-01'")
      .raw()
      .get();
    expect(network).toEqual([1, 1]);
  });
});

describe('surge beds on the calendar', () => {
  it('are rows after the room’s beds, marked where not laid out, and counted apart night by night as the board counts tonight', () => {
    const { shelter, room, host } = shelterWithRoom(1);
    write(db, (tx) => addSurgeBeds(tx, host, surge(room.id, { count: 1, lastNight: '2026-10-03' }), NOW));
    const [mat] = surgeIds(room.id);
    write(db, (tx) =>
      reserveBeds(tx, guide, { arrivalId: oneMan().id, bedIds: [mat], firstNight: '2026-10-02', departure: '2026-10-03' }, NOW),
    );
    const view = calendarPage(db, host, shelter.id, NOW, 'en')!;
    const letters = { free: '.', booked: 'b', occupied: 'o', out_of_service: 'x', closed: 'c', none: '-' } as const;
    expect(
      view.calendar.rooms[0].beds.map((bed) => [
        bed.label,
        bed.surge,
        bed.cells
          .slice(0, 5)
          .map((c) => letters[c])
          .join(''),
      ]),
    ).toEqual([
      ['1', false, '.....'],
      ['Mat', true, '.b.--'],
    ]);
    expect(view.calendar.perNight.slice(0, 4).map(({ counts, surge, surgeFree }) => [counts.free, surge, surgeFree])).toEqual([
      [1, 1, 1],
      [1, 1, 0],
      [1, 1, 1],
      [1, 0, 0],
    ]);
    // Tonight's figures are the board's.
    const board = shelterBoard(db, shelter.id, NOW).counts;
    expect([view.calendar.perNight[0].counts.free, view.calendar.perNight[0].surge, view.calendar.perNight[0].surgeFree]).toEqual([
      board.free,
      board.surge,
      board.surgeFree,
    ]);
  });
});

describe('surge beds in the forecast', () => {
  it('are free for certain apart from the rooms’ beds, night by night, tonight as the board counts them', () => {
    const { shelter, room, host } = shelterWithRoom(1);
    write(db, (tx) => addSurgeBeds(tx, host, surge(room.id, { count: 2, lastNight: '2026-10-03' }), NOW));
    const [mat] = surgeIds(room.id);
    write(db, (tx) =>
      reserveBeds(tx, guide, { arrivalId: oneMan().id, bedIds: [mat], firstNight: '2026-10-02', departure: '2026-10-04' }, NOW),
    );
    const [own] = forecast(loadForecastInput(db, NOW, { shelterIds: [shelter.id] })).shelters;
    expect(own.nights.slice(0, 5).map((night) => [night.night, night.total.certain, night.surge])).toEqual([
      ['2026-10-01', 1, 2],
      ['2026-10-02', 1, 1],
      ['2026-10-03', 1, 1],
      ['2026-10-04', 1, 0],
      ['2026-10-05', 1, 0],
    ]);
    expect(own.nights[0].surge).toBe(shelterBoard(db, shelter.id, NOW).counts.surgeFree);
    // After midnight the 2nd is tonight: one mat held, one free.
    const [later] = forecast(loadForecastInput(db, AFTER_MIDNIGHT, { shelterIds: [shelter.id] })).shelters;
    expect(later.nights.slice(0, 3).map((night) => night.surge)).toEqual([1, 1, 0]);
  });
});

describe('one more night in a surge bed', () => {
  it('is refused past the mat’s last night, with the surge message, and nothing is written', () => {
    const { room, host } = shelterWithRoom(0);
    write(db, (tx) => addSurgeBeds(tx, host, surge(room.id, { count: 1, lastNight: '2026-10-01' }), NOW));
    const [mat] = surgeIds(room.id);
    const stay = write(db, (tx) =>
      reserveBeds(tx, guide, { arrivalId: oneMan().id, bedIds: [mat], firstNight: '2026-10-01', departure: '2026-10-02' }, NOW),
    );
    write(db, (tx) => checkIn(tx, host, stay.stayId, NOW));
    expect(refusal(() => oneMoreNight(db, host, { stayId: stay.stayId, departure: '2026-10-02' }, NOW))).toMatchObject({
      code: 'surgeBedNotThatNight',
    });
    // Once the host keeps the mat a night longer, the guest can stay.
    sqlite.prepare("update beds set surge_last_night = '2026-10-02' where id = ?").run(mat);
    expect(write(db, (tx) => oneMoreNight(tx, host, { stayId: stay.stayId, departure: '2026-10-02' }, NOW)).departure).toBe('2026-10-03');
  });
});
