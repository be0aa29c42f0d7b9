import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, write } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { arrivals, beds, rooms, shelters, users } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff';
import { reserveBeds } from '@/lib/placement/reserve';
import { percentile, round, spread } from './stats';

type WorkerResult = { calls: number; elapsedMs: number; latencies: number[]; busy: number; errorCount: number; errors: string[] };
const ROOT = join(__dirname, '..', '..');

/** A template database: many small shelters with mixed rooms, and one waiting adult per bed. */
function seedTemplate(path: string, shelterCount: number, bedsPerShelter: number) {
  const { db, sqlite } = openDatabase(path);
  migrateDatabase(db);
  sqlite.exec('create table bench_floor (id integer primary key, at integer not null)');
  const guide = db.insert(users).values({ email: 'bench-guide@x.test', name: 'bench', passwordHash: 'x', role: 'coordinator' }).returning().get();
  const pairs: [string, string][] = [];
  sqlite.transaction(() => {
    for (let s = 0; s < shelterCount; s++) {
      const shelter = db.insert(shelters).values({ name: `Bench ${s}`, district: 'Fatih', status: 'open' }).returning().get();
      const room = db.insert(rooms).values({ shelterId: shelter.id, name: 'Hall', kind: 'mixed' }).returning().get();
      for (let b = 0; b < bedsPerShelter; b++) {
        const bed = db.insert(beds).values({ roomId: room.id, label: String(b + 1) }).returning().get();
        const arrival = db.insert(arrivals).values({ alias: `b${s}-${b}`, adultMen: 1, arrivedAt: new Date() }).returning().get();
        pairs.push([arrival.id, bed.id]);
      }
    }
  })();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
  return { guideId: guide.id, pairs };
}

function runWorkers(mode: 'reserve' | 'floor', dbPath: string, guideId: string, seconds: number, slices: [string, string][][]): Promise<WorkerResult[]> {
  const worker = join(__dirname, 'reserve-worker.ts');
  return new Promise((resolve, reject) => {
    const results: WorkerResult[] = [];
    let ready = 0;
    const children = slices.map((slice, index) => {
      const pairsFile = `${dbPath}.${mode}-${index}.json`;
      writeFileSync(pairsFile, JSON.stringify(slice));
      const child = spawn(process.execPath, ['--import', 'tsx', worker, mode, dbPath, guideId, String(seconds), pairsFile], {
        cwd: ROOT,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.stderr.on('data', (chunk) => {
        if (String(chunk).includes('ready') && ++ready === slices.length) for (const c of children) c.stdin.write('go\n');
      });
      child.on('close', (code) => {
        if (code !== 0) return reject(new Error(`${mode} worker exited ${code}`));
        results.push(JSON.parse(out));
        if (results.length === slices.length) resolve(results);
      });
      return child;
    });
  });
}

/**
 * Pages each commit writes to the WAL, a reservation's against the floor's: what a commit costs
 * beyond its fsync grows with them. One process, checkpoints off, so the WAL only grows.
 */
function walPagesPerCommit(template: string, dir: string, guideId: string, pairs: [string, string][], calls: number) {
  const path = join(dir, 'pages.db');
  copyFileSync(template, path);
  const { db, sqlite } = openDatabase(path);
  try {
    sqlite.pragma('wal_autocheckpoint = 0');
    const frame = (sqlite.pragma('page_size', { simple: true }) as number) + 24;
    const walSize = () => statSync(`${path}-wal`).size;
    const guide: StaffUser = { id: guideId, email: 'bench@x.test', name: 'bench', role: 'coordinator', locale: 'en', shelterIds: [] };
    const insert = sqlite.prepare('insert into bench_floor (at) values (?)');
    write(db, () => insert.run(0));
    const count = Math.min(calls, pairs.length);
    let before = walSize();
    for (const [arrivalId, bedId] of pairs.slice(0, count)) write(db, (tx) => reserveBeds(tx, guide, { arrivalId, bedIds: [bedId] }, new Date()));
    const reservation = (walSize() - before) / frame / count;
    before = walSize();
    for (let i = 0; i < count; i++) write(db, () => insert.run(i));
    return { reservation: round(reservation, 1), floor: round((walSize() - before) / frame / count, 1) };
  } finally {
    sqlite.close();
    rmSync(path, { force: true });
  }
}

/**
 * Reservations per second and latency with 1, 4 and 8 OS processes, each with its own connection,
 * against the SQLite floor (a bare one-row INSERT commit) measured in the same run.
 */
export async function benchReservations(options: { processes: number[]; runs: number; seconds: number; shelters: number; bedsPerShelter: number }) {
  const dir = mkdtempSync(join(tmpdir(), 'waystation-bench-'));
  try {
    const template = join(dir, 'template.db');
    const { guideId, pairs } = seedTemplate(template, options.shelters, options.bedsPerShelter);
    const results = [];
    for (const processes of options.processes) {
      const rates: number[] = [];
      const floors: number[] = [];
      const latencies: number[] = [];
      let busy = 0;
      let errors = 0;
      let doubleBookings = 0;
      for (let run = 0; run < options.runs; run++) {
        const path = join(dir, `run-${processes}-${run}.db`);
        copyFileSync(template, path);
        const slices = Array.from({ length: processes }, (_, p) => pairs.filter((_, i) => i % processes === p));
        const reserved = await runWorkers('reserve', path, guideId, options.seconds, slices);
        const floor = await runWorkers('floor', path, guideId, options.seconds, slices.map(() => []));
        rates.push(reserved.reduce((n, r) => n + (r.calls * 1000) / r.elapsedMs, 0));
        floors.push(floor.reduce((n, r) => n + (r.calls * 1000) / r.elapsedMs, 0));
        latencies.push(...reserved.flatMap((r) => r.latencies));
        busy += reserved.reduce((n, r) => n + r.busy, 0) + floor.reduce((n, r) => n + r.busy, 0);
        errors += reserved.reduce((n, r) => n + r.errorCount, 0);
        const { sqlite } = openDatabase(path);
        const twice = sqlite.prepare('select count(*) as n from (select bed_id from stay_beds where released_at is null group by bed_id having count(*) > 1)').get() as { n: number };
        const held = sqlite.prepare('select count(*) as n from stay_beds where released_at is null').get() as { n: number };
        const calls = reserved.reduce((n, r) => n + r.calls, 0);
        doubleBookings += twice.n + Math.abs(held.n - calls);
        sqlite.close();
        rmSync(path, { force: true });
      }
      const rate = spread(rates);
      const floorRate = spread(floors);
      results.push({
        processes,
        per_second: round(rate.median),
        per_second_min: round(rate.min),
        per_second_max: round(rate.max),
        floor_per_second: round(floorRate.median),
        ratio_to_floor: round(rate.median / floorRate.median, 2),
        p50_ms: round(percentile(latencies, 0.5), 2),
        p95_ms: round(percentile(latencies, 0.95), 2),
        p99_ms: round(percentile(latencies, 0.99), 2),
        busy_errors: busy,
        other_errors: errors,
        double_bookings: doubleBookings,
      });
    }
    const pages = walPagesPerCommit(template, dir, guideId, pairs, 200);
    return results.map((result) => ({ ...result, wal_pages_per_reservation: pages.reservation, wal_pages_per_floor_commit: pages.floor }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
