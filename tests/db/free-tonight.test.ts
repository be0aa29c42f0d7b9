import { afterAll, describe, expect, it } from 'vitest';
import { shelterClosures } from '@/db/schema';
import { sheltersTonight } from '@/lib/occupancy/free-tonight';
import { asStaff, makeArrival, makeCity, makeRoom, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { expectedFigure, freeFromLedger, screenFigures } from '../support/free-screens';
import { createTestDb } from '../support/test-db';

const { db, cleanup } = createTestDb();
afterAll(cleanup);

// 18:00 in Istanbul, 19:00 in Yerevan, on Sunday 6 Dec 2026: tonight is the 6th in both.
const NOW = new Date('2026-12-06T15:00:00Z');
const hour = 3_600_000;
const istanbul = makeCity(db, 'Istanbul', { slug: 'istanbul', timeZone: 'Europe/Istanbul' }).id;
const yerevan = makeCity(db, 'Yerevan', { slug: 'yerevan', timeZone: 'Asia/Yerevan' }).id;
const admin = asStaff(makeUser(db, 'admin'));

/** Each screen's figure beside the ledger's, for the shelters named: [screen, figure, ledger's]. */
function figuresOf(shelterIds: string[]) {
  const ledger = freeFromLedger(db, NOW);
  return screenFigures(db, NOW, admin, [istanbul, yerevan])
    .filter((figure) => figure.shelterId && shelterIds.includes(figure.shelterId))
    .map((figure) => [figure.screen, figure.free, expectedFigure(ledger, figure)]);
}
const agreeing = (rows: (string | number)[][]) => rows.map(([screen, , expected]) => [screen, expected, expected]);

describe('free tonight, one number on every screen', () => {
  it('keeps an overdue guest’s bed taken on the board, the place-several list, /shelters, suggestions and the forecast', () => {
    const fatih = makeShelter(db, { name: 'Fatih', cityId: istanbul, status: 'open', listedPublicly: true });
    const dorm = makeRoom(db, fatih.id, 'men', 4);
    // Nikolai was due out this morning and is still checked in: he is in bed 1.
    makeStay(db, {
      arrivalId: makeArrival(db, { adultMen: 1, cityId: istanbul }).id,
      shelterId: fatih.id,
      bedIds: [dorm.beds[0].id],
      status: 'checked_in',
      holdUntil: new Date(NOW.getTime() - 48 * hour),
      firstNight: '2026-12-04',
      departure: '2026-12-06',
    });
    const rows = figuresOf([fatih.id]);
    expect(rows.every(([, free]) => free === 3)).toBe(true);
    expect(rows).toEqual(agreeing(rows));
  });

  it('leaves a room closed tonight out of the free beds, and the board says it is closed', () => {
    const kentron = makeShelter(db, { name: 'Kentron', cityId: yerevan, timeZone: 'Asia/Yerevan', status: 'open', listedPublicly: true });
    makeRoom(db, kentron.id, 'women', 2);
    const shut = makeRoom(db, kentron.id, 'mixed', 3);
    db.insert(shelterClosures)
      .values({ shelterId: kentron.id, roomId: shut.room.id, firstNight: '2026-12-06', lastNight: '2026-12-07' })
      .run();
    const rows = figuresOf([kentron.id]);
    expect(rows.every(([, free]) => free === 2)).toBe(true);
    expect(rows).toEqual(agreeing(rows));
    const [tonight] = sheltersTonight(db, NOW, { shelterIds: [kentron.id] });
    expect(tonight.counts).toMatchObject({ free: 2, closed: 3 });
  });

  it('counts a paused shelter’s beds apart: never in what can be offered, the forecast’s first night included', () => {
    const sisli = makeShelter(db, { name: 'Şişli', cityId: istanbul, status: 'paused', listedPublicly: true });
    makeRoom(db, sisli.id, 'mixed', 5);
    const rows = figuresOf([sisli.id]);
    expect(rows).toEqual(agreeing(rows));
    // The forecast leaves a paused shelter out altogether: none of its beds is "free for sure".
    expect(rows.find(([screen]) => screen === 'forecast tonight')).toBeUndefined();
    expect(rows.find(([screen]) => screen === 'board')?.[1]).toBe(5);
    const [tonight] = sheltersTonight(db, NOW, { shelterIds: [sisli.id] });
    expect([tonight.free, tonight.idle]).toEqual([0, 5]);
  });
});
