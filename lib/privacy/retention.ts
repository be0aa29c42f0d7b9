import { sql } from 'drizzle-orm';
import { write, type Db } from '@/db';
import { statement } from '@/db/prepared';
import { arrivals, networkSettings, stays } from '@/db/schema';
import { eraseOffers, offersDue } from '@/lib/offers/erase';
import { purgeEndedNeeds } from '@/lib/shelters/needs';
import { runSteps, runStepsYielding } from '@/lib/steps';
import { eraseHousehold } from './erase';

export const DEFAULT_RETENTION_DAYS = 14;
const DAY = 86_400_000;

const retentionSetting = statement(
  () => sql`select ${networkSettings.retentionDays} from ${networkSettings} where ${networkSettings.id} = 1`,
);

export function retentionDays(db: Db): number {
  return (retentionSetting(db).pluck().get() as number | undefined) ?? DEFAULT_RETENTION_DAYS;
}

// Of every household, or of the one named (@id).
const dueSql = (one: boolean) => sql`
  select ${arrivals.id} from ${arrivals}
   where ${arrivals.erasedAt} is null and ${arrivals.status} <> 'placed' ${one ? sql`and ${arrivals.id} = @id` : sql.empty()}
     and not exists (select 1 from ${stays} where ${stays.arrivalId} = ${arrivals.id} and ${stays.status} in ('reserved', 'checked_in'))
     and coalesce(${arrivals.endedAt},
                  (select max(coalesce(${stays.endedAt}, ${stays.holdUntil})) from ${stays} where ${stays.arrivalId} = ${arrivals.id})) <= @cutoff`;
const allDue = statement(() => dueSql(false));
const oneDue = statement(() => dueSql(true));

/**
 * Households whose identifying fields are due for erasure: not erased yet, with no active stay, and
 * whose end (check-out, cancellation, a request marked not genuine, or the end of their last
 * reservation) lies at least `days` before now. A household waiting that was never placed has no end
 * yet and is kept: a guide is still looking for a bed for it.
 */
export function householdsDue(db: Db, now: Date, days: number, onlyId?: string): string[] {
  return (onlyId ? oneDue : allDue)(db)
    .pluck()
    .all({ cutoff: now.getTime() - days * DAY, ...(onlyId ? { id: onlyId } : {}) }) as string[];
}

const BATCH = 200;
/** Households erased, offers erased, after how many days, and shelter needs past their last day deleted. */
export type Purged = { erased: number; offersErased: number; retentionDays: number; needsEnded: number };

/**
 * The retention purge: on start, every hour, and `npm run purge`. Idempotent. Households are erased
 * a batch per short transaction (each one checked again inside it: a guide may have placed it a
 * moment ago), so a large first purge never holds up a reservation for long; then the shelters'
 * needs whose last day is over go. A generator, so the server can yield between batches.
 */
function* purgeSteps(db: Db, now: Date): Generator<void, Purged> {
  const days = retentionDays(db);
  const due = householdsDue(db, now, days);
  let erased = 0;
  let offersErased = 0;
  for (let i = 0; i < due.length; i += BATCH) {
    erased += write(
      db,
      (tx) =>
        due.slice(i, i + BATCH).filter((id) => householdsDue(tx, now, days, id).length > 0 && eraseHousehold(tx, id, now, null)).length,
    );
    yield;
  }
  // Offers withdrawn or declined go the same way, after the same period.
  for (let ids = offersDue(db, now, days, BATCH); ids.length > 0; ids = offersDue(db, now, days, BATCH)) {
    const batch = ids;
    offersErased += write(db, (tx) => eraseOffers(tx, batch, now, days));
    yield;
  }
  const needsEnded = write(db, (tx) => purgeEndedNeeds(tx, now));
  return { erased, offersErased, retentionDays: days, needsEnded };
}

export function purgeExpiredHouseholds(db: Db, now: Date): Purged {
  return runSteps(purgeSteps(db, now));
}

/** The same, letting the server answer requests between batches. */
export function purgeExpiredHouseholdsInBackground(db: Db, now: Date): Promise<Purged> {
  return runStepsYielding(purgeSteps(db, now));
}
