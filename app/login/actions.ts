'use server';

import { eq } from 'drizzle-orm';
import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { getDb, write } from '@/db';
import { users } from '@/db/schema';
import { signIn } from '@/lib/auth';
import { localeAfterSignIn, rememberLocale, takeLocaleChosenSignedOut } from '@/lib/auth/locale-cookie';
import { requestClient } from '@/lib/auth/request-client';
import { lockedUntil } from '@/lib/auth/sign-in';
import { homeOf } from '@/lib/auth/staff';
import { formDataToObject, type FormState } from '@/lib/forms';
import { setLocale } from '@/lib/staff/accounts';
import { signInSchema } from '@/lib/validation/staff';

/** Minutes until the lock this browser answers to passes, for the message. */
async function lockMinutes(email: string): Promise<number> {
  const now = new Date();
  const until = lockedUntil(getDb(), { email, ...(await requestClient()), now });
  return Math.max(1, Math.ceil(((until?.getTime() ?? now.getTime()) - now.getTime()) / 60_000));
}

/**
 * One form, two steps: email and password, then (when the account has a second factor) the code,
 * posted together with what was typed first. `data.step` tells the form which step to show.
 */
export async function signInWithPassword(_previous: FormState, formData: FormData): Promise<FormState> {
  const raw = formDataToObject(formData);
  const email = typeof raw.email === 'string' ? raw.email.slice(0, 254) : '';
  const parsed = signInSchema.safeParse(raw);
  // One message for every failure, so the form never tells whether an email has an account.
  if (!parsed.success) return { status: 'error', message: 'signInFailed', values: { email } };
  const codeStep = { values: { email }, data: { step: 'code' } };
  const { shownLocale, ...credentials } = parsed.data;

  try {
    await signIn('credentials', { ...credentials, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const code = 'code' in error ? error.code : undefined;
    const asked = parsed.data.code !== undefined;
    if (code === 'locked') {
      const minutes = await lockMinutes(parsed.data.email);
      return { status: 'error', message: 'signInLocked', messageParams: { minutes }, ...(asked ? codeStep : { values: { email } }) };
    }
    if (code === 'code_needed') return { status: asked ? 'error' : 'idle', message: asked ? 'codeRequired' : undefined, ...codeStep };
    if (code === 'code_rejected') return { status: 'error', message: 'codeWrong', ...codeStep };
    return { status: 'error', message: 'signInFailed', values: { email } };
  }
  const db = getDb();
  const user = db
    .select({ id: users.id, locale: users.locale, role: users.role })
    .from(users)
    .where(eq(users.email, parsed.data.email))
    .get();
  if (user) {
    // The page's language carries on; picked there by a tap, it becomes the account's language too.
    const { locale, changed } = localeAfterSignIn(user.locale, await takeLocaleChosenSignedOut(), shownLocale);
    if (changed) write(db, (tx) => setLocale(tx, user.id, locale));
    await rememberLocale(locale);
  }
  redirect(homeOf(user?.role));
}
