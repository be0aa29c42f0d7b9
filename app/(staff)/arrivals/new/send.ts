'use client';

import type { FormAction } from '@/components/ui/use-form-action';
import { formDataToObject, type FormState } from '@/lib/forms';
import { clearDraft, saveDraft } from '@/lib/households/draft';

/** Next signals a redirect by throwing; its digest names the target ("NEXT_REDIRECT;push;/arrivals/x;307;"). */
function redirectTarget(error: unknown): string | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest !== 'string' || !digest.startsWith('NEXT_REDIRECT;')) return null;
  return digest.split(';')[2] ?? '';
}

/** The one-tap single adult: the button's composition replaces whatever counts the form held. */
function applyComposition(formData: FormData): 'quick' | 'form' {
  const composition = formData.get('composition');
  formData.delete('composition');
  if (composition !== 'man' && composition !== 'woman') return 'form';
  formData.set('adultMen', composition === 'man' ? '1' : '0');
  formData.set('adultWomen', composition === 'woman' ? '1' : '0');
  formData.set('children', '0');
  return 'quick';
}

/**
 * The intake's send. A send that never got an answer (no connection, or the server failed) comes back
 * as a state holding every value, so the form keeps them and says why in place, instead of the whole
 * page turning into the error page. The draft is cleared only once the household page is the answer.
 */
export function sendKeepingValues(action: FormAction, userId: string): FormAction {
  return async (previous, formData) => {
    const sentFrom = applyComposition(formData);
    const values = formDataToObject(formData);
    try {
      const result = await action(previous, formData);
      return { ...result, data: { ...result.data, sentFrom } };
    } catch (error) {
      const target = redirectTarget(error);
      if (target !== null) {
        // Signed out meanwhile (a redirect to /login) keeps the draft for after signing in again.
        if (target.startsWith('/arrivals/')) clearDraft(localStorage, userId);
        throw error;
      }
      const intakeKey = typeof values.intakeKey === 'string' ? values.intakeKey : '';
      if (intakeKey) saveDraft(localStorage, userId, { savedAt: Date.now(), intakeKey, values });
      // Offline: nothing left the phone. A failed fetch while online: the line dropped, perhaps after the
      // server got it (the intake key makes a resend safe). Anything else: the server answered with an error.
      const reason = navigator.onLine === false ? 'offline' : error instanceof TypeError ? 'dropped' : 'server';
      const failed: FormState = { status: 'error', values, data: { sendFailed: reason, sentFrom } };
      return failed;
    }
  };
}
