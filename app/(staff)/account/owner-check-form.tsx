'use client';

import { useTranslations } from 'next-intl';
import { FormStatus } from '@/components/ui/form-status';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { useShowRecoveryCodes } from './recovery-codes';

type Props = {
  action: FormAction;
  email: string;
  /** Tells the fields of this form from those of the others on the page. */
  idPrefix: string;
  summary: string;
  hint: string;
  submit: string;
  danger?: boolean;
};

/**
 * A change to how the account signs in (turning the factor off, new recovery codes): asks for the
 * password and a current code or a recovery code, as signing in does.
 */
export function OwnerCheckForm({ action, email, idPrefix, summary, hint, submit, danger }: Props) {
  const t = useTranslations('account');
  const [state, formAction] = useFormAction(action);
  useShowRecoveryCodes(state);
  return (
    <details>
      <summary>{summary}</summary>
      <form action={formAction} className="stack" noValidate>
        <FormStatus state={state} />
        <p className="hint">{hint}</p>
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <TextField
          state={state}
          id={`${idPrefix}-current-password`}
          name="currentPassword"
          label={t('currentPassword')}
          type="password"
          autoComplete="current-password"
          required
        />
        <TextField
          state={state}
          id={`${idPrefix}-code`}
          name="code"
          label={t('ownerCode')}
          hint={t('ownerCodeHint')}
          autoComplete="one-time-code"
          maxLength={40}
          required
        />
        <SubmitButton className={danger ? 'button danger' : undefined}>{submit}</SubmitButton>
      </form>
    </details>
  );
}
