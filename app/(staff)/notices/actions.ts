'use server';

import { write } from '@/db';
import { staffAction } from '@/lib/auth/action';
import { postCityNotice, postShelterNotice } from '@/lib/notices/post';
import { withdrawNotice } from '@/lib/notices/withdraw';
import { cityNoticeSchema, shelterNoticeSchema, withdrawNoticeSchema } from '@/lib/validation/notice';

const PAGE = '/notices';

/** A host's or an admin's notice to the guests of one shelter. */
export const postShelterNoticeAction = staffAction(
  { permission: 'notice.post', schema: shelterNoticeSchema },
  (input, { user, db, now }) => {
    write(db, (tx) => postShelterNotice(tx, user, input, now));
    return { revalidate: [`/shelters/${input.shelterId}`], message: 'noticePosted' };
  },
);

/** An admin's notice to the guests of every shelter in one city they hold. */
export const postCityNoticeAction = staffAction({ permission: 'notice.postCity', schema: cityNoticeSchema }, (input, { user, db, now }) => {
  write(db, (tx) => postCityNotice(tx, user, input, now));
  return { revalidate: [PAGE], message: 'noticePosted' };
});

export const withdrawNoticeAction = staffAction(
  { permission: 'notice.post', schema: withdrawNoticeSchema },
  ({ noticeId }, { user, db, now }) => {
    const notice = write(db, (tx) => withdrawNotice(tx, user, noticeId, now));
    return { revalidate: [PAGE, ...(notice.shelterId ? [`/shelters/${notice.shelterId}`] : [])], message: 'noticeWithdrawn' };
  },
);
