'use server';
import { write } from '@/db';
import { staffAction } from '@/lib/auth/action';
import { saveNetworkSettings, saveSecondFactorPolicy } from '@/lib/requests/settings';
import { networkSettingsSchema, secondFactorPolicySchema } from '@/lib/validation/request';

export const saveNetworkContact = staffAction({ roles: ['admin'], schema: networkSettingsSchema }, (input, { user, db, now }) => {
  write(db, (tx) => saveNetworkSettings(tx, user, input, now));
  return { revalidate: ['/settings'], message: 'saved' };
});

/** Who must sign in with a second factor; those without one are sent to enrol at their next request. */
export const saveSecondFactorSetting = staffAction({ roles: ['admin'], schema: secondFactorPolicySchema }, (input, { user, db, now }) => {
  write(db, (tx) => saveSecondFactorPolicy(tx, user, input.secondFactor, now));
  return { revalidate: ['/settings'], message: 'saved' };
});
