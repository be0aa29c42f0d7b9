import { afterAll, describe, expect, it } from 'vitest';
import { networkNow } from '@/lib/occupancy/now';
import { shelterBoard } from '@/lib/shelters/board';
import { shelterList } from '@/lib/shelters/list';
import { asStaff, makeArrival, makeRoom, makeShelter, makeStay, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

const NOW = new Date('2026-10-01T18:00:00Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describe('bed counts of the shelter list', () => {
  it('agree with the bed board for every state: free, reserved, occupied, out of service, expired hold', () => {
    const shelter = makeShelter(db, { status: 'open' });
    const { beds } = makeRoom(db, shelter.id, 'mixed', 8);
    sqlite.prepare("update beds set out_of_service_reason = 'broken' where id in (?, ?)").run(beds[0].id, beds[1].id);
    makeStay(db, { arrivalId: makeArrival(db).id, shelterId: shelter.id, bedIds: [beds[2].id], holdUntil: at(60) });
    makeStay(db, {
      arrivalId: makeArrival(db).id,
      shelterId: shelter.id,
      bedIds: [beds[3].id, beds[4].id],
      status: 'checked_in',
      holdUntil: at(-60),
    });
    // A hold already past its time counts as free, as expiry applies on read.
    makeStay(db, { arrivalId: makeArrival(db).id, shelterId: shelter.id, bedIds: [beds[5].id], holdUntil: at(-1) });
    // An out-of-service bed that someone still occupies counts as occupied.
    sqlite.prepare("update beds set out_of_service_reason = 'leak' where id = ?").run(beds[3].id);

    const board = shelterBoard(db, shelter.id, NOW).counts;
    expect(board).toEqual({ total: 8, free: 3, reserved: 1, occupied: 2, outOfService: 2, closed: 0, surge: 0, surgeFree: 0 });
    const listed = shelterList(db, asStaff(makeUser(db, 'admin')), NOW).rows.find((s) => s.id === shelter.id)!;
    expect(listed.counts).toEqual(board);
    // A host's list counts only their own shelters, with the same answer.
    const hostView = shelterList(db, asStaff(makeUser(db, 'host', { shelterIds: [shelter.id] }), [shelter.id]), NOW).rows;
    expect(hostView.map((s) => [s.id, s.counts])).toEqual([[shelter.id, board]]);
  });

  it('count a reservation on its first night in the shelter’s own calendar, as its board does', () => {
    // 18:00Z on 1 Oct is 21:00 in Istanbul but already 08:00 on 2 Oct on Kiritimati (UTC+14).
    const far = makeShelter(db, { status: 'open', timeZone: 'Pacific/Kiritimati' });
    const { beds } = makeRoom(db, far.id, 'mixed', 2);
    makeStay(db, {
      arrivalId: makeArrival(db).id,
      shelterId: far.id,
      bedIds: [beds[0].id],
      holdUntil: at(24 * 60),
      firstNight: '2026-10-02',
      departure: '2026-10-03',
    });
    const board = shelterBoard(db, far.id, NOW).counts;
    expect(board).toMatchObject({ reserved: 1, free: 1 });
    expect(shelterList(db, asStaff(makeUser(db, 'admin')), NOW).rows.find((s) => s.id === far.id)!.counts).toEqual(board);
  });

  it('count surge beds apart, only those laid out tonight, the same on the list, the now page and the board', () => {
    const shelter = makeShelter(db, { status: 'open', timeZone: 'Europe/Istanbul' });
    const { room } = makeRoom(db, shelter.id, 'mixed', 2);
    const surge = (label: string, first: string, last: string) =>
      (
        sqlite
          .prepare(
            "insert into beds (id, room_id, label, surge_kind, surge_first_night, surge_last_night, created_at) values (lower(hex(randomblob(8))), ?, ?, 'mat', ?, ?, 0) returning id",
          )
          .get(room.id, label, first, last) as { id: string }
      ).id;
    // Tonight is 1 October in Istanbul: two mats are out, one comes tomorrow, one was yesterday's.
    const held = surge('Mat 1', '2026-10-01', '2026-10-02');
    surge('Mat 2', '2026-09-30', '2026-10-01');
    surge('Mat 3', '2026-10-02', '2026-10-03');
    surge('Mat 4', '2026-09-29', '2026-09-30');
    makeStay(db, {
      arrivalId: makeArrival(db).id,
      shelterId: shelter.id,
      bedIds: [held],
      holdUntil: at(60),
      firstNight: '2026-10-01',
      departure: '2026-10-02',
    });
    const board = shelterBoard(db, shelter.id, NOW).counts;
    expect(board).toEqual({ total: 2, free: 2, reserved: 0, occupied: 0, outOfService: 0, closed: 0, surge: 2, surgeFree: 1 });
    expect(shelterList(db, asStaff(makeUser(db, 'admin')), NOW).rows.find((s) => s.id === shelter.id)!.counts).toEqual(board);
    const now = networkNow(db, NOW, [shelter.cityId!]);
    expect(now.shelters.find((s) => s.id === shelter.id)!.counts).toEqual(board);
  });

  it('gives a shelter with no beds zeros', () => {
    const empty = makeShelter(db, { status: 'open' });
    const listed = shelterList(db, asStaff(makeUser(db, 'admin')), NOW).rows.find((s) => s.id === empty.id)!;
    expect(listed.counts).toEqual({ total: 0, free: 0, reserved: 0, occupied: 0, outOfService: 0, closed: 0, surge: 0, surgeFree: 0 });
  });
});
