'use server';

import { write } from '@/db';
import { staffAction } from '@/lib/auth/action';
import { saveIdleMinutes } from '@/lib/auth/idle-setting';
import { saveHomesVerifiedByTwo } from '@/lib/homes/placing';
import { addCheck, removeCheck } from '@/lib/offers/checklist';
import { saveNetworkSettings, saveSecondFactorPolicy } from '@/lib/requests/settings';
import { homesSettingSchema, vettingCheckIdSchema, vettingCheckSchema } from '@/lib/validation/offer';
import { idleLimitSchema, networkSettingsSchema, secondFactorPolicySchema } from '@/lib/validation/request';

export const saveNetworkContact = staffAction(
  { permission: 'network.configure', schema: networkSettingsSchema },
  (input, { user, db, now }) => {
    write(db, (tx) => saveNetworkSettings(tx, user, input, now));
    return { revalidate: ['/settings'], message: 'saved' };
  },
);

/** Who must sign in with a second factor; those without one are sent to enrol at their next request. */
export const saveSecondFactorSetting = staffAction(
  { permission: 'network.configure', schema: secondFactorPolicySchema },
  (input, { user, db, now }) => {
    write(db, (tx) => saveSecondFactorPolicy(tx, user, input.secondFactor, now));
    return { revalidate: ['/settings'], message: 'saved' };
  },
);

/** How long staff may sit idle before signing in again; from each person's next sign-in. */
export const saveIdleSetting = staffAction({ permission: 'network.configure', schema: idleLimitSchema }, (input, { user, db, now }) => {
  write(db, (tx) => saveIdleMinutes(tx, user, input.idleMinutes, now));
  return { revalidate: ['/settings'], message: 'saved' };
});

/** An item of the offers' vetting checklist; "two people" needs two different staff to tick it. */
export const addVettingCheckAction = staffAction(
  { permission: 'network.configure', schema: vettingCheckSchema },
  (input, { user, db, now }) => {
    write(db, (tx) => addCheck(tx, user, input, now));
    return { revalidate: ['/settings'], message: 'saved' };
  },
);

export const removeVettingCheckAction = staffAction(
  { permission: 'network.configure', schema: vettingCheckIdSchema },
  (input, { user, db, now }) => {
    write(db, (tx) => removeCheck(tx, user, input.checkId, now));
    return { revalidate: ['/settings'], message: 'saved' };
  },
);

/** The kinds of household suggested only homes verified by two volunteers (lib/homes/placing.ts). */
export const saveHomesSetting = staffAction({ permission: 'network.configure', schema: homesSettingSchema }, (input, { user, db, now }) => {
  write(db, (tx) => saveHomesVerifiedByTwo(tx, user, input.kinds, now));
  return { revalidate: ['/settings'], message: 'saved' };
});
