'use server';

import { write } from '@/db';
import { staffAction } from '@/lib/auth/action';
import { updateLateArrivals } from '@/lib/shelters/late-arrivals';
import { updateShelterProfile } from '@/lib/shelters/profile';
import { lateArrivalsSchema, shelterProfileSchema } from '@/lib/validation/shelter';

export const saveShelterProfile = staffAction({ permission: 'shelter.edit', schema: shelterProfileSchema }, (input, { user, db, now }) => {
  write(db, (tx) => updateShelterProfile(tx, user, input, now));
  return { revalidate: ['/shelters', `/shelters/${input.shelterId}`, `/shelters/${input.shelterId}/profile`], message: 'profileSaved' };
});

export const saveLateArrivals = staffAction({ permission: 'shelter.edit', schema: lateArrivalsSchema }, (input, { user, db, now }) => {
  write(db, (tx) => updateLateArrivals(tx, user, input, now));
  return { revalidate: [`/shelters/${input.shelterId}`, `/shelters/${input.shelterId}/profile`], message: 'lateArrivalsSaved' };
});
