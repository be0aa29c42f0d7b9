import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { BedCountsLine } from '@/components/bed-counts';
import Link from '@/components/link';
import { shelterBoard, type BoardBed } from '@/lib/shelters/board';
import { localRoomName, roomNamesOf } from '@/lib/shelters/room-names';
import { loadShelter } from '../load-shelter';
import {
  addBedsToRoom,
  createRoom,
  deleteBed,
  deleteRoom,
  editRoom,
  editRoomNames,
  putBedBackInService,
  renameBedLabel,
  takeBedOutOfService,
} from './actions';
import { AddRoomForm } from './add-room-form';
import { BedRow, type EditableBed } from './bed-row';
import { RoomEditor } from './room-editor';

const editableBed = ({ id, label, state, outOfServiceReason, everUsed }: BoardBed): EditableBed => ({
  id,
  label,
  state,
  outOfServiceReason,
  everUsed,
});

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('rooms'))('title') };
}

export default async function RoomsPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, shelter } = await loadShelter(params, { edit: true });
  const t = await getTranslations('rooms');
  const board = shelterBoard(db, shelter.id, new Date());
  const names = roomNamesOf(
    db,
    board.rooms.map((room) => room.id),
  );
  const locale = await getLocale();
  const bedActions = { rename: renameBedLabel, outOfService: takeBedOutOfService, backInService: putBedBackInService, remove: deleteBed };
  return (
    <>
      <p className="breadcrumb">
        <Link href={`/shelters/${shelter.id}`}>← {shelter.name}</Link>
      </p>
      <h1>{t('title')}</h1>
      {board.rooms.length === 0 ? <p className="empty">{t('empty')}</p> : null}
      {board.rooms.map((room) => (
        <section key={room.id} className="card" aria-labelledby={`room-${room.id}`}>
          <h2 id={`room-${room.id}`}>{localRoomName(room, names, locale)}</h2>
          <BedCountsLine counts={room.counts} />
          <RoomEditor
            room={{ id: room.id, name: room.name, kind: room.kind, accessible: room.accessible, bedCount: room.beds.length }}
            names={names.get(room.id) ?? {}}
            actions={{ edit: editRoom, editNames: editRoomNames, addBeds: addBedsToRoom, remove: deleteRoom }}
          />
          <ul className="bed-rows">
            {room.beds.map((bed) => (
              <BedRow key={bed.id} bed={editableBed(bed)} roomName={localRoomName(room, names, locale)} actions={bedActions} />
            ))}
          </ul>
        </section>
      ))}
      <section className="card" aria-labelledby="add-room">
        <h2 id="add-room">{t('addRoomTitle')}</h2>
        <AddRoomForm action={createRoom} shelterId={shelter.id} />
      </section>
    </>
  );
}
