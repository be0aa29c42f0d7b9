'use server';
import { write } from '@/db';
import { staffAction } from '@/lib/auth/action';
import { confirmAvailability } from '@/lib/shelters/profile';
import { shelterIdSchema } from '@/lib/validation/shelter';

export const confirmShelterAvailability = staffAction(
  { roles: ['admin', 'host'], schema: shelterIdSchema },
  ({ shelterId }, { user, db, now }) => {
    write(db, (tx) => confirmAvailability(tx, user, shelterId, now));
    return { revalidate: ['/shelters', `/shelters/${shelterId}`], message: 'availabilityConfirmed' };
  },
);
