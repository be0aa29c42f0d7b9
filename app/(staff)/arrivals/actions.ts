'use server';

import { write } from '@/db';
import { staffAction } from '@/lib/auth/action';
import { publicOrigin } from '@/lib/auth/origin';
import { reserveBatch } from '@/lib/placement/batch';
import { batchResults } from '@/lib/placement/batch-links';
import { batchPlaceSchema } from '@/lib/validation/batch';

/**
 * Places the households ticked on the queue in one shelter, in one write: each gets its own stay and
 * its link, or the reason it got none, and the page lists them all with the links ready to send.
 */
export const placeSelected = staffAction({ permission: 'household.place', schema: batchPlaceSchema }, async (input, { user, db, now }) => {
  const { shelterName, outcomes } = write(db, (tx) => reserveBatch(tx, user, input, now));
  const placed = outcomes.filter((outcome) => outcome.beds).length;
  return {
    revalidate: ['/arrivals', `/shelters/${input.shelterId}`, '/shelters'],
    message: 'queue.placedSome',
    messageParams: { placed, total: outcomes.length, shelter: shelterName },
    data: { outcomes: JSON.stringify(batchResults(db, await publicOrigin(), outcomes, now)) },
  };
});
