'use server';

import { write } from '@/db';
import { staffAction } from '@/lib/auth/action';
import { reserveBatch } from '@/lib/placement/batch';
import { batchPlaceSchema } from '@/lib/validation/batch';

/**
 * Places the households ticked on the queue in one shelter, in one write: each gets its own stay or
 * the reason it got none, and the page lists them all. Their links are handed over from each
 * household's page (a new link there), as a batch is placed before anyone is in front of the guide.
 */
export const placeSelected = staffAction({ roles: ['coordinator', 'admin'], schema: batchPlaceSchema }, (input, { user, db, now }) => {
  const { shelterName, outcomes } = write(db, (tx) => reserveBatch(tx, user, input, now));
  const placed = outcomes.filter((outcome) => outcome.beds).length;
  return {
    revalidate: ['/arrivals', `/shelters/${input.shelterId}`, '/shelters'],
    message: 'queue.placedSome',
    messageParams: { placed, total: outcomes.length, shelter: shelterName },
    data: { outcomes: JSON.stringify(outcomes) },
  };
});
