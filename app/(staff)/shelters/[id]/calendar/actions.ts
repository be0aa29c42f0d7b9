'use server';

import { write } from '@/db';
import { staffAction } from '@/lib/auth/action';
import { closeNights, reopenClosure } from '@/lib/shelters/closures';
import { closureIdSchema, closureSchema } from '@/lib/validation/shelter';

const pagesOf = (shelterId: string) => ['/shelters', `/shelters/${shelterId}`, `/shelters/${shelterId}/calendar`, '/arrivals'];

export const closeShelterNights = staffAction({ permission: 'shelter.edit', schema: closureSchema }, (input, { user, db, now }) => {
  write(db, (tx) => closeNights(tx, user, input, now));
  return { revalidate: pagesOf(input.shelterId), message: 'nightsClosed' };
});

export const reopenShelterNights = staffAction(
  { permission: 'shelter.edit', schema: closureIdSchema },
  ({ closureId }, { user, db, now }) => {
    const shelterId = write(db, (tx) => reopenClosure(tx, user, closureId, now));
    return { revalidate: pagesOf(shelterId), message: 'nightsReopened' };
  },
);
