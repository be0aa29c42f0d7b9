'use server';

import { write } from '@/db';
import { staffAction } from '@/lib/auth/action';
import { setOfferStatus, tickCheck, untickCheck } from '@/lib/offers/vetting';
import { offerStatusSchema, offerTickSchema } from '@/lib/validation/offer';

const pathsOf = (offerId: string) => ['/offers', `/offers/${offerId}`];

/**
 * A step of vetting (contacted, verified, active, paused, declined); active only with the checklist
 * complete, and then, while its home has no host, with the host's one-time link to show once.
 */
export const setOfferStatusAction = staffAction({ permission: 'offer.vet', schema: offerStatusSchema }, (input, { user, db, now }) => {
  const { hostToken } = write(db, (tx) => setOfferStatus(tx, user, input, now));
  return {
    revalidate: pathsOf(input.offerId),
    message: hostToken ? 'offerActiveHostLink' : 'offerStatusSaved',
    data: hostToken ? { invitePath: `/invite/${hostToken}` } : undefined,
  };
});

export const tickOfferCheckAction = staffAction({ permission: 'offer.vet', schema: offerTickSchema }, (input, { user, db, now }) => {
  write(db, (tx) => tickCheck(tx, user, input, now));
  return { revalidate: pathsOf(input.offerId), message: 'offerTicked' };
});

export const untickOfferCheckAction = staffAction({ permission: 'offer.vet', schema: offerTickSchema }, (input, { user, db, now }) => {
  write(db, (tx) => untickCheck(tx, user, input, now));
  return { revalidate: pathsOf(input.offerId), message: 'offerUnticked' };
});
