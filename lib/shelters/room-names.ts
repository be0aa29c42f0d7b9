import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import { roomNames, TEXT_LOCALES, type TextLocale } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { StaffUser } from '@/lib/auth/staff';
import { groupNames, translatedName, type TranslatedNames } from '@/lib/i18n/translated-name';
import { editableRoom } from './access';

/**
 * Rooms' names per language, written by their host like the shelter's texts: "Мужская комната" for
 * a Russian screen where the room is "Men's room". rooms.name stays the name the host types first
 * and the fallback for every language without its own. React escapes them wherever shown.
 */
export type RoomNames = TranslatedNames;

/** Each room's names by language, for the rooms asked about. */
export function roomNamesOf(db: Db, roomIds: string[]): Map<string, RoomNames> {
  if (roomIds.length === 0) return new Map();
  return groupNames(
    db
      .select({ id: roomNames.roomId, locale: roomNames.locale, name: roomNames.name })
      .from(roomNames)
      .where(inArray(roomNames.roomId, [...new Set(roomIds)]))
      .all(),
  );
}

/** The room's name in `locale`, else its own name. */
export const localRoomName = (room: { id: string; name: string }, names: Map<string, RoomNames>, locale: string) =>
  translatedName(room.name, names.get(room.id), locale);

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

/** A host sets a room's names in other languages. */
export function saveRoomNames(
  db: Db,
  user: StaffUser,
  input: { roomId: string; names: Record<TextLocale, string | null> },
  now: Date,
): string {
  const room = editableRoom(db, user, input.roomId);
  writeRoomNames(db, room.id, input.names);
  recordAudit(db, { at: now, actorId: user.id, action: 'room.names', entity: 'room', entityId: room.id, shelterId: room.shelterId });
  return room.shelterId;
}

/** Writes a room's names as given; a blank one is removed, so that language falls back to the room's own name. */
export function writeRoomNames(db: Db, roomId: string, names: Record<TextLocale, string | null>): void {
  for (const locale of TEXT_LOCALES) {
    const name = names[locale];
    if (name) {
      db.insert(roomNames)
        .values({ roomId, locale, name })
        .onConflictDoUpdate({ target: [roomNames.roomId, roomNames.locale], set: { name } })
        .run();
    } else {
      db.delete(roomNames)
        .where(and(eq(roomNames.roomId, roomId), eq(roomNames.locale, locale)))
        .run();
    }
  }
}
