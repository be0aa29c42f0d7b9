import { afterAll, describe, expect, it } from 'vitest';
import { write } from '@/db';
import { reserveBatch } from '@/lib/placement/batch';
import { changeStayDates } from '@/lib/placement/dates';
import { reserveBeds } from '@/lib/placement/reserve';
import { checkIn, moveStay } from '@/lib/placement/stays';
import { asStaff, defaultCityOf, makeArrival, makeCity, makeRoom, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { createTestDb, snapshot } from '../support/test-db';

// Every path that reserves, moves, checks in or changes dates asks who the caller is before what
// the beds are doing: an answer to an outsider never says whether a bed is taken, closed or out of
// service, or whether a shelter is paused.
const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

// 15:00 in Istanbul, 16:00 in Yerevan: tonight's doors are open.
const NOW = new Date('2026-10-01T12:00:00Z');
const TONIGHT = '2026-10-01';
const istanbul = defaultCityOf(db);
const yerevan = makeCity(db, 'Yerevan', { slug: 'yerevan', timeZone: 'Asia/Yerevan' }).id;
const fatih = makeShelter(db, { status: 'open', name: 'Fatih', cityId: istanbul });
const sisli = makeShelter(db, { status: 'paused', name: 'Şişli', cityId: istanbul });
const kentron = makeShelter(db, { status: 'open', name: 'Kentron', cityId: yerevan, timeZone: 'Asia/Yerevan' });
const fatihRoom = makeRoom(db, fatih.id, 'mixed', 4);
const fatihBeds = fatihRoom.beds.map((bed) => bed.id);
const sisliBeds = makeRoom(db, sisli.id, 'mixed', 2).beds.map((bed) => bed.id);
const kentronBeds = makeRoom(db, kentron.id, 'mixed', 4).beds.map((bed) => bed.id);

const yerevanGuide = asStaff(makeUser(db, 'guide', { cityIds: [yerevan] }), [], [yerevan]);
const kentronHost = asStaff(makeUser(db, 'host', { shelterIds: [kentron.id] }), [kentron.id]);
const fatihHost = asStaff(makeUser(db, 'host', { shelterIds: [fatih.id] }), [fatih.id]);
const istanbulGuide = asStaff(makeUser(db, 'guide', { cityIds: [istanbul] }), [], [istanbul]);

const household = (alias: string, cityId: string) =>
  makeArrival(db, { alias, cityId, adultWomen: 1, arrivedAt: new Date(NOW.getTime() - 3_600_000) });
const stayIn = (shelterId: string, bedIds: string[], alias: string, cityId: string, status: 'reserved' | 'checked_in' = 'reserved') =>
  makeStay(db, {
    arrivalId: household(alias, cityId).id,
    shelterId,
    bedIds,
    status,
    holdUntil: new Date('2026-10-01T20:00:00Z'),
    firstNight: TONIGHT,
    departure: '2026-10-03',
  });

// Fatih's bed 1 is taken for the next two nights, bed 2 is out of service, bed 3's room… is open.
stayIn(fatih.id, [fatihBeds[0]], 'Nikolai', istanbul, 'checked_in');
sqlite.prepare("update beds set out_of_service_reason = 'broken' where id = ?").run(fatihBeds[1]);

/** The refusal's code, and that the refused call wrote nothing. */
function refusal(run: (tx: typeof db) => unknown): string {
  const before = snapshot(sqlite);
  let code = 'accepted';
  try {
    write(db, run);
  } catch (error) {
    code = (error as Error).message;
  }
  expect(snapshot(sqlite)).toEqual(before);
  return code;
}

describe('the caller’s rights are asked before the state of the beds', () => {
  const vera = household('Vera', yerevan);

  it('a reservation of another city’s taken bed is "not your city", not "beds taken"', () => {
    expect(refusal((tx) => reserveBeds(tx, yerevanGuide, { arrivalId: vera.id, bedIds: [fatihBeds[0]], elsewhere: true }, NOW))).toBe(
      'cityNotYours',
    );
    // The same beds for a guide of that city: the state is theirs to know.
    const ilya = household('Ilya', istanbul);
    expect(refusal((tx) => reserveBeds(tx, istanbulGuide, { arrivalId: ilya.id, bedIds: [fatihBeds[0]] }, NOW))).toBe('bedsTaken');
  });

  it('nor "out of service", "closed" or "paused" for another city’s shelter', () => {
    expect(refusal((tx) => reserveBeds(tx, yerevanGuide, { arrivalId: vera.id, bedIds: [fatihBeds[1]], elsewhere: true }, NOW))).toBe(
      'cityNotYours',
    );
    expect(refusal((tx) => reserveBeds(tx, yerevanGuide, { arrivalId: vera.id, bedIds: [sisliBeds[0]], elsewhere: true }, NOW))).toBe(
      'cityNotYours',
    );
    sqlite
      .prepare(
        "insert into shelter_closures (id, shelter_id, room_id, first_night, last_night, created_at) values ('closure-1', ?, ?, ?, ?, 0)",
      )
      .run(fatih.id, fatihRoom.room.id, TONIGHT, TONIGHT);
    try {
      expect(refusal((tx) => reserveBeds(tx, yerevanGuide, { arrivalId: vera.id, bedIds: [fatihBeds[2]], elsewhere: true }, NOW))).toBe(
        'cityNotYours',
      );
    } finally {
      sqlite.prepare("delete from shelter_closures where id = 'closure-1'").run();
    }
  });

  it('another city’s household already placed looks unknown, not "already placed"', () => {
    const placed = stayIn(fatih.id, [fatihBeds[3]], 'Oleg', istanbul);
    expect(refusal((tx) => reserveBeds(tx, yerevanGuide, { arrivalId: placed.arrivalId, bedIds: [kentronBeds[0]] }, NOW))).toBe('notFound');
  });

  it('a move to another city’s taken bed is "not your city"', () => {
    const lena = stayIn(kentron.id, [kentronBeds[1]], 'Lena', yerevan);
    sqlite.prepare('update stays set reserved_by = ? where id = ?').run(yerevanGuide.id, lena.id);
    expect(refusal((tx) => moveStay(tx, yerevanGuide, { stayId: lena.id, bedIds: [fatihBeds[0]], elsewhere: true }, NOW))).toBe(
      'cityNotYours',
    );
  });

  it('a host moving a guest to another shelter’s taken bed is refused as not theirs, not "beds taken"', () => {
    const guest = stayIn(kentron.id, [kentronBeds[2]], 'Anna', yerevan, 'checked_in');
    expect(refusal((tx) => moveStay(tx, kentronHost, { stayId: guest.id, bedIds: [fatihBeds[0]] }, NOW))).toBe('notAllowed');
  });

  it('changing the dates of another shelter’s stay onto taken nights is refused as not theirs, not "dates taken"', () => {
    const short = makeStay(db, {
      arrivalId: household('Sergei', istanbul).id,
      shelterId: fatih.id,
      bedIds: [fatihBeds[3]],
      holdUntil: new Date('2026-10-01T20:00:00Z'),
      firstNight: '2026-10-05',
      departure: '2026-10-06',
    });
    const next = makeStay(db, {
      arrivalId: household('Pavel', istanbul).id,
      shelterId: fatih.id,
      bedIds: [fatihBeds[3]],
      holdUntil: new Date('2026-10-06T20:00:00Z'),
      firstNight: '2026-10-06',
      departure: '2026-10-08',
    });
    expect(next.firstNight).toBe('2026-10-06');
    expect(refusal((tx) => changeStayDates(tx, kentronHost, { stayId: short.id, departure: '2026-10-07' }, NOW))).toBe('notAllowed');
    expect(refusal((tx) => changeStayDates(tx, yerevanGuide, { stayId: short.id, departure: '2026-10-07' }, NOW))).toBe('notAllowed');
    expect(refusal((tx) => changeStayDates(tx, fatihHost, { stayId: short.id, departure: '2026-10-07' }, NOW))).toBe('datesTaken');
  });

  it('checking in another shelter’s expired reservation is refused as not theirs, not "expired"', () => {
    const late = makeStay(db, {
      arrivalId: household('Maria', istanbul).id,
      shelterId: fatih.id,
      bedIds: [fatihBeds[2]],
      holdUntil: new Date('2026-10-01T11:00:00Z'),
      firstNight: TONIGHT,
      departure: '2026-10-02',
    });
    expect(refusal((tx) => checkIn(tx, kentronHost, late.id, new Date('2026-10-01T11:30:00Z')))).toBe('notAllowed');
  });

  it('a batch into another city’s paused or full shelter says "not your city" for each household, not "not open" or "no bed"', () => {
    const mariam = household('Mariam', yerevan);
    const outcomes = (run: (tx: typeof db) => ReturnType<typeof reserveBatch>) => {
      let result: ReturnType<typeof reserveBatch> | null = null;
      expect(refusal((tx) => (result = run(tx)))).toBe('accepted');
      return result!.outcomes.map((o) => o.refusal?.code);
    };
    expect(outcomes((tx) => reserveBatch(tx, yerevanGuide, { arrivalIds: [mariam.id], shelterId: sisli.id }, NOW))).toEqual([
      'cityNotYours',
    ]);
    // Fatih has no free bed left that fits: still the city first.
    const full = (tx: typeof db) =>
      reserveBatch(
        tx,
        yerevanGuide,
        { arrivalIds: [mariam.id], shelterId: fatih.id, nights: { firstNight: TONIGHT, departure: '2026-10-02' } },
        NOW,
      );
    sqlite.prepare("update beds set out_of_service_reason = 'broken' where id in (?, ?)").run(fatihBeds[2], fatihBeds[3]);
    try {
      expect(outcomes(full)).toEqual(['cityNotYours']);
    } finally {
      sqlite.prepare('update beds set out_of_service_reason = null where id in (?, ?)').run(fatihBeds[2], fatihBeds[3]);
    }
    // The shelter's own city's guide is told it is not open.
    expect(
      refusal((tx) => reserveBatch(tx, istanbulGuide, { arrivalIds: [household('Ayşe', istanbul).id], shelterId: sisli.id }, NOW)),
    ).toBe('shelterNotOpen');
  });
});
