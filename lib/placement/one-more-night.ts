import { and, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { statement } from '@/db/prepared';
import { bedNights, shelters, stayBeds, stayExtensions, stays } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/staff';
import { addNights, tonightIn, type Night } from '@/lib/calendar/nights';
import { DomainError, notAllowed } from '@/lib/errors';
import { changeStayDates } from './dates';
import { audit, stayFor } from './stays';

type Stay = typeof stays.$inferSelect;
type BedNight = { bedId: string; night: string };

/** How long the host has to take back a "one more night" tapped by mistake. */
export const UNDO_SECONDS = 60;
const KEPT_HOURS = 24;

const nightsHeld = statement(
  () => sql`
  select ${bedNights.bedId} as bedId, ${bedNights.night} from ${bedNights}
   where ${bedNights.stayId} = ? order by ${bedNights.bedId}, ${bedNights.night}`,
);

/**
 * Everything an undo must find as the extension left it: status, dates, beds held and every
 * bed-night. Any other write to the stay in between (a move, a check-out, other dates) changes it.
 */
function stateOf(db: Db, stayId: string): { text: string; nights: BedNight[] } {
  const stay = db
    .select({ status: stays.status, firstNight: stays.firstNight, departure: stays.departure })
    .from(stays)
    .where(eq(stays.id, stayId))
    .get();
  const beds = db
    .select({ bedId: stayBeds.bedId })
    .from(stayBeds)
    .where(and(eq(stayBeds.stayId, stayId), isNull(stayBeds.releasedAt)))
    .all()
    .map((row) => row.bedId)
    .sort();
  const nights = nightsHeld(db).all(stayId) as BedNight[];
  return { text: JSON.stringify({ stay, beds, nights }), nights };
}

const key = (bedNight: BedNight) => `${bedNight.bedId} ${bedNight.night}`;

/**
 * The host's "one more night": the guest sleeps here tonight too and leaves the day after the later of
 * the departure the host saw and today. A guest past their departure thus stays tonight, rather than
 * getting a departure that is still behind them. What it booked is kept for UNDO_SECONDS, for an undo.
 */
export function oneMoreNight(db: Db, user: StaffUser, input: { stayId: string; departure: string }, now: Date): Stay {
  const found = db
    .select({ timeZone: shelters.timeZone, departure: stays.departure })
    .from(stays)
    .innerJoin(shelters, eq(shelters.id, stays.shelterId))
    .where(eq(stays.id, input.stayId))
    .get();
  if (!found) throw notAllowed();
  const tonight = tonightIn(found.timeZone, now);
  const before = new Set(stateOf(db, input.stayId).nights.map(key));
  const changed = changeStayDates(
    db,
    user,
    { stayId: input.stayId, departure: addNights(input.departure > tonight ? input.departure : tonight, 1) },
    now,
  );
  const after = stateOf(db, changed.id);
  // Taps long past their minute are of no more use; a day's worth still lets a stale page's undo say
  // "too late" rather than "not allowed".
  db.delete(stayExtensions)
    .where(lt(stayExtensions.addedAt, new Date(now.getTime() - KEPT_HOURS * 3600_000)))
    .run();
  db.insert(stayExtensions)
    .values({
      stayId: changed.id,
      addedBy: user.id,
      addedAt: now,
      departureBefore: found.departure!,
      departureAfter: changed.departure!,
      nightsAdded: after.nights.filter((night) => !before.has(key(night))),
      stateAfter: after.text,
    })
    .run();
  return changed;
}

/**
 * Takes back a "one more night" within UNDO_SECONDS of the tap, by whoever tapped it: the bed-nights it
 * booked are free again and the departure is the one before. Refused once the minute is over, or when
 * anything else about the stay changed since, since the nights to give back are then no longer known.
 */
export function undoOneMoreNight(db: Db, user: StaffUser, extensionId: string, now: Date): Stay {
  const extension = db.select().from(stayExtensions).where(eq(stayExtensions.id, extensionId)).get();
  if (!extension || extension.addedBy !== user.id) throw notAllowed();
  const stay = stayFor(db, user, extension.stayId, 'stay.change');
  if (now.getTime() - extension.addedAt.getTime() > UNDO_SECONDS * 1000)
    throw new DomainError('undoTooLate', undefined, { seconds: UNDO_SECONDS });
  if (stateOf(db, stay.id).text !== extension.stateAfter) throw new DomainError('undoChangedSince');
  for (const { bedId, night } of extension.nightsAdded) {
    db.delete(bedNights)
      .where(and(eq(bedNights.stayId, stay.id), eq(bedNights.bedId, bedId), eq(bedNights.night, night)))
      .run();
  }
  const undone = db.update(stays).set({ departure: extension.departureBefore }).where(eq(stays.id, stay.id)).returning().get();
  db.delete(stayExtensions).where(eq(stayExtensions.id, extension.id)).run();
  audit(db, user, 'stay.one_more_night_undone', undone, now);
  return undone;
}

export type FreshExtension = { id: string; departureBefore: Night; departureAfter: Night };

/**
 * The caller's own "one more night" taps that can still be undone, the latest per stay: the host's
 * day shows each with its new date and an undo button.
 */
export function freshExtensions(db: Db, user: StaffUser, stayIds: string[], now: Date): Map<string, FreshExtension> {
  const fresh = new Map<string, FreshExtension>();
  if (stayIds.length === 0) return fresh;
  const rows = db
    .select()
    .from(stayExtensions)
    .where(
      and(
        inArray(stayExtensions.stayId, stayIds),
        eq(stayExtensions.addedBy, user.id),
        gte(stayExtensions.addedAt, new Date(now.getTime() - UNDO_SECONDS * 1000)),
      ),
    )
    .orderBy(desc(stayExtensions.addedAt))
    .all();
  for (const row of rows) {
    if (!fresh.has(row.stayId))
      fresh.set(row.stayId, { id: row.id, departureBefore: row.departureBefore, departureAfter: row.departureAfter });
  }
  return fresh;
}
