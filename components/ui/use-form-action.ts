'use client';

import { useActionState } from 'react';
import { idleState, type FormState } from '@/lib/forms';

export type FormAction = (previous: FormState, formData: FormData) => Promise<FormState>;

/** `permalink`: where a form sent before the page's JavaScript ran lands, such as a fragment of the page. */
export function useFormAction(action: FormAction, permalink?: string) {
  return useActionState(action, idleState, permalink);
}
