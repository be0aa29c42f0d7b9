// A writer that reserves beds in a loop through the domain function the server action calls, on its
// own connection, and after each COMMIT returns appends the new stay's id to a log: that line is the
// acknowledgement its caller would have seen. Stops when its (household, bed) pairs run out or the
// stop file appears; it may also be killed at any moment.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { openDatabase, write } from '@/db';
import type { StaffUser } from '@/lib/auth/staff';
import { reserveBeds } from '@/lib/placement/reserve';

const [dbPath, userId, pairsFile, logFile, stopFile] = process.argv.slice(2);
const pairs: [string, string][] = JSON.parse(readFileSync(pairsFile, 'utf8'));
const { db, sqlite } = openDatabase(dbPath);
// Three writers in tight loops on a machine busy with other tests: one holding the lock may be off the
// CPU for seconds. What is tested is the backup's copy, not how long a writer waits its turn.
sqlite.pragma('busy_timeout = 60000');
const guide: StaffUser = { id: userId, email: 'ack@x.test', name: 'ack', role: 'guide', locale: 'en', shelterIds: [] };

for (const [i, [arrivalId, bedId]] of pairs.entries()) {
  if (i % 20 === 0 && existsSync(stopFile)) break;
  const { stayId } = write(db, (tx) => reserveBeds(tx, guide, { arrivalId, bedIds: [bedId] }, new Date()));
  appendFileSync(logFile, `${stayId}\n`);
}
sqlite.close();
