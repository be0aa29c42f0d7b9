'use server';
import { write } from '@/db';
import { staffAction } from '@/lib/auth/action';
import { saveNetworkSettings } from '@/lib/requests/settings';
import { networkSettingsSchema } from '@/lib/validation/request';

export const saveNetworkContact = staffAction({ roles: ['admin'], schema: networkSettingsSchema }, (input, { user, db, now }) => {
  write(db, (tx) => saveNetworkSettings(tx, user, input, now));
  return { revalidate: ['/settings'], message: 'saved' };
});
