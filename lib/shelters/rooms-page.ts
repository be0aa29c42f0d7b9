import 'server-only';
import type { Db } from '@/db';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { viewableShelter } from './access';
import { shelterBoard } from './board';
import { localRoomName, roomNamesOf } from './room-names';

/**
 * A shelter's rooms and beds to edit, or null when the caller may not change the shelter (the same as
 * unknown): each room with its names by language and tonight's bed counts, each bed with its state and
 * whether it was ever used (a used bed is taken out of service, not deleted). Who holds a bed is not in it.
 */
export function roomsPage(db: Db, user: StaffUser, shelterId: string, now: Date, locale: string) {
  const shelter = viewableShelter(db, user, shelterId);
  if (!shelter || !can(user, 'shelter.edit', { shelter })) return null;
  const board = shelterBoard(db, shelter.id, now);
  const names = roomNamesOf(
    db,
    board.rooms.map((room) => room.id),
  );
  return {
    shelter: { id: shelter.id, name: shelter.name },
    rooms: board.rooms.map((room) => ({
      id: room.id,
      name: room.name,
      /** Its name in the screen's language, where its host gave it one. */
      localName: localRoomName(room, names, locale),
      names: names.get(room.id) ?? {},
      kind: room.kind,
      accessible: room.accessible,
      counts: room.counts,
      beds: room.beds.map(({ id, label, state, outOfServiceReason, everUsed }) => ({ id, label, state, outOfServiceReason, everUsed })),
    })),
  };
}

export type RoomsPage = NonNullable<ReturnType<typeof roomsPage>>;
