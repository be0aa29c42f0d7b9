import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { bedOutages, beds, rooms, stayBeds, type RoomKind, type TextLocale } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { StaffUser } from '@/lib/auth/staff';
import { DomainError } from '@/lib/errors';
import { editableBed, editableRoom, editableShelter } from './access';
import { writeRoomNames } from './room-names';
import { refuseRemovingBookedSurgeBed } from './surge';

type RoomInput = { name: string; kind: RoomKind; accessible: boolean };

function assertRoomNameFree(db: Db, shelterId: string, name: string, exceptRoomId?: string) {
  const clash = db
    .select({ id: rooms.id })
    .from(rooms)
    .where(and(eq(rooms.shelterId, shelterId), sql`lower(${rooms.name}) = lower(${name})`))
    .get();
  if (clash && clash.id !== exceptRoomId) throw new DomainError('roomNameTaken', 'name');
}

/** A new room, with its names in other languages when the host gave them. */
export function addRoom(
  db: Db,
  user: StaffUser,
  input: RoomInput & { shelterId: string; beds: number; names?: Record<TextLocale, string | null> },
  now: Date,
): string {
  const shelter = editableShelter(db, user, input.shelterId);
  assertRoomNameFree(db, shelter.id, input.name);
  const room = db
    .insert(rooms)
    .values({ shelterId: shelter.id, name: input.name, kind: input.kind, accessible: input.accessible })
    .returning()
    .get();
  if (input.names) writeRoomNames(db, room.id, input.names);
  insertBeds(db, room.id, input.beds);
  recordAudit(db, { at: now, actorId: user.id, action: 'room.create', entity: 'room', entityId: room.id, shelterId: shelter.id });
  return room.id;
}

export function updateRoom(db: Db, user: StaffUser, input: RoomInput & { roomId: string }, now: Date): string {
  const room = editableRoom(db, user, input.roomId);
  assertRoomNameFree(db, room.shelterId, input.name, room.id);
  db.update(rooms).set({ name: input.name, kind: input.kind, accessible: input.accessible }).where(eq(rooms.id, room.id)).run();
  recordAudit(db, { at: now, actorId: user.id, action: 'room.update', entity: 'room', entityId: room.id, shelterId: room.shelterId });
  return room.shelterId;
}

export function removeRoom(db: Db, user: StaffUser, roomId: string, now: Date): string {
  const room = editableRoom(db, user, roomId);
  const bedCount =
    db
      .select({ n: sql<number>`count(*)` })
      .from(beds)
      .where(eq(beds.roomId, room.id))
      .get()?.n ?? 0;
  if (bedCount > 0) throw new DomainError('roomHasBeds');
  db.delete(rooms).where(eq(rooms.id, room.id)).run();
  recordAudit(db, { at: now, actorId: user.id, action: 'room.delete', entity: 'room', entityId: room.id, shelterId: room.shelterId });
  return room.shelterId;
}

/** Numbers new beds after the highest numeric label in the room: 1, 2, 3… */
function insertBeds(db: Db, roomId: string, count: number): void {
  if (count === 0) return;
  const labels = db.select({ label: beds.label }).from(beds).where(eq(beds.roomId, roomId)).all();
  const taken = new Set(labels.map((row) => row.label));
  let next = Math.max(0, ...labels.map((row) => Number(row.label)).filter(Number.isInteger)) + 1;
  const rows = [];
  while (rows.length < count) {
    const label = String(next++);
    if (!taken.has(label)) rows.push({ roomId, label });
  }
  db.insert(beds).values(rows).run();
}

export function addBeds(db: Db, user: StaffUser, input: { roomId: string; count: number }, now: Date): string {
  const room = editableRoom(db, user, input.roomId);
  const existing =
    db
      .select({ n: sql<number>`count(*)` })
      .from(beds)
      .where(eq(beds.roomId, room.id))
      .get()?.n ?? 0;
  if (existing + input.count > 200) throw new DomainError('roomTooLarge', 'count');
  insertBeds(db, room.id, input.count);
  recordAudit(db, { at: now, actorId: user.id, action: 'bed.create', entity: 'room', entityId: room.id, shelterId: room.shelterId });
  return room.shelterId;
}

export function renameBed(db: Db, user: StaffUser, input: { bedId: string; label: string }, now: Date): string {
  const { bed, shelterId } = editableBed(db, user, input.bedId);
  const clash = db
    .select({ id: beds.id })
    .from(beds)
    .where(and(eq(beds.roomId, bed.roomId), eq(beds.label, input.label)))
    .get();
  if (clash && clash.id !== bed.id) throw new DomainError('bedLabelTaken', 'label');
  db.update(beds).set({ label: input.label }).where(eq(beds.id, bed.id)).run();
  recordAudit(db, { at: now, actorId: user.id, action: 'bed.rename', entity: 'bed', entityId: bed.id, shelterId });
  return shelterId;
}

function isBedHeld(db: Db, bedId: string): boolean {
  return !!db
    .select({ bedId: stayBeds.bedId })
    .from(stayBeds)
    .where(and(eq(stayBeds.bedId, bedId), sql`${stayBeds.releasedAt} is null`))
    .get();
}

export function setBedOutOfService(db: Db, user: StaffUser, input: { bedId: string; reason: string }, now: Date): string {
  const { bed, shelterId } = editableBed(db, user, input.bedId);
  if (isBedHeld(db, bed.id)) throw new DomainError('bedInUse');
  db.update(beds).set({ outOfServiceReason: input.reason }).where(eq(beds.id, bed.id)).run();
  // A new reason for a bed already out of service keeps its outage: the bed never came back.
  if (bed.outOfServiceReason === null) db.insert(bedOutages).values({ bedId: bed.id, startedAt: now }).run();
  recordAudit(db, { at: now, actorId: user.id, action: 'bed.out_of_service', entity: 'bed', entityId: bed.id, shelterId });
  return shelterId;
}

export function returnBedToService(db: Db, user: StaffUser, bedId: string, now: Date): string {
  const { bed, shelterId } = editableBed(db, user, bedId);
  db.update(beds).set({ outOfServiceReason: null }).where(eq(beds.id, bed.id)).run();
  db.update(bedOutages)
    .set({ endedAt: now })
    .where(and(eq(bedOutages.bedId, bed.id), isNull(bedOutages.endedAt)))
    .run();
  recordAudit(db, { at: now, actorId: user.id, action: 'bed.in_service', entity: 'bed', entityId: bed.id, shelterId });
  return shelterId;
}

/** Only a bed that has never held anyone can go: stay history must keep pointing at real beds. */
export function removeBed(db: Db, user: StaffUser, bedId: string, now: Date): string {
  const { bed, shelterId } = editableBed(db, user, bedId);
  refuseRemovingBookedSurgeBed(db, bed);
  const used = db.select({ bedId: stayBeds.bedId }).from(stayBeds).where(eq(stayBeds.bedId, bed.id)).get();
  if (used) throw new DomainError('bedHasHistory');
  db.delete(beds).where(eq(beds.id, bed.id)).run();
  recordAudit(db, { at: now, actorId: user.id, action: 'bed.delete', entity: 'bed', entityId: bed.id, shelterId });
  return shelterId;
}
