'use server';

import { write } from '@/db';
import { registerArrival } from '@/lib/arrivals/intake';
import { staffAction } from '@/lib/auth/action';
import { arrivalSchema } from '@/lib/validation/arrival';

export const registerHousehold = staffAction({ roles: ['coordinator', 'admin'], schema: arrivalSchema }, (input, { user, db, now }) => {
  const id = write(db, (tx) => registerArrival(tx, user, input, now));
  // The household page greets a fresh registration with "Register another" (registered-banner.tsx).
  return { revalidate: ['/arrivals'], redirectTo: `/arrivals/${id}?registered=1` };
});
