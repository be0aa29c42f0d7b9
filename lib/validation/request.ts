import { z } from 'zod';
import { SECOND_FACTOR_POLICIES } from '@/db/schema/enums';
import { arrivalFields, householdRules } from './arrival';
import { contactHandle, idField } from './common';

/**
 * A request for a place from the public form: the guide's intake, except that a contact handle is
 * required (a guide must be able to reach them), plus the two fields that turn naive bots away.
 */
export const publicRequestSchema = arrivalFields
  .extend({
    contact: contactHandle(100).refine((value) => value !== null, 'required'),
    // Hidden from people; a bot that fills every field fills this one too.
    website: z.string().max(200).optional(),
    // When the form was handed out, signed by the server (see lib/requests/form-guard.ts).
    stamp: z.string().max(200).optional(),
  })
  .superRefine(householdRules);
export type PublicRequestInput = z.infer<typeof publicRequestSchema>;

export const networkSettingsSchema = z.object({
  contactPhone: contactHandle(40),
  contactTelegram: contactHandle(60),
  contactWhatsapp: contactHandle(40),
  requestsPerHour: z.coerce.number({ error: 'invalidNumber' }).int('invalidNumber').min(0, 'invalid').max(10_000, 'invalid'),
  retentionDays: z.coerce.number({ error: 'invalidNumber' }).int('invalidNumber').min(1, 'retentionRange').max(90, 'retentionRange'),
});
export type NetworkSettingsInput = z.infer<typeof networkSettingsSchema>;

/** The staff idle limit, in minutes (lib/auth/idle.ts): 15 minutes to 4 hours. */
export const idleLimitSchema = z.object({
  idleMinutes: z.coerce.number({ error: 'invalidNumber' }).int('invalidNumber').min(15, 'idleRange').max(240, 'idleRange'),
});

export const secondFactorPolicySchema = z.object({ secondFactor: z.enum(SECOND_FACTOR_POLICIES, { error: 'invalid' }) });

export const arrivalIdSchema = z.object({ arrivalId: idField });

/** The one post a link's page accepts: withdrawing the request. */
export const cancelRequestSchema = z.object({ intent: z.literal('cancel'), lang: z.string().max(10).optional() });
