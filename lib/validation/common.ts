import { z } from 'zod';

/** Messages are keys under `errors` in the message files. */
export const requiredText = (max: number) => z.string({ error: 'required' }).trim().min(1, 'required').max(max, 'tooLong');

// Line breaks, tabs and other invisible control characters: a name is one line a screen shows as typed.
const CONTROL_CHARACTERS = /\p{Cc}/u;

/** A place's name (a room, a meeting point): one line, as long as its screens have room for. */
export const nameText = (max: number) => requiredText(max).refine((value) => !CONTROL_CHARACTERS.test(value), 'controlCharacters');

/** A place's name in another language; blank means none, and the place's own name is shown there. */
export const optionalNameText = (max: number) =>
  optionalText(max).refine((value) => value === null || !CONTROL_CHARACTERS.test(value), 'controlCharacters');

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'tooLong')
    .optional()
    .transform((value) => (value ? value : null));

/** A phone number or a messenger handle: letters, digits and the few signs they use, never markup. */
export const contactHandle = (max: number) =>
  optionalText(max).refine((value) => value === null || /^[+@\p{L}\p{N}_][\p{L}\p{N}_ .()+\-/]*$/u.test(value), 'invalidHandle');

export const checkbox = z
  .union([z.literal('on'), z.literal('true'), z.literal('1'), z.literal('')])
  .optional()
  .transform((value) => value === 'on' || value === 'true' || value === '1');

export const idField = z.string({ error: 'invalid' }).trim().min(1, 'invalid').max(64, 'invalid');

export const emailField = z
  .string({ error: 'required' })
  .trim()
  .toLowerCase()
  .min(1, 'required')
  .max(254, 'tooLong')
  .pipe(z.email({ error: 'invalidEmail' }));

export const listOf = <T extends string>(values: readonly [T, ...T[]], max: number) =>
  z
    .array(z.enum(values, { error: 'invalid' }))
    .max(max, 'invalid')
    .optional()
    .transform((list) => [...new Set(list ?? [])]);

/**
 * zod issues → field name → message key. Our schemas give keys ("required"); zod's own English
 * sentences (a crafted post missing a field) become the generic "invalid".
 */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '_');
    fieldErrors[field] ??= /^[a-zA-Z]+$/.test(issue.message) ? issue.message : 'invalid';
  }
  return fieldErrors;
}

/** A real calendar day written "YYYY-MM-DD" (2026-02-30 is refused). */
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((day) => {
    const parsed = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(day);
  });
