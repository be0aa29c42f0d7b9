import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, write } from '@/db';
import { MIGRATIONS_FOLDER } from '@/db/migrate';
import { beds } from '@/db/schema';
import { networkAvailability } from '@/lib/placement/availability';
import { changeStayDates } from '@/lib/placement/dates';
import { expireHolds } from '@/lib/placement/expiry';
import { reserveBeds } from '@/lib/placement/reserve';
import { cancelStay, checkIn, checkOut, moveStay } from '@/lib/placement/stays';
import { asStaff, makeArrival, makeRoom, makeShelter, makeUser } from '../support/fixtures';
import { createTestDb } from '../support/test-db';

const test = createTestDb();
const { db, sqlite } = test;
afterAll(test.cleanup);

const guide = asStaff(makeUser(db, 'guide'));
// 1 Dec 2026, 12:00 in Istanbul (UTC+3 all year).
const NOON = new Date('2026-12-01T09:00:00Z');

type Counts = { room_id: string; night: string; booked: number; checked_in: number; reserved: number };

/** The ledger itself, grouped by room and night: what room_nights must always say. */
const fromLedger = (client = sqlite) =>
  client
    .prepare(
      `select b.room_id, bn.night, count(*) as booked, sum(s.status = 'checked_in') as checked_in, sum(s.status = 'reserved') as reserved
         from bed_nights bn join beds b on b.id = bn.bed_id join stays s on s.id = bn.stay_id
        group by b.room_id, bn.night order by b.room_id, bn.night`,
    )
    .all() as Counts[];
const kept = (client = sqlite) =>
  client.prepare('select room_id, night, booked, checked_in, reserved from room_nights order by room_id, night').all() as Counts[];
const ofRoom = (roomId: string) =>
  kept()
    .filter((row) => row.room_id === roomId)
    .map(({ night, booked, checked_in, reserved }) => ({ night, booked, checked_in, reserved }));

function shelterWith(bedCount: number) {
  const shelter = makeShelter(db, { status: 'open' });
  const { room, beds: roomBeds } = makeRoom(db, shelter.id, 'mixed', bedCount);
  const host = asStaff(makeUser(db, 'host', { shelterIds: [shelter.id] }), [shelter.id]);
  return { shelter, room, beds: roomBeds, host };
}

describe('room_nights, the ledger counted per room and night', () => {
  it('matches the ledger after reserve, change of dates, move, check-in, check-out, cancel and expiry', () => {
    const a = shelterWith(3);
    const b = shelterWith(2);
    const reserve = (arrivalId: string, bedIds: string[], firstNight: string, departure: string) =>
      write(db, (tx) => reserveBeds(tx, guide, { arrivalId, bedIds, firstNight, departure }, NOON));

    const family = reserve(makeArrival(db, { adultWomen: 2 }).id, [a.beds[0].id, a.beds[1].id], '2026-12-01', '2026-12-04');
    expect(ofRoom(a.room.id)).toEqual([
      { night: '2026-12-01', booked: 2, checked_in: 0, reserved: 2 },
      { night: '2026-12-02', booked: 2, checked_in: 0, reserved: 2 },
      { night: '2026-12-03', booked: 2, checked_in: 0, reserved: 2 },
    ]);
    expect(kept()).toEqual(fromLedger());

    const single = reserve(makeArrival(db).id, [a.beds[2].id], '2026-12-02', '2026-12-03');
    const ahead = reserve(makeArrival(db).id, [b.beds[0].id], '2026-12-05', '2026-12-07');
    const late = reserve(makeArrival(db).id, [b.beds[1].id], '2026-12-01', '2026-12-02');
    expect(kept()).toEqual(fromLedger());

    // Checked in: the same beds, now counted as occupied.
    write(db, (tx) => checkIn(tx, a.host, family.stayId, NOON));
    expect(ofRoom(a.room.id)).toEqual([
      { night: '2026-12-01', booked: 2, checked_in: 2, reserved: 0 },
      { night: '2026-12-02', booked: 3, checked_in: 2, reserved: 1 },
      { night: '2026-12-03', booked: 2, checked_in: 2, reserved: 0 },
    ]);
    expect(kept()).toEqual(fromLedger());

    // Shortened by a night, then moved to another bed (the one the single guest does not hold).
    write(db, (tx) => changeStayDates(tx, a.host, { stayId: family.stayId, departure: '2026-12-03' }, NOON));
    expect(kept()).toEqual(fromLedger());
    write(db, (tx) => moveStay(tx, a.host, { stayId: single.stayId, bedIds: [a.beds[2].id], departure: '2026-12-04' }, NOON));
    expect(kept()).toEqual(fromLedger());

    // To another shelter: the old stay is cancelled and a new reservation holds the new beds.
    write(db, (tx) => cancelStay(tx, guide, ahead.stayId, NOON));
    expect(kept()).toEqual(fromLedger());
    write(db, (tx) => moveStay(tx, guide, { stayId: single.stayId, bedIds: [b.beds[0].id] }, NOON));
    expect(kept()).toEqual(fromLedger());

    // Early check-out frees the nights left; expiry frees every night of the stay.
    write(db, (tx) => checkOut(tx, a.host, family.stayId, new Date('2026-12-02T06:00:00Z')));
    expect(kept()).toEqual(fromLedger());
    write(db, (tx) => expireHolds(tx, new Date(late.holdUntil.getTime() + 1)));
    expect(kept()).toEqual(fromLedger());
    // Nothing of shelter A is booked any more: its room has no rows left, not rows of zeros.
    expect(ofRoom(a.room.id)).toEqual([]);
    expect(kept().every((row) => row.booked > 0)).toBe(true);
  });

  it('follows a bed moved to another room, and a stay whose status changes by hand', () => {
    const { shelter, room, beds: roomBeds } = shelterWith(2);
    const other = makeRoom(db, shelter.id, 'mixed', 1);
    const stay = write(db, (tx) =>
      reserveBeds(
        tx,
        guide,
        { arrivalId: makeArrival(db).id, bedIds: [roomBeds[0].id], firstNight: '2026-12-02', departure: '2026-12-04' },
        NOON,
      ),
    );
    db.update(beds).set({ roomId: other.room.id, label: '9' }).where(eq(beds.id, roomBeds[0].id)).run();
    expect(ofRoom(room.id)).toEqual([]);
    expect(ofRoom(other.room.id)).toEqual([
      { night: '2026-12-02', booked: 1, checked_in: 0, reserved: 1 },
      { night: '2026-12-03', booked: 1, checked_in: 0, reserved: 1 },
    ]);
    sqlite.prepare("update stays set status = 'checked_in' where id = ?").run(stay.stayId);
    expect(kept()).toEqual(fromLedger());
  });

  it('is filled by the migration from the ledger as it stands', () => {
    // A database at migration 0007 with stays already booked, then migrated to the end.
    const dir = mkdtempSync(join(tmpdir(), 'waystation-room-nights-'));
    try {
      const folder = join(dir, 'migrations');
      cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
      const journalPath = join(folder, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
      writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.filter((entry) => entry.tag < '0008') }));
      const old = openDatabase(join(dir, 'old.db'));
      migrate(old.db, { migrationsFolder: folder });
      expect(old.sqlite.prepare("select count(*) from sqlite_master where name = 'room_nights'").pluck().get()).toBe(0);

      // Rows written by hand: the fixtures write today's columns, which a database at 0007 lacks.
      old.sqlite.prepare("insert into shelters (id, name, district, created_at) values ('sh1', 'Old shelter', 'Fatih', 0)").run();
      old.sqlite.prepare("insert into rooms (id, shelter_id, name, kind, created_at) values ('r1', 'sh1', 'Room', 'mixed', 0)").run();
      for (const label of ['1', '2', '3'])
        old.sqlite.prepare("insert into beds (id, room_id, label, created_at) values (?, 'r1', ?, 0)").run(`b${label}`, label);
      const room = { id: 'r1' };
      const roomBeds = [{ id: 'b1' }, { id: 'b2' }, { id: 'b3' }];
      const household = old.sqlite.prepare('insert into arrivals (id, adult_women, arrived_at, created_at) values (?, 1, 0, 0)');
      const now = Date.parse('2026-12-01T09:00:00Z');
      const insertStay = old.sqlite.prepare(
        'insert into stays (id, arrival_id, shelter_id, status, hold_until, created_at, first_night, departure) values (?, ?, (select shelter_id from rooms where id = ?), ?, ?, ?, ?, ?)',
      );
      const book = old.sqlite.prepare('insert into bed_nights (bed_id, night, stay_id) values (?, ?, ?)');
      [
        { id: 's1', status: 'checked_in', bed: roomBeds[0].id, nights: ['2026-12-01', '2026-12-02'] },
        { id: 's2', status: 'reserved', bed: roomBeds[1].id, nights: ['2026-12-02', '2026-12-03'] },
      ].forEach((stay) => {
        household.run(`a-${stay.id}`);
        insertStay.run(stay.id, `a-${stay.id}`, room.id, stay.status, now + 3600_000, now, stay.nights[0], '2026-12-04');
        for (const night of stay.nights) book.run(stay.bed, night, stay.id);
      });

      migrate(old.db, { migrationsFolder: MIGRATIONS_FOLDER });
      expect(kept(old.sqlite)).toEqual([
        { room_id: room.id, night: '2026-12-01', booked: 1, checked_in: 1, reserved: 0 },
        { room_id: room.id, night: '2026-12-02', booked: 2, checked_in: 1, reserved: 1 },
        { room_id: room.id, night: '2026-12-03', booked: 1, checked_in: 0, reserved: 1 },
      ]);
      expect(kept(old.sqlite)).toEqual(fromLedger(old.sqlite));
      old.sqlite.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('rooms and beds kept per connection', () => {
  const nights = { firstNight: '2026-12-10', departure: '2026-12-11' };
  const freeLabels = (client = db, shelterId: string) =>
    networkAvailability(client, { nights, shelterId })[0].rooms.map((room) => room.freeBeds.map((bed) => bed.label));

  it('sees a bed renamed, taken out of service or added, on this connection and from another, and forgets a change rolled back', () => {
    const { shelter, room, beds: roomBeds } = shelterWith(2);
    expect(freeLabels(db, shelter.id)).toEqual([['1', '2']]);

    db.update(beds).set({ label: 'A' }).where(eq(beds.id, roomBeds[0].id)).run();
    expect(freeLabels(db, shelter.id)).toEqual([['A', '2']]);

    // Another connection to the same file changes the beds: this one sees it at its next read.
    const other = openDatabase(test.path);
    try {
      other.db.update(beds).set({ outOfServiceReason: 'broken' }).where(eq(beds.id, roomBeds[1].id)).run();
      other.db.insert(beds).values({ roomId: room.id, label: '3' }).run();
    } finally {
      other.sqlite.close();
    }
    expect(freeLabels(db, shelter.id)).toEqual([['A', '3']]);

    // Read inside a transaction that then fails: the change it saw is gone, and so is what it read.
    expect(() =>
      write(db, (tx) => {
        tx.update(beds).set({ label: 'B' }).where(eq(beds.id, roomBeds[0].id)).run();
        expect(freeLabels(tx, shelter.id)).toEqual([['B', '3']]);
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect(freeLabels(db, shelter.id)).toEqual([['A', '3']]);
  });
});
