import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openDatabase } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { waitingQueue } from '@/lib/arrivals/queries';
import { suggestPlacements } from '@/lib/matching/suggest';
import { networkAvailability } from '@/lib/placement/availability';
import { shelterBoard, visibleShelters } from '@/lib/shelters/board';
import { round, spread } from './stats';

const id = () => randomBytes(12).toString('base64url');
const DAY = 24 * 3600_000;

/**
 * The synthetic network: shelters with a men's, a women's, a mixed and a family room, households
 * waiting now, and past stays over two years, each with its released beds. Raw SQL in one
 * transaction, because the ORM would take minutes for a million rows.
 */
export function seedSyntheticNetwork(path: string, size: { shelters: number; bedsPerShelter: number; pastStays: number; waiting: number }, now: Date) {
  const { db, sqlite } = openDatabase(path);
  migrateDatabase(db);
  const insertShelter = sqlite.prepare(
    "insert into shelters (id, name, district, status, languages, accepts_families, last_confirmed_at, created_at) values (?, ?, 'Fatih', 'open', '[\"ru\",\"en\"]', 1, ?, ?)",
  );
  const insertRoom = sqlite.prepare('insert into rooms (id, shelter_id, name, kind, accessible, created_at) values (?, ?, ?, ?, 0, ?)');
  const insertBed = sqlite.prepare('insert into beds (id, room_id, label, created_at) values (?, ?, ?, ?)');
  const insertArrival = sqlite.prepare(
    "insert into arrivals (id, alias, adult_men, adult_women, children, languages, arrived_at, status, created_at) values (?, ?, ?, ?, ?, '[\"ru\"]', ?, ?, ?)",
  );
  const insertStay = sqlite.prepare(
    "insert into stays (id, arrival_id, shelter_id, status, hold_until, checked_in_at, checked_out_at, ended_at, created_at) values (?, ?, ?, 'checked_out', ?, ?, ?, ?, ?)",
  );
  const insertStayBed = sqlite.prepare('insert into stay_beds (stay_id, bed_id, released_at) values (?, ?, ?)');
  const kinds = ['men', 'women', 'mixed', 'family'] as const;
  const bedsByShelter: { shelterId: string; bedIds: string[] }[] = [];
  const t = now.getTime();
  sqlite.transaction(() => {
    for (let s = 0; s < size.shelters; s++) {
      const shelterId = id();
      insertShelter.run(shelterId, `Shelter ${s}`, t - (s % 48) * 3600_000, t);
      const bedIds: string[] = [];
      kinds.forEach((kind, k) => {
        const roomId = id();
        insertRoom.run(roomId, shelterId, `${kind} room`, kind, t);
        for (let b = 0; b < size.bedsPerShelter / kinds.length; b++) {
          const bedId = id();
          insertBed.run(bedId, roomId, String(b + 1), t + k);
          bedIds.push(bedId);
        }
      });
      bedsByShelter.push({ shelterId, bedIds });
    }
    for (let i = 0; i < size.pastStays; i++) {
      const arrivalId = id();
      const start = t - 2 * 365 * DAY + Math.floor((i / size.pastStays) * 2 * 365 * DAY);
      const end = start + (1 + (i % 5)) * DAY;
      const { shelterId, bedIds } = bedsByShelter[i % bedsByShelter.length];
      insertArrival.run(arrivalId, null, 1, 0, 0, start, 'left', start);
      const stayId = id();
      insertStay.run(stayId, arrivalId, shelterId, start + 6 * 3600_000, start + 3600_000, end, end, start);
      insertStayBed.run(stayId, bedIds[i % bedIds.length], end);
    }
    for (let w = 0; w < size.waiting; w++) insertArrival.run(id(), `Waiting ${w}`, w % 2, 1 - (w % 2), w % 7 === 0 ? 2 : 0, t - w * 60_000, 'waiting', t);
  })();
  sqlite.exec('analyze');
  return { db, sqlite, bedsByShelter };
}

function medianMs(runs: number, fn: () => unknown) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return spread(times);
}

/** Server time of the reads a guide and an admin make, on the synthetic network (in-process, no HTTP). */
export function benchScale(options: { shelters: number; bedsPerShelter: number; pastStays: number; waiting: number; runs: number }) {
  const dir = mkdtempSync(join(tmpdir(), 'waystation-scale-'));
  const now = new Date();
  try {
    const seedStart = performance.now();
    const { db, sqlite, bedsByShelter } = seedSyntheticNetwork(join(dir, 'scale.db'), options, now);
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const family = { adultMen: 1, adultWomen: 1, children: 2, languages: ['ru'], needsWheelchair: false, hasPet: false };
    const admin = { id: 'admin', email: 'a@x.test', name: 'a', role: 'admin' as const, locale: 'en', shelterIds: [] };
    const suggestions = medianMs(options.runs, () => suggestPlacements(networkAvailability(db), family, now));
    const queue = medianMs(options.runs, () => waitingQueue(db, now));
    const board = medianMs(options.runs, () => shelterBoard(db, bedsByShelter[0].shelterId, now));
    const shelterList = medianMs(options.runs, () => visibleShelters(db, admin, now));
    sqlite.close();
    return {
      shelters: options.shelters,
      beds: options.shelters * options.bedsPerShelter,
      past_stays: options.pastStays,
      waiting_households: options.waiting,
      seed_seconds: round(seedSeconds),
      suggestions_ms: round(suggestions.median),
      suggestions_ms_max: round(suggestions.max),
      waiting_list_ms: round(queue.median),
      bed_board_ms: round(board.median),
      shelter_list_ms: round(shelterList.median),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
