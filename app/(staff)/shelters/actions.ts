'use server';

import { write } from '@/db';
import { staffAction } from '@/lib/auth/action';
import { createShelter } from '@/lib/shelters/profile';
import { newShelterSchema } from '@/lib/validation/shelter';

export const addShelter = staffAction({ permission: 'shelter.create', schema: newShelterSchema }, (input, { user, db, now }) => {
  const id = write(db, (tx) => createShelter(tx, user, input, now));
  return { revalidate: ['/shelters'], redirectTo: `/shelters/${id}/profile` };
});
