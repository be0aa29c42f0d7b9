// One guide of the overdue-bed race, in its own OS process with its own connection: reserves its
// household into the bed of a guest past their departure, then into the free bed beside it, through
// the domain function the server action calls. Prints what each attempt got, as JSON on stdout.
import { openDatabase, write } from '@/db';
import type { StaffUser } from '@/lib/auth/staff';
import { DomainError } from '@/lib/errors';
import { reserveBeds } from '@/lib/placement/reserve';

const [dbPath, userId, arrivalId, overdueBedId, freeBedId, nowIso] = process.argv.slice(2);
const { db, sqlite } = openDatabase(dbPath);
// Processes racing on a machine busy with other tests: one holding the lock may be off the CPU for
// seconds. The race tests who gets which bed, not how long a writer waits its turn (`npm run bench`
// measures that), so a wait is never a failure here.
sqlite.pragma('busy_timeout = 60000');
const guide: StaffUser = { id: userId, email: 'race@x.test', name: 'race', role: 'guide', locale: 'en', shelterIds: [] };
const now = new Date(nowIso);

function attempt(bedId: string): string {
  try {
    write(db, (tx) => reserveBeds(tx, guide, { arrivalId, bedIds: [bedId] }, now));
    return 'reserved';
  } catch (error) {
    return error instanceof DomainError ? error.code : `error: ${(error as Error).message}`;
  }
}

const result = { overdueBed: attempt(overdueBedId), freeBed: attempt(freeBedId) };
sqlite.close();
process.stdout.write(JSON.stringify(result));
