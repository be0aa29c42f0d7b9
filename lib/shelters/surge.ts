import { and, asc, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { bedNights, beds, shelters, stayBeds, type SurgeKind } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { StaffUser } from '@/lib/auth/staff';
import { addNights, MAX_DAYS_AHEAD, tonightIn, type Night } from '@/lib/calendar/nights';
import { DomainError, notAllowed } from '@/lib/errors';
import type { SurgeBedsInput, SurgeEndInput } from '@/lib/validation/shelter';
import { editableBed, editableRoom } from './access';

/**
 * Surge beds (decision 0026): mats and sofas a host lays out for a few busy nights. Each is a row of
 * `beds` with a kind and its first and last night, so the bed-night key (decision 0002) holds for them
 * as for any bed, and the database refuses a booking on a night the bed is not there (migration 0023).
 */
export type SurgeBedView = { id: string; label: string; kind: SurgeKind; firstNight: Night; lastNight: Night };

/** A room may hold this many beds, regular and surge together (as lib/shelters/rooms.ts addBeds). */
const ROOM_LIMIT = 200;

function checkSurgeDates(input: { firstNight: Night; lastNight: Night }, tonight: Night): void {
  if (input.firstNight < tonight) throw new DomainError('firstNightPast', 'firstNight');
  if (input.lastNight < input.firstNight) throw new DomainError('lastNightBeforeFirst', 'lastNight');
  if (input.lastNight > addNights(tonight, MAX_DAYS_AHEAD)) throw new DomainError('tooFarAhead', 'lastNight', { days: MAX_DAYS_AHEAD });
}

const timeZoneOf = (db: Db, shelterId: string) =>
  db.select({ timeZone: shelters.timeZone }).from(shelters).where(eq(shelters.id, shelterId)).get()!.timeZone;

/**
 * Adds `count` surge beds to a room for the nights first..last, labelled "Mat 1", "Mat 2"… after the
 * label the host gave (a single bed takes the label as it is, when no bed of the room has it yet).
 */
export function addSurgeBeds(db: Db, user: StaffUser, input: SurgeBedsInput, now: Date): string {
  const room = editableRoom(db, user, input.roomId);
  checkSurgeDates(input, tonightIn(timeZoneOf(db, room.shelterId), now));
  const labels = db.select({ label: beds.label }).from(beds).where(eq(beds.roomId, room.id)).all();
  if (labels.length + input.count > ROOM_LIMIT) throw new DomainError('roomTooLarge', 'count');
  const taken = new Set(labels.map((row) => row.label.toLowerCase()));
  const chosen: string[] = [];
  if (input.count === 1 && !taken.has(input.label.toLowerCase())) chosen.push(input.label);
  for (let n = 1; chosen.length < input.count; n++) {
    const label = `${input.label} ${n}`;
    if (!taken.has(label.toLowerCase())) chosen.push(label);
  }
  db.insert(beds)
    .values(
      chosen.map((label) => ({
        roomId: room.id,
        label,
        surgeKind: input.kind,
        surgeFirstNight: input.firstNight,
        surgeLastNight: input.lastNight,
        // The history counts a bed from when it was added (lib/occupancy/load.ts): the caller's clock.
        createdAt: now,
      })),
    )
    .run();
  recordAudit(db, { at: now, actorId: user.id, action: 'bed.surge', entity: 'room', entityId: room.id, shelterId: room.shelterId });
  return room.shelterId;
}

/** The first night after `lastNight` on which a stay holds the bed, if any. */
function firstBookedAfter(db: Db, bedId: string, lastNight: Night): Night | null {
  const row = db
    .select({ night: sql<Night | null>`min(${bedNights.night})` })
    .from(bedNights)
    .where(and(eq(bedNights.bedId, bedId), sql`${bedNights.night} > ${lastNight}`))
    .get();
  return row?.night ?? null;
}

/**
 * Ends a surge bed early: its last night becomes `lastNight` (not before its first night, nor before
 * last night: the past is as it was). Refused, naming the night, while a stay holds it after that.
 */
export function endSurgeBed(db: Db, user: StaffUser, input: SurgeEndInput, now: Date): string {
  const { bed, shelterId } = editableBed(db, user, input.bedId);
  if (bed.surgeKind === null || bed.surgeFirstNight === null || bed.surgeLastNight === null) throw notAllowed();
  const tonight = tonightIn(timeZoneOf(db, shelterId), now);
  if (input.lastNight < addNights(tonight, -1)) throw new DomainError('surgeEndPast', 'lastNight');
  if (input.lastNight < bed.surgeFirstNight) throw new DomainError('surgeEndBeforeFirst', 'lastNight', { night: bed.surgeFirstNight });
  if (input.lastNight > bed.surgeLastNight) throw new DomainError('surgeEndAfterLast', 'lastNight', { night: bed.surgeLastNight });
  const booked = firstBookedAfter(db, bed.id, input.lastNight);
  if (booked) throw new DomainError('surgeBedBooked', 'lastNight', { night: booked });
  db.update(beds).set({ surgeLastNight: input.lastNight }).where(eq(beds.id, bed.id)).run();
  recordAudit(db, { at: now, actorId: user.id, action: 'bed.surge_end', entity: 'bed', entityId: bed.id, shelterId });
  return shelterId;
}

/**
 * Whether a surge bed can go: refused, naming the night, while a stay holds it on any night; a bed a
 * stay ever held stays for the records (lib/shelters/rooms.ts removeBed says so).
 */
export function refuseRemovingBookedSurgeBed(db: Db, bed: { id: string; surgeKind: SurgeKind | null }): void {
  if (bed.surgeKind === null) return;
  const booked = firstBookedAfter(db, bed.id, '');
  if (booked) throw new DomainError('surgeBedBooked', undefined, { night: booked });
}

/**
 * The surge beds of these rooms still to come or in place (their last night not before last night),
 * in the order they were added, by room: what the rooms page lists to end or remove.
 */
export function surgeBedsOf(db: Db, roomIds: string[], tonight: Night): Map<string, (SurgeBedView & { everUsed: boolean })[]> {
  const byRoom = new Map<string, (SurgeBedView & { everUsed: boolean })[]>();
  if (roomIds.length === 0) return byRoom;
  const rows = db
    .select({
      roomId: beds.roomId,
      id: beds.id,
      label: beds.label,
      kind: beds.surgeKind,
      firstNight: beds.surgeFirstNight,
      lastNight: beds.surgeLastNight,
      everUsed: sql<number>`exists (select 1 from ${stayBeds} used where used.bed_id = ${beds.id})`,
    })
    .from(beds)
    .where(and(inArray(beds.roomId, roomIds), isNotNull(beds.surgeKind), gte(beds.surgeLastNight, addNights(tonight, -1))))
    .orderBy(asc(beds.surgeFirstNight), sql`${beds}.rowid`)
    .all();
  for (const row of rows) {
    const list = byRoom.get(row.roomId) ?? [];
    list.push({
      id: row.id,
      label: row.label,
      kind: row.kind!,
      firstNight: row.firstNight!,
      lastNight: row.lastNight!,
      everUsed: Boolean(row.everUsed),
    });
    byRoom.set(row.roomId, list);
  }
  return byRoom;
}
