import { and, asc, eq, gte } from 'drizzle-orm';
import type { Db } from '@/db';
import { rooms, shelterClosures } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { StaffUser } from '@/lib/auth/staff';
import { addNights, MAX_DAYS_AHEAD, tonightIn, type Night } from '@/lib/calendar/nights';
import { DomainError, notAllowed } from '@/lib/errors';
import { OFFER_DATES } from '@/lib/homes/dates';
import { translatedName } from '@/lib/i18n/translated-name';
import type { ClosureInput } from '@/lib/validation/shelter';
import { editableShelter } from './access';
import { bookingsInTheWay } from './bookings-in-the-way';
import { roomNamesOf } from './room-names';

export type ClosureView = { id: string; roomName: string | null; firstNight: Night; lastNight: Night; reason: string | null };

/** The refusals a closure's dates can meet, each named by the field it is shown next to. */
function checkClosureDates(input: Pick<ClosureInput, 'firstNight' | 'lastNight'>, tonight: Night): void {
  if (input.firstNight < tonight) throw new DomainError('firstNightPast', 'firstNight');
  if (input.lastNight < input.firstNight) throw new DomainError('lastNightBeforeFirst', 'lastNight');
  if (input.lastNight > addNights(tonight, MAX_DAYS_AHEAD)) throw new DomainError('tooFarAhead', 'lastNight', { days: MAX_DAYS_AHEAD });
}

/**
 * Closes the whole shelter (no room) or one of its rooms for nights first..last, both included: a
 * host of the shelter or an admin. Refused while any live stay holds a bed there on those nights,
 * naming the first of them.
 */
export function closeNights(db: Db, user: StaffUser, input: ClosureInput, now: Date): string {
  const shelter = editableShelter(db, user, input.shelterId);
  if (input.roomId) {
    const room = db
      .select({ id: rooms.id })
      .from(rooms)
      .where(and(eq(rooms.id, input.roomId), eq(rooms.shelterId, shelter.id)))
      .get();
    if (!room) throw notAllowed();
  }
  checkClosureDates(input, tonightIn(shelter.timeZone, now));
  const inTheWay = bookingsInTheWay(db, user, {
    shelterId: shelter.id,
    roomId: input.roomId,
    firstNight: input.firstNight,
    lastNight: input.lastNight,
  });
  if (inTheWay) {
    const { count, name, firstNight, departure, beds, moveHref } = inTheWay;
    // The form names the first booking and links to its page; the others follow once it is moved.
    throw new DomainError('closureHasBookings', 'firstNight', {
      count,
      more: count - 1,
      named: name === null ? 'no' : 'yes',
      name: name ?? '',
      from: firstNight,
      until: departure,
      beds,
      mover: moveHref ? 'you' : 'someone',
      ...(moveHref ? { moveHref } : {}),
    });
  }
  const closure = db
    .insert(shelterClosures)
    .values({
      shelterId: shelter.id,
      roomId: input.roomId,
      firstNight: input.firstNight,
      lastNight: input.lastNight,
      reason: input.reason,
      createdBy: user.id,
      createdAt: now,
    })
    .returning({ id: shelterClosures.id })
    .get();
  recordAudit(db, { at: now, actorId: user.id, action: 'shelter.close', entity: 'closure', entityId: closure.id, shelterId: shelter.id });
  return closure.id;
}

/** Reopens: the closure is deleted and its nights can be booked again. Returns the shelter's id. */
export function reopenClosure(db: Db, user: StaffUser, closureId: string, now: Date): string {
  const closure = db.select().from(shelterClosures).where(eq(shelterClosures.id, closureId)).get();
  if (!closure) throw notAllowed();
  editableShelter(db, user, closure.shelterId);
  // A home's nights outside its offer's dates open only with the offer (lib/homes/dates.ts).
  if (closure.createdBy === OFFER_DATES) throw new DomainError('offerDatesClosure');
  db.delete(shelterClosures).where(eq(shelterClosures.id, closure.id)).run();
  recordAudit(db, {
    at: now,
    actorId: user.id,
    action: 'shelter.reopen',
    entity: 'closure',
    entityId: closure.id,
    shelterId: closure.shelterId,
  });
  return closure.shelterId;
}

/** Closures still running tonight or ahead, soonest first, rooms named in `locale`. */
export function closuresAhead(db: Db, shelterId: string, tonight: Night, locale?: string): ClosureView[] {
  const rows = db
    .select({
      id: shelterClosures.id,
      roomId: rooms.id,
      roomName: rooms.name,
      firstNight: shelterClosures.firstNight,
      lastNight: shelterClosures.lastNight,
      reason: shelterClosures.reason,
    })
    .from(shelterClosures)
    .leftJoin(rooms, eq(rooms.id, shelterClosures.roomId))
    .where(and(eq(shelterClosures.shelterId, shelterId), gte(shelterClosures.lastNight, tonight)))
    .orderBy(asc(shelterClosures.firstNight), asc(shelterClosures.lastNight))
    .all();
  const names = roomNamesOf(
    db,
    rows.flatMap((row) => (row.roomId ? [row.roomId] : [])),
  );
  return rows.map(({ roomId, roomName, ...closure }) => ({
    ...closure,
    roomName: roomId && roomName !== null ? translatedName(roomName, names.get(roomId), locale ?? '') : null,
  }));
}
