import 'server-only';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import { getDb, type Db } from '@/db';
import { DomainError } from '@/lib/errors';
import { formDataToObject, type FormState } from '@/lib/forms';
import { fieldErrorsOf } from '@/lib/validation/common';
import { currentUser } from './current-user';
import { can, type Permission } from './policy';
import { mustEnrol } from './second-factor';
import type { StaffUser } from './staff';

export type ActionContext = { user: StaffUser; db: Db; now: Date };

export type ActionOutcome = {
  /** Where to send the user on success; omitted to stay on the page and show `message`. */
  redirectTo?: string;
  /** Paths whose cached render is stale after this write. */
  revalidate?: string[];
  message?: string;
  messageParams?: Record<string, string | number>;
  data?: Record<string, string>;
  /** Values the form comes back with instead of what was sent, for an answer that changed them and wrote nothing. */
  values?: Record<string, string>;
} | void;

/**
 * Wraps every staff server action: loads the caller from the database (not from the cookie alone),
 * checks that the policy gives their role the permission somewhere (the domain call then asks about
 * the very thing acted on), and that a second factor the network requires is set up, parses the form with
 * zod, then runs the domain call. Refusals come back as message keys; nothing internal reaches the page.
 */
export function staffAction<S extends z.ZodType>(
  config: {
    permission: Permission;
    schema: S;
    /** Only the steps of enrolling a second factor: what someone who must enrol may still do. */
    enrolling?: boolean;
  },
  run: (input: z.infer<S>, context: ActionContext) => ActionOutcome | Promise<ActionOutcome>,
) {
  return async function action(_previous: FormState, formData: FormData): Promise<FormState> {
    const user = await currentUser();
    if (!user) redirect('/login');
    const values = formDataToObject(formData);
    const safeValues = Object.fromEntries(Object.entries(values).filter(([name]) => !/password/i.test(name)));
    if (!can(user, config.permission)) return { status: 'error', message: 'notAllowed' };
    if (!config.enrolling && mustEnrol(getDb(), user)) return { status: 'error', message: 'secondFactorRequired' };

    const parsed = config.schema.safeParse(values);
    if (!parsed.success) {
      return { status: 'error', message: 'checkFields', fieldErrors: fieldErrorsOf(parsed.error), values: safeValues };
    }

    let outcome: ActionOutcome;
    try {
      outcome = await run(parsed.data, { user, db: getDb(), now: new Date() });
    } catch (error) {
      if (error instanceof DomainError) {
        // A refusal about one field is shown next to that field; the form only says to look there.
        return {
          status: 'error',
          message: error.field ? 'checkFields' : error.code,
          messageParams: error.params,
          fieldErrors: error.field ? { [error.field]: error.code } : undefined,
          values: safeValues,
        };
      }
      throw error;
    }
    for (const path of outcome?.revalidate ?? []) revalidatePath(path);
    if (outcome?.redirectTo) redirect(outcome.redirectTo);
    return {
      status: 'ok',
      message: outcome?.message ?? 'saved',
      messageParams: outcome?.messageParams,
      data: outcome?.data,
      values: outcome?.values ? { ...safeValues, ...outcome.values } : undefined,
    };
  };
}
