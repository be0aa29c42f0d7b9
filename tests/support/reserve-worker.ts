// One OS process of the reservation race: its own connection, reserving through the same domain
// function the server action calls: one household at a time (reserveBeds), or in `batch` mode a few
// at a time into one shelter (reserveBatch, as the queue's "place the ticked" does). Prints a JSON
// summary on stdout.
import { openDatabase, write } from '@/db';
import type { StaffUser } from '@/lib/auth/staff';
import { addNights, tonightIn } from '@/lib/calendar/nights';
import { NETWORK_TIME_ZONE } from '@/lib/calendar/zones';
import { DomainError } from '@/lib/errors';
import { suggestPlacements } from '@/lib/matching/suggest';
import { networkAvailability } from '@/lib/placement/availability';
import { reserveBatch, type BatchRefusal } from '@/lib/placement/batch';
import { householdOf, reserveBeds } from '@/lib/placement/reserve';

/** A shelter the race emptied: refused in the suggestions' words, for want of beds and nothing else. */
const outOfBeds = (refusal: BatchRefusal): boolean =>
  refusal.code === 'shelterRefuses' &&
  !!refusal.reasons?.length &&
  refusal.reasons.every((r) => r.code === 'bedsShort' || r.code === 'fullOn');

const [dbPath, userId, seedText, idsJson, mode = 'single'] = process.argv.slice(2);
const ids: string[] = JSON.parse(idsJson);
let seed = Number(seedText);
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
for (let i = ids.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [ids[i], ids[j]] = [ids[j], ids[i]];
}

const { db, sqlite } = openDatabase(dbPath);
// Processes racing on a machine busy with other tests: one holding the lock may be off the CPU for
// seconds. The race tests who gets which bed, not how long a writer waits its turn (`npm run bench`
// measures that), so a wait is never a failure here.
sqlite.pragma('busy_timeout = 60000');
const guide: StaffUser = { id: userId, email: 'race@x.test', name: 'race', role: 'guide', locale: 'en', shelterIds: [] };
const summary = {
  attempts: 0,
  successes: 0,
  conflicts: 0,
  alreadyPlaced: 0,
  noPlace: 0,
  batches: 0,
  errors: [] as string[],
  latenciesMs: [] as number[],
};
const started = Date.now();

/** Overlapping date ranges: one to three nights, starting tomorrow to three days ahead (never
 * tonight, whose door may have closed by the time the test runs). */
function someNights(now: Date) {
  const firstNight = addNights(tonightIn(NETWORK_TIME_ZONE, now), 1 + Math.floor(random() * 3));
  return { firstNight, departure: addNights(firstNight, 1 + Math.floor(random() * 3)) };
}

/** Two to six households at a time, into the shelter suggested first for the first of them. */
function placeInBatches() {
  for (let i = 0; i < ids.length;) {
    const chunk = ids.slice(i, (i += 2 + Math.floor(random() * 5)));
    const now = new Date();
    const nights = someNights(now);
    const { suggestions } = suggestPlacements(networkAvailability(db, { nights }), householdOf(db, chunk[0]), now, nights);
    if (suggestions.length === 0) {
      summary.noPlace += chunk.length;
      continue;
    }
    summary.batches++;
    summary.attempts += chunk.length;
    const t0 = performance.now();
    try {
      const { outcomes } = write(db, (tx) =>
        reserveBatch(tx, guide, { arrivalIds: chunk, shelterId: suggestions[0].shelterId, nights }, now),
      );
      for (const { refusal } of outcomes) {
        if (!refusal) summary.successes++;
        else if (refusal.code === 'bedsTaken') summary.conflicts++;
        else if (refusal.code === 'alreadyPlaced') summary.alreadyPlaced++;
        else if (refusal.code === 'noBedFitting' || outOfBeds(refusal)) summary.noPlace++;
        else summary.errors.push(refusal.code);
      }
    } catch (error) {
      summary.errors.push(String((error as Error).message));
    }
    summary.latenciesMs.push(performance.now() - t0);
  }
}

if (mode === 'batch') placeInBatches();

for (const arrivalId of mode === 'batch' ? [] : ids) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const now = new Date();
    const nights = someNights(now);
    const { suggestions } = suggestPlacements(networkAvailability(db, { nights }), householdOf(db, arrivalId), now, nights);
    if (suggestions.length === 0) {
      summary.noPlace++;
      break;
    }
    summary.attempts++;
    const t0 = performance.now();
    try {
      write(db, (tx) => reserveBeds(tx, guide, { arrivalId, bedIds: suggestions[0].beds.map((bed) => bed.bedId), ...nights }, now));
      summary.successes++;
      summary.latenciesMs.push(performance.now() - t0);
      break;
    } catch (error) {
      summary.latenciesMs.push(performance.now() - t0);
      if (error instanceof DomainError && error.code === 'bedsTaken') {
        summary.conflicts++;
        continue;
      }
      if (error instanceof DomainError && error.code === 'alreadyPlaced') {
        summary.alreadyPlaced++;
        break;
      }
      summary.errors.push(String((error as Error).message));
      break;
    }
  }
}
sqlite.close();
process.stdout.write(JSON.stringify({ ...summary, ms: Date.now() - started }));
