import { z } from 'zod';
import { ROLES } from '@/db/schema';
import { isCommonPassword } from '@/lib/auth/common-passwords';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-length';
import { LOCALES } from '@/lib/i18n/locales';
import { emailField, idField, requiredText } from './common';

export const newPasswordField = z
  .string({ error: 'required' })
  .min(MIN_PASSWORD_LENGTH, 'passwordTooShort')
  .max(200, 'tooLong')
  .refine((password) => !isCommonPassword(password), 'passwordTooCommon');

const shelterIdList = z
  .array(idField)
  .max(50, 'invalid')
  .optional()
  .transform((list) => [...new Set(list ?? [])]);

// The cities a guide or admin holds; none ticked means every city (lib/staff/scope.ts decides who may give that).
const cityIdList = shelterIdList;

export const inviteSchema = z
  .object({ email: emailField, role: z.enum(ROLES, { error: 'required' }), shelterIds: shelterIdList, cityIds: cityIdList })
  .refine((input) => input.role !== 'host' || input.shelterIds.length > 0, { path: ['shelterIds'], message: 'hostNeedsShelter' });

export const changeRoleSchema = z
  .object({ userId: idField, role: z.enum(ROLES, { error: 'required' }), shelterIds: shelterIdList, cityIds: cityIdList })
  .refine((input) => input.role !== 'host' || input.shelterIds.length > 0, { path: ['shelterIds'], message: 'hostNeedsShelter' });

export const userIdSchema = z.object({ userId: idField });
export const invitationIdSchema = z.object({ invitationId: idField });

export const acceptInviteSchema = z
  .object({
    token: z.string().min(10, 'invalid').max(100, 'invalid'),
    // Asked only by an invitation that names no address (a home's host, lib/homes/host-invitation.ts).
    email: z.preprocess((value) => (value === '' ? undefined : value), emailField.optional()),
    name: requiredText(80),
    password: newPasswordField,
    confirmPassword: z.string(),
  })
  .refine((input) => input.password === input.confirmPassword, { path: ['confirmPassword'], message: 'passwordsDiffer' });

// Not trimmed: spaces can be part of a password. Only blanks never are one.
const currentPasswordField = z
  .string({ error: 'required' })
  .max(1024, 'tooLong')
  .refine((value) => value.trim() !== '', 'required');

export const changePasswordSchema = z
  .object({
    currentPassword: currentPasswordField,
    password: newPasswordField,
    confirmPassword: z.string(),
  })
  .refine((input) => input.password === input.confirmPassword, { path: ['confirmPassword'], message: 'passwordsDiffer' });

export const signInSchema = z.object({
  email: emailField,
  password: z.string().min(1, 'required').max(1024, 'tooLong'),
  // The second step, once the password was right: a code from the app or a recovery code.
  code: z.string().trim().max(40, 'tooLong').optional(),
  // The language the sign-in page was shown in (from the phone or a tap): the language after sign-in.
  // Anything else is ignored rather than refused: it must never cost a sign-in.
  shownLocale: z.enum(LOCALES).optional().catch(undefined),
});

/** Six digits from the authenticator app (spaces allowed, as some apps show "123 456"). */
export const totpCodeSchema = z.object({
  code: z
    .string({ error: 'required' })
    .transform((value) => value.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, 'codeFormat')),
});

/** Starting to enrol a second factor: the password first, so a borrowed session cannot enrol a thief's phone. */
export const startSecondFactorSchema = z.object({ currentPassword: currentPasswordField });

/** Turning one's own second factor off, or new recovery codes: the password and a current code or a recovery code. */
export const passwordAndCodeSchema = z.object({
  currentPassword: currentPasswordField,
  code: z.string({ error: 'codeRequired' }).trim().min(1, 'codeRequired').max(40, 'tooLong'),
});

export const localeSchema = z.object({ locale: z.enum(['en', 'ru', 'tr'], { error: 'invalid' }) });
