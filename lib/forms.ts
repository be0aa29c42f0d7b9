/** What every form action returns to `useActionState`: message keys, never translated text. */
export type FormState = {
  status: 'idle' | 'ok' | 'error';
  /** A key under `errors` or `notices` in the message files, or the full path of one elsewhere ("account.passwordChanged"). */
  message?: string;
  messageParams?: Record<string, string | number>;
  /** Field name → key under `errors`. */
  fieldErrors?: Record<string, string>;
  /** What the user typed, so the form can keep it after a refusal. */
  values?: Record<string, string | string[]>;
  /** Anything else the page must show once, such as a new invitation's link. */
  data?: Record<string, string>;
};

export const idleState: FormState = { status: 'idle' };

/**
 * FormData → plain object for zod. A field whose name ends in `[]` becomes an array (checkbox
 * groups); files and Next's internal `$ACTION_` fields are dropped.
 */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  // A hand-made action post can decode to any argument at all: anything but a form is an empty one.
  if (typeof (formData as Partial<FormData> | null | undefined)?.entries !== 'function') return {};
  // A Map, not an object: a posted name such as `__proto__[]` or `constructor[]` must stay a plain field.
  const result = new Map<string, string | string[]>();
  for (const [name, value] of formData.entries()) {
    if (typeof value !== 'string' || name.startsWith('$ACTION')) continue;
    if (name.endsWith('[]')) {
      const key = name.slice(0, -2);
      const list = result.get(key);
      result.set(key, Array.isArray(list) ? [...list, value] : [value]);
    } else {
      result.set(name, value);
    }
  }
  return Object.fromEntries(result);
}

/** The value to show in a field: what the user typed last if the form came back, else the stored one. */
export function fieldValue(state: FormState, name: string, stored: string | number | null | undefined): string {
  const typed = state.values?.[name];
  if (typeof typed === 'string') return typed;
  return stored == null ? '' : String(stored);
}
