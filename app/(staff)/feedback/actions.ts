'use server';

import { write } from '@/db';
import { staffAction } from '@/lib/auth/action';
import { lookAtWord } from '@/lib/guest-word/look';
import { lookAtWordSchema } from '@/lib/validation/guest-word';

/** A staff member of the stay's city has looked at a guest's word, and may reopen the home it paused. */
export const lookAtWordAction = staffAction({ permission: 'stay.feedback', schema: lookAtWordSchema }, (input, { user, db, now }) => {
  const { shelterId } = write(db, (tx) => lookAtWord(tx, user, input, now));
  return { revalidate: ['/feedback', `/shelters/${shelterId}`], message: input.reopen ? 'homeReopened' : 'wordLooked' };
});
