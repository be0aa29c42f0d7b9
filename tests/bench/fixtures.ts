import { and, asc, eq, isNull } from 'drizzle-orm';
import { openDatabase, write } from '@/db';
import { arrivals, shelters, users } from '@/db/schema';
import { suggestPlacements } from '@/lib/matching/suggest';
import { nightsToSearch } from '@/lib/nights/wanted';
import { networkAvailability } from '@/lib/placement/availability';
import { reserveBeds } from '@/lib/placement/reserve';
import { asStaff, makeArrival } from '../support/fixtures';

/**
 * On a demo database: a placed household's link, the Fatih shelter's id for its bed board, and a
 * household still waiting (the oldest) for a guide's page with its suggestions.
 */
export function placeDemoHousehold(databasePath: string) {
  const { db, sqlite } = openDatabase(databasePath);
  try {
    const guide = db.select().from(users).where(eq(users.email, 'guide@waystation.test')).get()!;
    const fatih = db.select().from(shelters).where(eq(shelters.name, 'Fatih Free Shelter')).get()!;
    const arrival = makeArrival(db, { adultMen: 0, adultWomen: 1 });
    const now = new Date();
    const nights = nightsToSearch(db, arrival, now);
    const plan = suggestPlacements(networkAvailability(db, { shelterId: fatih.id, nights }), arrival, now, nights).suggestions[0];
    const { token } = write(db, (tx) =>
      reserveBeds(tx, asStaff(guide), { arrivalId: arrival.id, bedIds: plan.beds.map((b) => b.bedId), ...nights }, now),
    );
    const waiting = db
      .select({ id: arrivals.id })
      .from(arrivals)
      .where(and(eq(arrivals.status, 'waiting'), isNull(arrivals.erasedAt)))
      .orderBy(asc(arrivals.createdAt))
      .get()!;
    return { token, fatihId: fatih.id, waitingId: waiting.id };
  } finally {
    sqlite.close();
  }
}
