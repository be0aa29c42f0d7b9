'use server';

import { write } from '@/db';
import { staffAction } from '@/lib/auth/action';
import { saveRoomNames } from '@/lib/shelters/room-names';
import {
  addBeds,
  addRoom,
  removeBed,
  removeRoom,
  renameBed,
  returnBedToService,
  setBedOutOfService,
  updateRoom,
} from '@/lib/shelters/rooms';
import { addSurgeBeds, endSurgeBed } from '@/lib/shelters/surge';
import {
  addBedsSchema,
  bedIdSchema,
  outOfServiceSchema,
  renameBedSchema,
  roomEditSchema,
  roomIdSchema,
  roomNamesSchema,
  roomSchema,
  surgeBedsSchema,
  surgeEndSchema,
} from '@/lib/validation/shelter';

const pagesOf = (shelterId: string) => ['/shelters', `/shelters/${shelterId}`, `/shelters/${shelterId}/rooms`];

export const createRoom = staffAction({ permission: 'shelter.edit', schema: roomSchema }, (input, { user, db, now }) => {
  write(db, (tx) => addRoom(tx, user, input, now));
  return { revalidate: pagesOf(input.shelterId), message: 'roomAdded' };
});

export const editRoom = staffAction({ permission: 'shelter.edit', schema: roomEditSchema }, (input, { user, db, now }) => ({
  revalidate: pagesOf(write(db, (tx) => updateRoom(tx, user, input, now))),
}));

/** A room's name in each language; the shelter's board and the household page show the reader's. */
export const editRoomNames = staffAction({ permission: 'shelter.edit', schema: roomNamesSchema }, (input, { user, db, now }) => ({
  revalidate: pagesOf(write(db, (tx) => saveRoomNames(tx, user, input, now))),
  message: 'saved',
}));

export const deleteRoom = staffAction({ permission: 'shelter.edit', schema: roomIdSchema }, ({ roomId }, { user, db, now }) => ({
  revalidate: pagesOf(write(db, (tx) => removeRoom(tx, user, roomId, now))),
  message: 'roomRemoved',
}));

export const addBedsToRoom = staffAction({ permission: 'shelter.edit', schema: addBedsSchema }, (input, { user, db, now }) => ({
  revalidate: pagesOf(write(db, (tx) => addBeds(tx, user, input, now))),
  message: 'bedsAdded',
  messageParams: { count: input.count },
}));

export const renameBedLabel = staffAction({ permission: 'shelter.edit', schema: renameBedSchema }, (input, { user, db, now }) => ({
  revalidate: pagesOf(write(db, (tx) => renameBed(tx, user, input, now))),
}));

export const takeBedOutOfService = staffAction({ permission: 'shelter.edit', schema: outOfServiceSchema }, (input, { user, db, now }) => ({
  revalidate: pagesOf(write(db, (tx) => setBedOutOfService(tx, user, input, now))),
}));

export const putBedBackInService = staffAction({ permission: 'shelter.edit', schema: bedIdSchema }, ({ bedId }, { user, db, now }) => ({
  revalidate: pagesOf(write(db, (tx) => returnBedToService(tx, user, bedId, now))),
}));

export const deleteBed = staffAction({ permission: 'shelter.edit', schema: bedIdSchema }, ({ bedId }, { user, db, now }) => ({
  revalidate: pagesOf(write(db, (tx) => removeBed(tx, user, bedId, now))),
  message: 'bedRemoved',
}));

/** Mats or sofas for a few nights (decision 0026): the same right as adding beds. */
export const addSurgeBedsToRoom = staffAction({ permission: 'shelter.edit', schema: surgeBedsSchema }, (input, { user, db, now }) => ({
  revalidate: pagesOf(write(db, (tx) => addSurgeBeds(tx, user, input, now))),
  message: 'surgeBedsAdded',
  messageParams: { count: input.count },
}));

export const endSurgeBedEarly = staffAction({ permission: 'shelter.edit', schema: surgeEndSchema }, (input, { user, db, now }) => ({
  revalidate: pagesOf(write(db, (tx) => endSurgeBed(tx, user, input, now))),
  message: 'surgeBedEnded',
}));
