// Where a reservation's WAL pages go: `npx tsx tests/bench/wal-anatomy.ts`. A commit writes each page
// it changed once, however often the transaction changed it, so the pages a reservation adds to the
// WAL are the b-tree pages it touched: its tables' and each of their indexes'. This reads the WAL's
// frame headers after each reservation and names every page with SQLite's dbstat, then measures again
// with each family of triggers dropped, to say what the triggers cost. Printed, never asserted;
// `npm run bench` reports the total (`reservations.wal_pages_per_reservation`).
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase, write } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import type { StaffUser } from '@/lib/auth/staff';
import { addNights, tonightIn } from '@/lib/calendar/nights';
import { NETWORK_TIME_ZONE } from '@/lib/calendar/zones';
import { reserveBeds } from '@/lib/placement/reserve';
import { makeArrival, makeRoom, makeShelter, makeUser } from '../support/fixtures';

const SHELTERS = 100;
const BEDS_PER_SHELTER = 10;
const RESERVATIONS = 300;
const WAL_HEADER = 32;
const FRAME_HEADER = 24;

const dir = mkdtempSync(join(tmpdir(), 'waystation-wal-'));
const template = join(dir, 'template.db');

/** A network of small shelters with one waiting adult per bed, as the reservations bench seeds it. */
function seed(): { guide: StaffUser; pairs: [string, string][]; triggers: string[] } {
  const { db, sqlite } = openDatabase(template);
  migrateDatabase(db);
  const user = makeUser(db, 'guide');
  const pairs: [string, string][] = [];
  sqlite.transaction(() => {
    for (let s = 0; s < SHELTERS; s++) {
      const { beds } = makeRoom(db, makeShelter(db, { status: 'open' }).id, 'mixed', BEDS_PER_SHELTER);
      for (const bed of beds) pairs.push([makeArrival(db, { adultMen: 1, adultWomen: 0, children: 0 }).id, bed.id]);
    }
  })();
  const triggers = sqlite.prepare("select name from sqlite_schema where type = 'trigger'").pluck().all() as string[];
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
  const guide: StaffUser = { id: user.id, email: user.email, name: user.name, role: 'guide', locale: 'en', shelterIds: [] };
  return { guide, pairs: pairs.slice(0, RESERVATIONS), triggers };
}

/**
 * Reserves each household one bed for three nights from tomorrow, one transaction each, on a copy of
 * the template without the triggers `drop` names and with checkpoints off, so that the WAL only grows.
 * `inspect` sees the WAL after each commit, from the first byte that commit wrote.
 */
function reserveAll(
  label: string,
  drop: (trigger: string) => boolean,
  inspect?: (sqlite: Database.Database, wal: Buffer, from: number) => void,
): { pages: number; us: number } {
  const path = join(dir, `${label}.db`);
  copyFileSync(template, path);
  const { db, sqlite } = openDatabase(path);
  try {
    for (const trigger of triggers.filter(drop)) sqlite.exec(`drop trigger "${trigger}"`);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    sqlite.pragma('wal_autocheckpoint = 0');
    const frame = (sqlite.pragma('page_size', { simple: true }) as number) + FRAME_HEADER;
    const walSize = () => statSync(`${path}-wal`).size;
    const tomorrow = addNights(tonightIn(NETWORK_TIME_ZONE, new Date()), 1);
    const stay = { firstNight: tomorrow, departure: addNights(tomorrow, 3) };
    const first = walSize();
    let inside = 0;
    for (const [arrivalId, bedId] of pairs) {
      const from = Math.max(walSize(), WAL_HEADER);
      const started = performance.now();
      write(db, (tx) => reserveBeds(tx, guide, { arrivalId, bedIds: [bedId], ...stay }, new Date()));
      inside += performance.now() - started;
      inspect?.(sqlite, readFileSync(`${path}-wal`), from);
    }
    return { pages: (walSize() - first) / frame / pairs.length, us: (inside * 1000) / pairs.length };
  } finally {
    sqlite.close();
  }
}

const { guide, pairs, triggers } = seed();

// Each page a commit wrote, named by the table or index whose b-tree holds it.
const byTree = new Map<string, number>();
let owners = new Map<number, string>();
reserveAll(
  'named',
  () => false,
  (sqlite, wal, from) => {
    const pageSize = wal.readUInt32BE(8);
    for (let at = from; at + FRAME_HEADER <= wal.length; at += FRAME_HEADER + pageSize) {
      const page = wal.readUInt32BE(at);
      if (!owners.has(page)) {
        const rows = sqlite.prepare('select pageno, name from dbstat').all() as { pageno: number; name: string }[];
        owners = new Map(rows.map((row) => [row.pageno, row.name]));
      }
      const tree = owners.get(page) ?? 'free list';
      byTree.set(tree, (byTree.get(tree) ?? 0) + 1);
    }
  },
);
console.log(`WAL pages of one reservation, by table or index (${pairs.length} reservations):`);
for (const [tree, pages] of [...byTree].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])))
  console.log(`  ${(pages / pairs.length).toFixed(1).padStart(5)}  ${tree}`);

console.log('\nWith and without the triggers (pages per reservation; microseconds inside the transaction):');
const variants: [string, (trigger: string) => boolean][] = [
  ['every trigger', () => false],
  ['without the stay stamps', (t) => t.startsWith('stay_stamp_')],
  ['without the room-night counts', (t) => t.startsWith('room_nights_')],
  ['without any trigger', () => true],
];
for (const [label, drop] of variants) {
  const { pages, us } = reserveAll(label.replace(/\W+/g, '-'), drop);
  console.log(`  ${label.padEnd(30)} ${pages.toFixed(1).padStart(5)} pages  ${us.toFixed(0).padStart(5)} µs`);
}
rmSync(dir, { recursive: true, force: true });
