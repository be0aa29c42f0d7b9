'use server';

import { write } from '@/db';
import { staffAction } from '@/lib/auth/action';
import { createMeetingPoint, deleteMeetingPoint, updateMeetingPoint } from '@/lib/meeting-points/manage';
import { createMeetingPointSchema, deleteMeetingPointSchema, updateMeetingPointSchema } from '@/lib/validation/meeting-point';

const PAGE = '/settings/meeting-points';

export const addMeetingPoint = staffAction(
  { permission: 'meetingPoint.edit', schema: createMeetingPointSchema },
  (input, { user, db, now }) => {
    write(db, (tx) => createMeetingPoint(tx, user, input, now));
    return { revalidate: [PAGE], message: 'meetingPointAdded' };
  },
);

/** Renames or moves a point: households there stay, and suggestions measure from its new place. */
export const saveMeetingPoint = staffAction(
  { permission: 'meetingPoint.edit', schema: updateMeetingPointSchema },
  (input, { user, db, now }) => {
    write(db, (tx) => updateMeetingPoint(tx, user, input, now));
    return { revalidate: [PAGE], message: 'saved' };
  },
);

export const removeMeetingPoint = staffAction(
  { permission: 'meetingPoint.edit', schema: deleteMeetingPointSchema },
  ({ meetingPointId }, { user, db, now }) => {
    write(db, (tx) => deleteMeetingPoint(tx, user, meetingPointId, now));
    return { revalidate: [PAGE], message: 'meetingPointDeleted' };
  },
);
