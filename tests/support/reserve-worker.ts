// One OS process of the reservation race: its own connection, reserving through the same domain
// function the server action calls. Prints a JSON summary on stdout.
import { openDatabase, write } from '@/db';
import type { StaffUser } from '@/lib/auth/staff';
import { DomainError } from '@/lib/errors';
import { suggestPlacements } from '@/lib/matching/suggest';
import { networkAvailability } from '@/lib/placement/availability';
import { householdOf, reserveBeds } from '@/lib/placement/reserve';
import { addNights, tonightIn } from '@/lib/nights/calendar';
import { NETWORK_TIME_ZONE } from '@/lib/time';

const [dbPath, userId, seedText, idsJson] = process.argv.slice(2);
const ids: string[] = JSON.parse(idsJson);
let seed = Number(seedText);
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
for (let i = ids.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [ids[i], ids[j]] = [ids[j], ids[i]];
}

const { db, sqlite } = openDatabase(dbPath);
const guide: StaffUser = { id: userId, email: 'race@x.test', name: 'race', role: 'coordinator', locale: 'en', shelterIds: [] };
const summary = { attempts: 0, successes: 0, conflicts: 0, alreadyPlaced: 0, noPlace: 0, errors: [] as string[], latenciesMs: [] as number[] };
const started = Date.now();

for (const arrivalId of ids) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const now = new Date();
    // Overlapping date ranges: one to three nights, starting tomorrow to three days ahead (never
    // tonight, whose door may have closed by the time the test runs).
    const firstNight = addNights(tonightIn(NETWORK_TIME_ZONE, now), 1 + Math.floor(random() * 3));
    const nights = { firstNight, departure: addNights(firstNight, 1 + Math.floor(random() * 3)) };
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
