import { BedCountsLine } from '@/components/bed-counts';
import type { RoomsPage } from '@/lib/shelters/rooms-page';
import {
  addBedsToRoom,
  addSurgeBedsToRoom,
  deleteBed,
  deleteRoom,
  editRoom,
  editRoomNames,
  endSurgeBedEarly,
  putBedBackInService,
  renameBedLabel,
  takeBedOutOfService,
} from './actions';
import { BedRow } from './bed-row';
import { RoomEditor } from './room-editor';
import { SurgeBeds } from './surge-beds';

const surgeActions = { add: addSurgeBedsToRoom, end: endSurgeBedEarly, remove: deleteBed };
const bedActions = { rename: renameBedLabel, outOfService: takeBedOutOfService, backInService: putBedBackInService, remove: deleteBed };

/** One room to edit: its name, kind and names by language, then each of its beds, then its surge beds. */
export function RoomSection({ room, tonight, lastDay }: { room: RoomsPage['rooms'][number]; tonight: string; lastDay: string }) {
  return (
    <section className="card" aria-labelledby={`room-${room.id}`}>
      <h2 id={`room-${room.id}`}>{room.localName}</h2>
      <BedCountsLine counts={room.counts} />
      <RoomEditor
        room={{ id: room.id, name: room.name, kind: room.kind, accessible: room.accessible, bedCount: room.beds.length }}
        names={room.names}
        actions={{ edit: editRoom, editNames: editRoomNames, addBeds: addBedsToRoom, remove: deleteRoom }}
      />
      <ul className="bed-rows">
        {room.beds.map((bed) => (
          <BedRow key={bed.id} bed={bed} roomName={room.localName} actions={bedActions} />
        ))}
      </ul>
      <SurgeBeds room={room} tonight={tonight} lastDay={lastDay} actions={surgeActions} />
    </section>
  );
}
