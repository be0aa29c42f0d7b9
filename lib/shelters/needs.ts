import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '@/db';
import { shelterNeeds, shelters, type NeedKind } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { StaffUser } from '@/lib/auth/staff';
import { addDays, localDay } from '@/lib/calendar/days';
import { MAX_DAYS_AHEAD } from '@/lib/calendar/nights';
import { DomainError, notAllowed } from '@/lib/errors';
import type { NeedInput } from '@/lib/validation/need';
import { editableShelter } from './access';

export type NeedView = { id: string; kind: NeedKind; note: string | null; lastDay: string };

/** A shelter asks for a few things at once: a longer list is read by nobody. */
export const MAX_NEEDS = 12;

const todayOf = (timeZone: string, now: Date) => localDay(now.getTime(), timeZone);

/**
 * Lists a need of the shelter until its last day (the shelter's local day, included): its host or
 * an admin of its city. Refused for a day past or more than 90 days ahead, and beyond MAX_NEEDS live
 * needs. Returns the need's id.
 */
export function listNeed(db: Db, user: StaffUser, input: NeedInput, now: Date): string {
  const shelter = editableShelter(db, user, input.shelterId, 'shelter.needs');
  const today = todayOf(shelter.timeZone, now);
  if (input.lastDay < today) throw new DomainError('needEndPast', 'lastDay');
  if (input.lastDay > addDays(today, MAX_DAYS_AHEAD)) throw new DomainError('tooFarAhead', 'lastDay', { days: MAX_DAYS_AHEAD });
  if (needsOf(db, shelter.id, today).length >= MAX_NEEDS) throw new DomainError('tooManyNeeds', 'kind', { max: MAX_NEEDS });
  const need = db
    .insert(shelterNeeds)
    .values({ shelterId: shelter.id, kind: input.kind, note: input.note, lastDay: input.lastDay, createdBy: user.id, createdAt: now })
    .returning({ id: shelterNeeds.id })
    .get();
  recordAudit(db, { at: now, actorId: user.id, action: 'shelter.need', entity: 'need', entityId: need.id, shelterId: shelter.id });
  return need.id;
}

/** Takes a need off the list (met, or no longer needed). Returns the shelter's id. */
export function removeNeed(db: Db, user: StaffUser, needId: string, now: Date): string {
  const need = db.select().from(shelterNeeds).where(eq(shelterNeeds.id, needId)).get();
  if (!need) throw notAllowed();
  editableShelter(db, user, need.shelterId, 'shelter.needs');
  db.delete(shelterNeeds).where(eq(shelterNeeds.id, need.id)).run();
  recordAudit(db, { at: now, actorId: user.id, action: 'shelter.needMet', entity: 'need', entityId: need.id, shelterId: need.shelterId });
  return need.shelterId;
}

const byEnd = [asc(shelterNeeds.lastDay), asc(shelterNeeds.createdAt)] as const;

/** The shelter's needs still running on `today` (its local day), those ending soonest first. */
export function needsOf(db: Db, shelterId: string, today: string): NeedView[] {
  return db
    .select({ id: shelterNeeds.id, kind: shelterNeeds.kind, note: shelterNeeds.note, lastDay: shelterNeeds.lastDay })
    .from(shelterNeeds)
    .where(and(eq(shelterNeeds.shelterId, shelterId), gte(shelterNeeds.lastDay, today)))
    .orderBy(...byEnd)
    .all();
}

/** The running needs of several shelters, each judged on its own local day, by shelter. */
export function needsOfShelters(db: Db, shelterIds: string[], now: Date): Map<string, NeedView[]> {
  const byShelter = new Map<string, NeedView[]>();
  if (shelterIds.length === 0) return byShelter;
  const rows = db
    .select({
      id: shelterNeeds.id,
      shelterId: shelterNeeds.shelterId,
      kind: shelterNeeds.kind,
      note: shelterNeeds.note,
      lastDay: shelterNeeds.lastDay,
      timeZone: shelters.timeZone,
    })
    .from(shelterNeeds)
    .innerJoin(shelters, eq(shelters.id, shelterNeeds.shelterId))
    // No zone is more than a day ahead of UTC: a need that ended before UTC's yesterday has ended everywhere.
    .where(and(inArray(shelterNeeds.shelterId, shelterIds), gte(shelterNeeds.lastDay, addDays(todayOf('UTC', now), -1))))
    .orderBy(...byEnd)
    .all();
  for (const { shelterId, timeZone, ...need } of rows) {
    if (need.lastDay < todayOf(timeZone, now)) continue;
    byShelter.set(shelterId, [...(byShelter.get(shelterId) ?? []), need]);
  }
  return byShelter;
}

/**
 * Deletes every need whose last day is over on its shelter's clock: the retention purge's, so an
 * ended need is kept nowhere. Returns how many went.
 */
export function purgeEndedNeeds(db: Db, now: Date): number {
  const candidates = db
    .select({ id: shelterNeeds.id, lastDay: shelterNeeds.lastDay, timeZone: shelters.timeZone })
    .from(shelterNeeds)
    .innerJoin(shelters, eq(shelters.id, shelterNeeds.shelterId))
    // No zone is more than a day behind UTC either: past UTC's tomorrow nothing can have ended yet.
    .where(lt(shelterNeeds.lastDay, addDays(todayOf('UTC', now), 1)))
    .all();
  const ended = candidates.filter((need) => need.lastDay < todayOf(need.timeZone, now)).map((need) => need.id);
  for (let i = 0; i < ended.length; i += 500)
    db.delete(shelterNeeds)
      .where(inArray(shelterNeeds.id, ended.slice(i, i + 500)))
      .run();
  return ended.length;
}
