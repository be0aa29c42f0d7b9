'use server';

import { revalidatePath } from 'next/cache';
import { write } from '@/db';
import { staffAction } from '@/lib/auth/action';
import { publicOrigin } from '@/lib/auth/origin';
import { DomainError } from '@/lib/errors';
import { markMistaken } from '@/lib/households/mistaken';
import { changeStayDates } from '@/lib/placement/dates';
import { reserveBeds } from '@/lib/placement/reserve';
import { handoverStay, linkHandover, liveHandoverStay } from '@/lib/placement/share';
import { cancelStay, moveStay, renewStayLink, revokeStayLink } from '@/lib/placement/stays';
import { forgetHousehold } from '@/lib/privacy/forget';
import { revealHousehold } from '@/lib/privacy/shares';
import { reissueRequestLink } from '@/lib/requests/request-link';
import { markNotGenuine } from '@/lib/requests/self-register';
import { moveSchema, reserveSchema, stayDatesSchema, stayIdSchema } from '@/lib/validation/arrival';
import { arrivalIdSchema } from '@/lib/validation/request';

const pages = (arrivalId: string, shelterId?: string) => [
  '/arrivals',
  `/arrivals/${arrivalId}`,
  ...(shelterId ? [`/shelters/${shelterId}`] : []),
];

/** A lost race still refreshes the page, so the guide sees fresh suggestions next to the message. */
function refreshOnConflict<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'bedsTaken') revalidatePath('/arrivals/[id]', 'page');
    throw error;
  }
}

export const reservePlace = staffAction({ permission: 'household.place', schema: reserveSchema }, async (input, { user, db, now }) => {
  const reservation = refreshOnConflict(() => write(db, (tx) => reserveBeds(tx, user, input, now)));
  const revalidate = pages(input.arrivalId, reservation.shelterId);
  // A household that asked online has nothing new to receive: the link it holds now shows this stay.
  if (!reservation.token) return { revalidate, message: 'reservedOnRequestLink' };
  const handover = await linkHandover(
    await publicOrigin(),
    reservation.token,
    reservation.languages,
    now,
    'stay',
    handoverStay(db, reservation.stayId),
  );
  return { revalidate, message: 'reserved', data: handover };
});

export const moveHousehold = staffAction({ permission: 'stay.change', schema: moveSchema }, (input, { user, db, now }) => {
  const stay = refreshOnConflict(() => write(db, (tx) => moveStay(tx, user, input, now)));
  return { revalidate: [...pages(stay.arrivalId, stay.shelterId), '/shelters'], message: 'moved' };
});

/** New dates for a stay on the beds it holds; a collision comes back with its night, to offer a move. */
export const changeDates = staffAction({ permission: 'stay.change', schema: stayDatesSchema }, (input, { user, db, now }) => {
  const stay = write(db, (tx) => changeStayDates(tx, user, input, now));
  return { revalidate: [...pages(stay.arrivalId, stay.shelterId), '/shelters'], message: 'datesChanged' };
});

export const cancelReservation = staffAction({ permission: 'stay.change', schema: stayIdSchema }, ({ stayId }, { user, db, now }) => {
  const stay = write(db, (tx) => cancelStay(tx, user, stayId, now));
  return { revalidate: pages(stay.arrivalId, stay.shelterId), message: 'cancelled' };
});

export const renewArrivalLink = staffAction({ permission: 'stay.change', schema: stayIdSchema }, async ({ stayId }, { user, db, now }) => {
  const { token, languages, kind } = write(db, (tx) => renewStayLink(tx, user, stayId, now));
  return {
    message: 'linkRenewed',
    data: await linkHandover(await publicOrigin(), token, languages, now, kind, handoverStay(db, stayId)),
  };
});

export const revokeArrivalLink = staffAction({ permission: 'stay.change', schema: stayIdSchema }, ({ stayId }, { user, db, now }) => {
  write(db, (tx) => revokeStayLink(tx, user, stayId, now));
  return { message: 'linkRevoked' };
});

/**
 * A new link for a household that asked online and lost theirs: the old one stops working at once.
 * Once placed, its message names the stay's dates, as the link then shows the shelter.
 */
export const renewRequestLink = staffAction(
  { permission: 'household.place', schema: arrivalIdSchema },
  async ({ arrivalId }, { user, db, now }) => {
    const { token, languages } = write(db, (tx) => reissueRequestLink(tx, user, arrivalId, now));
    return {
      message: 'linkRenewed',
      data: await linkHandover(await publicOrigin(), token, languages, now, 'request', liveHandoverStay(db, arrivalId)),
    };
  },
);

/** A self-registered request that is not genuine leaves the queue; the audit trail records who said so. */
export const markRequestNotGenuine = staffAction(
  { permission: 'household.place', schema: arrivalIdSchema },
  ({ arrivalId }, { user, db, now }) => {
    write(db, (tx) => markNotGenuine(tx, user, arrivalId, now));
    return { revalidate: pages(arrivalId), redirectTo: '/arrivals' };
  },
);

/** Registered by mistake or twice: it ends, frees any beds held for it, and leaves the history's registrations. */
export const markRegisteredByMistake = staffAction(
  { permission: 'household.place', schema: arrivalIdSchema },
  ({ arrivalId }, { user, db, now }) => {
    write(db, (tx) => markMistaken(tx, user, arrivalId, now));
    return { revalidate: [...pages(arrivalId), '/shelters'], redirectTo: '/arrivals' };
  },
);

/** Forget now: the household's alias, contact and note are erased at once; counts stay. */
export const forgetArrival = staffAction({ permission: 'household.place', schema: arrivalIdSchema }, ({ arrivalId }, { user, db, now }) => {
  write(db, (tx) => forgetHousehold(tx, user, arrivalId, now));
  return { revalidate: pages(arrivalId), redirectTo: '/arrivals?forgotten=1' };
});

/** An admin's look at one household's details, recorded in the audit trail before it is shown. */
export const revealArrival = staffAction(
  { permission: 'household.reveal', schema: arrivalIdSchema },
  ({ arrivalId }, { user, db, now }) => {
    write(db, (tx) => revealHousehold(tx, user, arrivalId, now));
    return { revalidate: pages(arrivalId) };
  },
);
