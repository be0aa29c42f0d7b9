'use server';

import { write } from '@/db';
import { staffAction } from '@/lib/auth/action';
import { takeIntake } from '@/lib/households/intake';
import { intakeSchema } from '@/lib/validation/arrival';

export const registerHousehold = staffAction({ permission: 'household.register', schema: intakeSchema }, (input, { user, db, now }) => {
  const answer = write(db, (tx) => takeIntake(tx, user, input, now));
  // "Already here" with a time ahead: the form comes back with the time under "lands at", to confirm.
  if ('movedToLands' in answer) return { message: 'arrivalMoved', values: { arrival: 'lands' }, data: { arrivalMoved: '1' } };
  // The household page greets a fresh registration with "Register another" (registered-banner.tsx).
  return { revalidate: ['/arrivals'], redirectTo: `/arrivals/${answer.registered}?registered=1` };
});
