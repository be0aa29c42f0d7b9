import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, write } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { arrivals, beds, rooms, shelters, users } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff';
import { addNights, tonightIn } from '@/lib/calendar/nights';
import { NETWORK_TIME_ZONE } from '@/lib/calendar/zones';
import { reserveBeds } from '@/lib/placement/reserve';
import { percentile, round, spread } from './stats';

type WorkerResult = { calls: number; elapsedMs: number; latencies: number[]; busy: number; errorCount: number; errors: string[] };
const ROOT = join(__dirname, '..', '..');

/** A template database: many small shelters with mixed rooms, and one waiting adult per bed. */
function seedTemplate(path: string, shelterCount: number, bedsPerShelter: number) {
  const { db, sqlite } = openDatabase(path);
  migrateDatabase(db);
  sqlite.exec('create table bench_floor (id integer primary key, at integer not null)');
  const guide = db.insert(users).values({ email: 'bench-guide@x.test', name: 'bench', passwordHash: 'x', role: 'guide' }).returning().get();
  const pairs: [string, string][] = [];
  sqlite.transaction(() => {
    for (let s = 0; s < shelterCount; s++) {
      const shelter = db
        .insert(shelters)
        .values({ name: `Bench ${s}`, district: 'Fatih', status: 'open' })
        .returning()
        .get();
      const room = db.insert(rooms).values({ shelterId: shelter.id, name: 'Hall', kind: 'mixed' }).returning().get();
      for (let b = 0; b < bedsPerShelter; b++) {
        const bed = db
          .insert(beds)
          .values({ roomId: room.id, label: String(b + 1) })
          .returning()
          .get();
        const arrival = db
          .insert(arrivals)
          .values({ alias: `b${s}-${b}`, adultMen: 1, arrivedAt: new Date() })
          .returning()
          .get();
        pairs.push([arrival.id, bed.id]);
      }
    }
  })();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
  return { guideId: guide.id, pairs };
}

function runWorkers(
  mode: 'reserve' | 'floor',
  dbPath: string,
  guideId: string,
  seconds: number,
  slices: [string, string][][],
): Promise<WorkerResult[]> {
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
 * A reservation taken apart, in one process: the pages its commit writes to the WAL and its time
 * inside and outside the domain call, against the floor's. With checkpoints off the WAL only grows,
 * so its size counts pages; times are taken with checkpoints on, as the app runs.
 */
function inOneProcess(template: string, path: string, guideId: string, pairs: [string, string][], calls: number, checkpoints: boolean) {
  copyFileSync(template, path);
  const { db, sqlite } = openDatabase(path);
  try {
    if (!checkpoints) sqlite.pragma('wal_autocheckpoint = 0');
    const frame = (sqlite.pragma('page_size', { simple: true }) as number) + 24;
    const walSize = () => statSync(`${path}-wal`).size;
    const guide: StaffUser = { id: guideId, email: 'bench@x.test', name: 'bench', role: 'guide', locale: 'en', shelterIds: [] };
    const insert = sqlite.prepare('insert into bench_floor (at) values (?)');
    write(db, () => insert.run(0));
    const count = Math.min(calls, pairs.length);
    // A three-night stay from tomorrow: three bed-night rows in the ledger besides the stay itself.
    const tomorrow = addNights(tonightIn(NETWORK_TIME_ZONE, new Date()), 1);
    const threeNights = { firstNight: tomorrow, departure: addNights(tomorrow, 3) };
    let domainMs = 0;
    let before = walSize();
    let started = performance.now();
    for (const [arrivalId, bedId] of pairs.slice(0, count)) {
      write(db, (tx) => {
        const t0 = performance.now();
        reserveBeds(tx, guide, { arrivalId, bedIds: [bedId], ...threeNights }, new Date());
        domainMs += performance.now() - t0;
      });
    }
    const reservation = {
      pages: (walSize() - before) / frame / count,
      us: ((performance.now() - started) * 1000) / count,
      domainUs: (domainMs * 1000) / count,
    };
    before = walSize();
    started = performance.now();
    for (let i = 0; i < count; i++) write(db, () => insert.run(i));
    return { reservation, floor: { pages: (walSize() - before) / frame / count, us: ((performance.now() - started) * 1000) / count } };
  } finally {
    sqlite.close();
    rmSync(path, { force: true });
  }
}

/** The figures of `inOneProcess`: pages per commit, and microseconds per call split at the domain call. */
function anatomy(template: string, dir: string, guideId: string, pairs: [string, string][], calls: number) {
  const pages = inOneProcess(template, join(dir, 'pages.db'), guideId, pairs, calls, false);
  const times = inOneProcess(template, join(dir, 'times.db'), guideId, pairs, calls, true);
  return {
    wal_pages_per_reservation: round(pages.reservation.pages, 1),
    wal_pages_per_floor_commit: round(pages.floor.pages, 1),
    one_process_reservation_us: round(times.reservation.us),
    one_process_domain_us: round(times.reservation.domainUs),
    one_process_commit_us: round(times.reservation.us - times.reservation.domainUs),
    one_process_floor_us: round(times.floor.us),
  };
}

/**
 * Reservations per second and latency with 1, 4 and 8 OS processes, each with its own connection,
 * against the SQLite floor (a bare one-row INSERT commit) measured in the same run.
 */
export async function benchReservations(options: {
  processes: number[];
  runs: number;
  seconds: number;
  shelters: number;
  bedsPerShelter: number;
}) {
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
        const floor = await runWorkers(
          'floor',
          path,
          guideId,
          options.seconds,
          slices.map(() => []),
        );
        rates.push(reserved.reduce((n, r) => n + (r.calls * 1000) / r.elapsedMs, 0));
        floors.push(floor.reduce((n, r) => n + (r.calls * 1000) / r.elapsedMs, 0));
        latencies.push(...reserved.flatMap((r) => r.latencies));
        busy += reserved.reduce((n, r) => n + r.busy, 0) + floor.reduce((n, r) => n + r.busy, 0);
        errors += reserved.reduce((n, r) => n + r.errorCount, 0);
        const { sqlite } = openDatabase(path);
        const twice = sqlite
          .prepare('select count(*) as n from (select bed_id from stay_beds where released_at is null group by bed_id having count(*) > 1)')
          .get() as { n: number };
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
    const parts = anatomy(template, dir, guideId, pairs, 2000);
    return results.map((result) => ({ ...result, ...parts }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
