'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormStatus } from '@/components/ui/form-status';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';

/**
 * Email and password; then, for an account with a second factor, the code, in the same form. What
 * was typed in the first step stays in this browser (hidden fields), never sent back by the server,
 * and goes again with the code, so the server needs no half-signed-in state.
 */
export function LoginForm({ action }: { action: FormAction }) {
  const t = useTranslations('login');
  // The language this page is shown in, posted with the form: the language after sign-in.
  const shown = <input type="hidden" name="shownLocale" value={useLocale()} />;
  const [state, formAction] = useFormAction(action);
  const [typed, setTyped] = useState({ email: '', password: '' });
  const codeStep = state.data?.step === 'code';
  const remember = (form: HTMLFormElement) => {
    const data = new FormData(form);
    if (!codeStep) setTyped({ email: String(data.get('email') ?? ''), password: String(data.get('password') ?? '') });
  };
  if (codeStep) {
    return (
      <form action={formAction} className="stack" noValidate onSubmit={(event) => remember(event.currentTarget)}>
        <FormStatus state={state} />
        <p>{t('codeIntro', { email: typed.email })}</p>
        <input type="hidden" name="email" value={typed.email} />
        <input type="hidden" name="password" value={typed.password} />
        {shown}
        <TextField
          state={state}
          name="code"
          label={t('code')}
          hint={t('codeHint')}
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={40}
          required
          autoFocus
        />
        <SubmitButton>{t('verify')}</SubmitButton>
        <a href="/login" className="small">
          {t('startOver')}
        </a>
      </form>
    );
  }
  return (
    <form action={formAction} className="stack" noValidate onSubmit={(event) => remember(event.currentTarget)}>
      <FormStatus state={state} />
      {shown}
      <TextField state={state} name="email" label={t('email')} type="email" autoComplete="username" required inputMode="email" />
      <TextField state={state} name="password" label={t('password')} type="password" autoComplete="current-password" required />
      <SubmitButton>{t('submit')}</SubmitButton>
    </form>
  );
}
