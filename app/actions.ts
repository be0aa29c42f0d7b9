'use server';

import { getDb, write } from '@/db';
import { currentUser } from '@/lib/auth/current-user';
import { rememberLocale } from '@/lib/auth/locale-cookie';
import { formDataToObject, type FormState } from '@/lib/forms';
import { setLocale } from '@/lib/staff/accounts';
import { localeSchema } from '@/lib/validation/staff';

/** Switches the language: remembered on the account when signed in, and in a cookie for this browser. */
export async function chooseLocale(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = localeSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { status: 'error', message: 'invalid' };
  const user = await currentUser();
  if (user) write(getDb(), (tx) => setLocale(tx, user.id, parsed.data.locale));
  await rememberLocale(parsed.data.locale, { chosenSignedOut: !user });
  return { status: 'ok' };
}
