'use client';

import { useActionState } from 'react';
import { idleState, type FormState } from '@/lib/forms';

export type FormAction = (previous: FormState, formData: FormData) => Promise<FormState>;

export function useFormAction(action: FormAction) {
  return useActionState(action, idleState);
}
