// One process of the reservation benchmark. Mode "reserve": calls the reservation domain function
// (as the server action does) for its own households, one bed each, for `seconds`. Mode "floor": a
// bare one-row INSERT commit per call, same pragmas, same transaction kind. Prints JSON.
import { readFileSync } from 'node:fs';
import { openDatabase, write } from '@/db';
import type { StaffUser } from '@/lib/auth/staff';
import { reserveBeds } from '@/lib/placement/reserve';

const [mode, dbPath, userId, seconds, pairsFile] = process.argv.slice(2);
const { db, sqlite } = openDatabase(dbPath);
const guide: StaffUser = { id: userId, email: 'bench@x.test', name: 'bench', role: 'guide', locale: 'en', shelterIds: [] };
// (household, bed) pairs come in a file: thousands of them would overflow a command line.
const pairs: [string, string][] = pairsFile ? JSON.parse(readFileSync(pairsFile, 'utf8')) : [];
const latencies: number[] = [];
const errors: string[] = [];
let busy = 0;
const insert = sqlite.prepare('insert into bench_floor (at) values (?)');

// Say ready, then wait for the common start signal on stdin, so every process begins at once.
process.stderr.write('ready\n');
process.stdin.once('data', () => {
  const started = performance.now();
  const until = performance.now() + Number(seconds) * 1000;
  let i = 0;
  while (performance.now() < until && (mode === 'floor' || i < pairs.length)) {
    const t0 = performance.now();
    try {
      if (mode === 'floor') write(db, () => insert.run(Date.now()));
      else write(db, (tx) => reserveBeds(tx, guide, { arrivalId: pairs[i][0], bedIds: [pairs[i][1]] }, new Date()));
      latencies.push(performance.now() - t0);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_BUSY') busy++;
      else errors.push(String((error as Error).message));
    }
    i++;
  }
  sqlite.close();
  const elapsedMs = performance.now() - started;
  // Exit only once the (large) summary has been flushed to the pipe.
  process.stdout.write(
    JSON.stringify({ calls: latencies.length, elapsedMs, latencies, busy, errors: errors.slice(0, 5), errorCount: errors.length }),
    () => process.exit(0),
  );
});
