'use server';
import { eq } from 'drizzle-orm';
import { AuthError } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import { signIn } from '@/lib/auth';
import { clientAddress } from '@/lib/auth/client-address';
import { rememberLocale } from '@/lib/auth/locale-cookie';
import { lockedUntil } from '@/lib/auth/sign-in';
import { formDataToObject, type FormState } from '@/lib/forms';
import { homeOf } from '@/lib/auth/staff';
import { signInSchema } from '@/lib/validation/staff';

export async function signInWithPassword(_previous: FormState, formData: FormData): Promise<FormState> {
  const raw = formDataToObject(formData);
  const email = typeof raw.email === 'string' ? raw.email.slice(0, 254) : '';
  const parsed = signInSchema.safeParse(raw);
  // One message for every failure, so the form never tells whether an email has an account.
  if (!parsed.success) return { status: 'error', message: 'signInFailed', values: { email } };

  try {
    await signIn('credentials', { ...parsed.data, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    if ('code' in error && error.code === 'locked') {
      const now = new Date();
      const until = lockedUntil(getDb(), parsed.data.email, clientAddress(await headers()), now);
      const minutes = Math.max(1, Math.ceil(((until?.getTime() ?? now.getTime()) - now.getTime()) / 60_000));
      return { status: 'error', message: 'signInLocked', messageParams: { minutes }, values: { email } };
    }
    return { status: 'error', message: 'signInFailed', values: { email } };
  }
  const user = getDb().select({ locale: users.locale, role: users.role }).from(users).where(eq(users.email, parsed.data.email)).get();
  if (user) await rememberLocale(user.locale);
  redirect(homeOf(user?.role));
}
