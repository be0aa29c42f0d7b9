import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, write } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { newId } from '@/db/schema/columns';
import { DomainError } from '@/lib/errors';
import { bedConflicts } from '@/lib/nights/overdue';
import { reserveBeds } from '@/lib/placement/reserve';
import { moveStay } from '@/lib/placement/stays';
import { twoInOneBed, twoInOneBedByShelter } from '@/lib/shelters/bed-conflicts';
import { asStaff, defaultCityOf, makeArrival, makeUser } from '../support/fixtures';
import { makeDatedStay } from '../support/host-day';
import { migrationsUpTo } from '../support/migrations';

// A database as it stood at migration 0011, where the demo's Fatih shelter had Nikolai (checked in,
// due out yesterday) and Vitaly (checked in tonight) in one bed.
const dir = mkdtempSync(join(tmpdir(), 'waystation-overdue-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// 7 Dec 2026, 21:00 in Istanbul: tonight is 7 Dec, Nikolai was due out on the 6th.
const NOW = new Date('2026-12-07T18:00:00Z');
const FAR = new Date('2027-01-01T00:00:00Z');

/** An old database with the conflict in it, then migrated as an upgrade would. */
function upgradedWithConflict(name: string) {
  const { db, sqlite } = openDatabase(join(dir, `${name}.db`));
  migrate(db, { migrationsFolder: migrationsUpTo(dir, '0011_unmet_by_city') });
  // Written as SQL of 0011's schema: the fixtures write today's columns, which a database at 0011 lacks.
  const shelter = { id: newId(), name: 'Fatih Free Shelter' };
  sqlite
    .prepare(
      "insert into shelters (id, name, district, city_id, status, time_zone, created_at) values (?, ?, 'Fatih', ?, 'open', 'Europe/Istanbul', ?)",
    )
    .run(shelter.id, shelter.name, defaultCityOf(db), Date.parse('2026-11-01T00:00:00Z'));
  const roomId = newId();
  sqlite.prepare("insert into rooms (id, shelter_id, name, kind, created_at) values (?, ?, 'Room', 'mixed', 0)").run(roomId, shelter.id);
  const beds = [1, 2, 3, 4, 5].map((label) => {
    const id = newId();
    sqlite.prepare('insert into beds (id, room_id, label, created_at) values (?, ?, ?, 0)').run(id, roomId, String(label));
    return { id };
  });
  const nikolai = makeDatedStay(db, {
    shelterId: shelter.id,
    bedIds: [beds[0].id],
    status: 'checked_in',
    firstNight: '2026-12-04',
    departure: '2026-12-06',
    alias: 'Nikolai',
    holdUntil: FAR,
  });
  const vitaly = makeDatedStay(db, {
    shelterId: shelter.id,
    bedIds: [beds[0].id],
    status: 'checked_in',
    firstNight: '2026-12-07',
    departure: '2026-12-09',
    alias: 'Vitaly',
    holdUntil: FAR,
  });
  const rows = () => ({
    stays: sqlite.prepare('select id, status, departure from stays order by id').all(),
    beds: sqlite.prepare('select stay_id, bed_id, released_at from stay_beds order by stay_id, bed_id').all(),
    nights: sqlite.prepare('select * from bed_nights order by bed_id, night').all(),
  });
  const before = rows();
  migrateDatabase(db, NOW);
  return {
    db,
    sqlite,
    shelter,
    beds,
    nikolai,
    vitaly,
    before,
    rows,
    host: asStaff(makeUser(db, 'host', { shelterIds: [shelter.id] }), [shelter.id]),
    admin: asStaff(makeUser(db, 'admin')),
    guide: asStaff(makeUser(db, 'guide')),
  };
}

describe('a bed with two guests from before migration 0012', () => {
  it('keeps both stays, their beds and their nights: nothing is dropped', () => {
    const { sqlite, before, rows } = upgradedWithConflict('kept');
    expect(rows()).toEqual(before);
    sqlite.close();
  });

  it('is shown to the host (with names) and the admin (counts only), and gives the bed to nobody else meanwhile', () => {
    const { db, sqlite, shelter, beds, host, admin, guide } = upgradedWithConflict('shown');
    const shown = twoInOneBed(db, host, shelter.id, NOW);
    expect(shown.map((c) => [c.bedLabel, c.staying.household.alias, c.departure, c.other.household.alias, c.otherStatus])).toEqual([
      ['1', 'Nikolai', '2026-12-06', 'Vitaly', 'checked_in'],
    ]);
    expect(twoInOneBedByShelter(db, null, NOW)).toEqual([{ shelterId: shelter.id, name: 'Fatih Free Shelter', beds: 1 }]);
    expect(twoInOneBed(db, admin, shelter.id, NOW)[0].staying.household.alias).toBeNull();
    const pavel = makeArrival(db, { alias: 'Pavel' });
    expect(() =>
      write(db, (tx) =>
        reserveBeds(tx, guide, { arrivalId: pavel.id, bedIds: [beds[0].id], firstNight: '2026-12-09', departure: '2026-12-10' }, NOW),
      ),
    ).toThrow(expect.objectContaining({ code: 'guestStillInBed' }) as DomainError);
    sqlite.close();
  });

  it('is resolved by a move: Vitaly to a free bed, after which no bed has two guests', () => {
    const { db, sqlite, beds, admin, nikolai, vitaly } = upgradedWithConflict('moved');
    write(db, (tx) => moveStay(tx, admin, { stayId: vitaly.id, bedIds: [beds[3].id] }, NOW));
    expect(bedConflicts(db, null, NOW)).toEqual([]);
    expect(sqlite.prepare('select stay_id from bed_nights where bed_id = ? and night = ?').pluck().get(beds[3].id, '2026-12-07')).toBe(
      vitaly.id,
    );
    expect(sqlite.prepare('select status from stays where id = ?').pluck().get(nikolai.id)).toBe('checked_in');
    sqlite.close();
  });
});
