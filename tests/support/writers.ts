import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { write, type Db } from '@/db';
import { arrivals, beds, rooms, shelters, users } from '@/db/schema';
import { workerScript } from './worker-script';

export const ROOT = join(__dirname, '..', '..');
const BEDS_PER_SHELTER = 50;

/** A guide and `count` waiting adults with one free bed each, as (household, bed) pairs. */
export function seedPairs(db: Db, count: number): { guideId: string; pairs: [string, string][] } {
  const guide = db
    .insert(users)
    .values({ email: 'writer-guide@x.test', name: 'writer', passwordHash: 'x', role: 'guide' })
    .returning()
    .get();
  const pairs: [string, string][] = [];
  write(db, (tx) => {
    for (let start = 0; start < count; start += BEDS_PER_SHELTER) {
      const n = Math.min(BEDS_PER_SHELTER, count - start);
      const shelter = tx
        .insert(shelters)
        .values({ name: `Writers ${start}`, district: 'Fatih', status: 'open' })
        .returning()
        .get();
      const room = tx.insert(rooms).values({ shelterId: shelter.id, name: 'Hall', kind: 'mixed' }).returning().get();
      const bedIds = tx
        .insert(beds)
        .values(Array.from({ length: n }, (_, i) => ({ roomId: room.id, label: String(i + 1) })))
        .returning({ id: beds.id })
        .all();
      const arrivalIds = tx
        .insert(arrivals)
        .values(Array.from({ length: n }, (_, i) => ({ alias: `w${start + i}`, adultMen: 1, arrivedAt: new Date(0) })))
        .returning({ id: arrivals.id })
        .all();
      for (let i = 0; i < n; i++) pairs.push([arrivalIds[i].id, bedIds[i].id]);
    }
  });
  return { guideId: guide.id, pairs };
}

export type Writer = {
  child: ChildProcess;
  acks: () => string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
};

/** Starts tests/support/ack-worker.ts on its own connection; `acks()` reads what it has acknowledged so far. */
export function startWriter(dbPath: string, guideId: string, pairs: [string, string][], dir: string, name: string): Writer {
  const pairsFile = join(dir, `${name}.pairs.json`);
  const logFile = join(dir, `${name}.acks`);
  writeFileSync(pairsFile, JSON.stringify(pairs));
  writeFileSync(logFile, '');
  const child = spawn(
    process.execPath,
    [workerScript(join(ROOT, 'tests', 'support', 'ack-worker.ts')), dbPath, guideId, pairsFile, logFile, join(dir, 'stop')],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  // Only whole lines: a line being written as we read is not an acknowledgement yet.
  const acks = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(0, -1) : []);
  return { child, acks, exited };
}

export async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * What must hold of a database after a backup or a crash: SQLite finds it sound, every acknowledged
 * reservation is there, whole (its stay, its bed, its household placed), and no bed is held twice.
 */
export function checkReservations(sqlite: Database.Database, acknowledged: string[]) {
  const rows = (sql: string) => sqlite.prepare(sql).all();
  const one = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
  const stayIds = new Set((rows('select id from stays') as { id: string }[]).map((row) => row.id));
  return {
    integrity: sqlite.pragma('integrity_check', { simple: true }),
    foreignKeyProblems: rows('pragma foreign_key_check').length,
    missing: acknowledged.filter((id) => !stayIds.has(id)),
    stays: stayIds.size,
    doubleHeldBeds: one(
      'select count(*) as n from (select bed_id from stay_beds where released_at is null group by bed_id having count(*) > 1)',
    ),
    staysWithoutBed: one(
      'select count(*) as n from stays s where not exists (select 1 from stay_beds b where b.stay_id = s.id and b.released_at is null)',
    ),
    placedWithoutStay: one(
      "select count(*) as n from arrivals a where a.status = 'placed' and not exists (select 1 from stays s where s.arrival_id = a.id)",
    ),
  };
}
