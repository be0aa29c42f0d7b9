'use client';
import { useTranslations } from 'next-intl';
import { FormStatus } from '@/components/ui/form-status';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';

/**
 * The first code from the app turns the second factor on; the recovery codes then appear here once.
 * The action does not refresh the page, so they stay until the person says they have kept them.
 */
export function EnrolForm({ action }: { action: FormAction }) {
  const t = useTranslations('account');
  const [state, formAction] = useFormAction(action);
  const codes = state.status === 'ok' ? state.data?.recoveryCodes?.split(' ') : undefined;
  if (codes) {
    return (
      <div className="stack">
        <FormStatus state={state} />
        <h3>{t('recoveryTitle')}</h3>
        <p>{t('recoveryIntro')}</p>
        <ul className="recovery-codes" aria-label={t('recoveryTitle')}>
          {codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <a href="/account" className="button primary">
          {t('recoveryDone')}
        </a>
      </div>
    );
  }
  return (
    <form action={formAction} className="stack" noValidate>
      <FormStatus state={state} />
      <TextField state={state} name="code" label={t('enrolCode')} autoComplete="one-time-code" inputMode="numeric" maxLength={12} required />
      <SubmitButton>{t('enrolSubmit')}</SubmitButton>
    </form>
  );
}
