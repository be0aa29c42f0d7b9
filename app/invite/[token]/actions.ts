'use server';

import { redirect } from 'next/navigation';
import { getDb, write } from '@/db';
import { signIn } from '@/lib/auth';
import { rememberLocale } from '@/lib/auth/locale-cookie';
import { hashPassword } from '@/lib/auth/password';
import { homeOf } from '@/lib/auth/staff';
import { DomainError } from '@/lib/errors';
import { formDataToObject, type FormState } from '@/lib/forms';
import { requestLocale } from '@/lib/i18n/request';
import { acceptInvitation } from '@/lib/staff/invitations';
import { fieldErrorsOf } from '@/lib/validation/common';
import { acceptInviteSchema } from '@/lib/validation/staff';

/** No session here: the invitation token is the credential, and it works once. */
export async function acceptInvite(_previous: FormState, formData: FormData): Promise<FormState> {
  const raw = formDataToObject(formData);
  const values = { name: typeof raw.name === 'string' ? raw.name : '', email: typeof raw.email === 'string' ? raw.email : '' };
  const parsed = acceptInviteSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    if (fieldErrors.token) return { status: 'error', message: 'invitationInvalid' };
    return { status: 'error', message: 'checkFields', fieldErrors, values };
  }
  const { token, name, password, email: chosen } = parsed.data;
  const passwordHash = await hashPassword(password);
  let email: string;
  let role: string;
  try {
    ({ email, role } = write(getDb(), (tx) => acceptInvitation(tx, { token, name, passwordHash, email: chosen }, new Date())));
  } catch (error) {
    if (error instanceof DomainError && error.field) {
      return { status: 'error', message: 'checkFields', fieldErrors: { [error.field]: error.code }, values };
    }
    if (error instanceof DomainError) return { status: 'error', message: error.code, values };
    throw error;
  }
  await signIn('credentials', { email, password, redirect: false });
  await rememberLocale(await requestLocale());
  redirect(homeOf(role));
}
