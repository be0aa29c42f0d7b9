'use server';

import { write } from '@/db';
import { staffAction } from '@/lib/auth/action';
import { moveHouseholdTo } from '@/lib/meeting-points/household';
import { householdMeetingPointSchema } from '@/lib/validation/meeting-point';

/** A guide says where the household is now; the suggestions on the page then measure from there. */
export const chooseMeetingPoint = staffAction(
  { permission: 'household.place', schema: householdMeetingPointSchema },
  ({ arrivalId, meetingPointId }, { user, db, now }) => {
    write(db, (tx) => moveHouseholdTo(tx, user, arrivalId, meetingPointId, now));
    return { revalidate: [`/arrivals/${arrivalId}`], message: 'meetingPointChosen' };
  },
);
