'use server';

import { write } from '@/db';
import { staffAction } from '@/lib/auth/action';
import { oneMoreNight, undoOneMoreNight } from '@/lib/placement/one-more-night';
import { checkIn, checkOut } from '@/lib/placement/stays';
import { listNeed, removeNeed } from '@/lib/shelters/needs';
import { confirmAvailability } from '@/lib/shelters/profile';
import { stayIdSchema } from '@/lib/validation/arrival';
import { needIdSchema, needSchema } from '@/lib/validation/need';
import { extensionIdSchema, oneMoreNightSchema, shelterIdSchema } from '@/lib/validation/shelter';

const pagesOf = (shelterId: string, arrivalId?: string) => [
  '/shelters',
  `/shelters/${shelterId}`,
  '/arrivals',
  ...(arrivalId ? [`/arrivals/${arrivalId}`] : []),
];

export const confirmShelterAvailability = staffAction(
  { permission: 'shelter.edit', schema: shelterIdSchema },
  ({ shelterId }, { user, db, now }) => {
    write(db, (tx) => confirmAvailability(tx, user, shelterId, now));
    return { revalidate: pagesOf(shelterId), message: 'availabilityConfirmed' };
  },
);

export const checkInHousehold = staffAction({ permission: 'stay.checkIn', schema: stayIdSchema }, ({ stayId }, { user, db, now }) => {
  const stay = write(db, (tx) => checkIn(tx, user, stayId, now));
  return { revalidate: pagesOf(stay.shelterId, stay.arrivalId), message: 'checkedIn' };
});

export const checkOutHousehold = staffAction({ permission: 'stay.checkIn', schema: stayIdSchema }, ({ stayId }, { user, db, now }) => {
  const stay = write(db, (tx) => checkOut(tx, user, stayId, now));
  return { revalidate: pagesOf(stay.shelterId, stay.arrivalId), message: 'checkedOut' };
});

/** The host's "one more night": on the same beds, the guest stays tonight and one day past the departure they saw. */
export const addOneNight = staffAction(
  { permission: 'stay.checkIn', schema: oneMoreNightSchema },
  ({ stayId, departure }, { user, db, now }) => {
    const stay = write(db, (tx) => oneMoreNight(tx, user, { stayId, departure }, now));
    return { revalidate: [...pagesOf(stay.shelterId, stay.arrivalId), `/shelters/${stay.shelterId}/calendar`], message: 'nightAdded' };
  },
);

/** Takes back the caller's "one more night" within a minute of the tap; the domain checks the minute. */
export const undoOneNight = staffAction({ permission: 'stay.checkIn', schema: extensionIdSchema }, ({ extensionId }, { user, db, now }) => {
  const stay = write(db, (tx) => undoOneMoreNight(tx, user, extensionId, now));
  return { revalidate: [...pagesOf(stay.shelterId, stay.arrivalId), `/shelters/${stay.shelterId}/calendar`], message: 'nightUndone' };
});

/** What the shelter needs now, until a last day: shown on the public list while it runs. */
export const addShelterNeed = staffAction({ permission: 'shelter.needs', schema: needSchema }, (input, { user, db, now }) => {
  write(db, (tx) => listNeed(tx, user, input, now));
  return { revalidate: pagesOf(input.shelterId), message: 'needListed' };
});

export const removeShelterNeed = staffAction({ permission: 'shelter.needs', schema: needIdSchema }, ({ needId }, { user, db, now }) => {
  const shelterId = write(db, (tx) => removeNeed(tx, user, needId, now));
  return { revalidate: pagesOf(shelterId), message: 'needRemoved' };
});
