import 'server-only';
import type { Db } from '@/db';
import { can } from '@/lib/auth/policy';
import type { StaffUser } from '@/lib/auth/staff';
import { tonightIn } from '@/lib/calendar/nights';
import { viewableShelter } from './access';
import { shelterBoard } from './board';
import { localRoomName, roomNamesOf } from './room-names';
import { surgeBedsOf } from './surge';

/**
 * A shelter's rooms and beds to edit, or null when the caller may not change the shelter (the same as
 * unknown): each room with its names by language and tonight's bed counts, each bed with its state and
 * whether it was ever used (a used bed is taken out of service, not deleted), and its surge beds to
 * come apart. Who holds a bed is not in it.
 */
export function roomsPage(db: Db, user: StaffUser, shelterId: string, now: Date, locale: string) {
  const shelter = viewableShelter(db, user, shelterId);
  if (!shelter || !can(user, 'shelter.edit', { shelter })) return null;
  const board = shelterBoard(db, shelter.id, now);
  const names = roomNamesOf(
    db,
    board.rooms.map((room) => room.id),
  );
  const tonight = tonightIn(shelter.timeZone, now);
  const surge = surgeBedsOf(
    db,
    board.rooms.map((room) => room.id),
    tonight,
  );
  return {
    shelter: { id: shelter.id, name: shelter.name },
    /** The shelter's tonight: the first night a surge bed can be added for. */
    tonight,
    rooms: board.rooms.map((room) => ({
      id: room.id,
      name: room.name,
      /** Its name in the screen's language, where its host gave it one. */
      localName: localRoomName(room, names, locale),
      names: names.get(room.id) ?? {},
      kind: room.kind,
      accessible: room.accessible,
      counts: room.counts,
      beds: room.beds
        .filter((bed) => bed.surge === null)
        .map(({ id, label, state, outOfServiceReason, everUsed }) => ({ id, label, state, outOfServiceReason, everUsed })),
      /** Its surge beds from last night on (decision 0026), to end early or remove; listed apart from its beds. */
      surgeBeds: surge.get(room.id) ?? [],
    })),
  };
}

export type RoomsPage = NonNullable<ReturnType<typeof roomsPage>>;
