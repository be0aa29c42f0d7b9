import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { roomNames, TEXT_LOCALES, type TextLocale } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { StaffUser } from '@/lib/auth/staff';
import { editableRoom } from './access';

/**
 * Rooms' names per language, written by their host like the shelter's texts: "Мужская комната" for
 * a Russian screen where the room is "Men's room". rooms.name stays the name the host types first
 * and the fallback for every language without its own. React escapes them wherever shown.
 */
export type RoomNames = Partial<Record<TextLocale, string>>;

const isTextLocale = (locale: string): locale is TextLocale => (TEXT_LOCALES as readonly string[]).includes(locale);

/** Each room's names by language, for the rooms asked about. */
export function roomNamesOf(db: Db, roomIds: string[]): Map<string, RoomNames> {
  const byRoom = new Map<string, RoomNames>();
  if (roomIds.length === 0) return byRoom;
  for (const row of db
    .select()
    .from(roomNames)
    .where(inArray(roomNames.roomId, [...new Set(roomIds)]))
    .all()) {
    byRoom.set(row.roomId, { ...byRoom.get(row.roomId), [row.locale]: row.name });
  }
  return byRoom;
}

/** The room's name in `locale`, else its own name. */
export const localRoomName = (room: { id: string; name: string }, names: Map<string, RoomNames>, locale: string) =>
  (isTextLocale(locale) ? names.get(room.id)?.[locale] : undefined) ?? room.name;

/** The same rooms, each named in `locale` where its host gave it a name in that language. */
export function inLocale<T extends { id: string; name: string }>(db: Db, rooms: T[], locale: string): T[] {
  const names = roomNamesOf(
    db,
    rooms.map((room) => room.id),
  );
  return rooms.map((room) => ({ ...room, name: localRoomName(room, names, locale) }));
}

/** A map from room id to its name in `locale`, for lists that carry a room's name beside its id. */
export function roomNameLookup(
  db: Db,
  rooms: { id: string; name: string }[],
  locale: string,
): (roomId: string, fallback: string) => string {
  const named = new Map(inLocale(db, rooms, locale).map((room) => [room.id, room.name]));
  return (roomId, fallback) => named.get(roomId) ?? fallback;
}

/** Sets a room's names; a blank one is removed, so that language falls back to the room's own name. */
export function saveRoomNames(
  db: Db,
  user: StaffUser,
  input: { roomId: string; names: Record<TextLocale, string | null> },
  now: Date,
): string {
  const room = editableRoom(db, user, input.roomId);
  for (const locale of TEXT_LOCALES) {
    const name = input.names[locale];
    if (name) {
      db.insert(roomNames)
        .values({ roomId: room.id, locale, name })
        .onConflictDoUpdate({ target: [roomNames.roomId, roomNames.locale], set: { name } })
        .run();
    } else {
      db.delete(roomNames)
        .where(and(eq(roomNames.roomId, room.id), eq(roomNames.locale, locale)))
        .run();
    }
  }
  recordAudit(db, { at: now, actorId: user.id, action: 'room.names', entity: 'room', entityId: room.id, shelterId: room.shelterId });
  return room.shelterId;
}
