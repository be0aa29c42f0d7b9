'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormStatus } from './form-status';
import { nameFor } from './name-for';
import { SubmitButton } from './submit-button';
import { useFormAction, type FormAction } from './use-form-action';

type Props = {
  action: FormAction;
  fields: Record<string, string>;
  label: string;
  /** What the command acts on, told to assistive technology after the label: a guest, a bed. */
  subject?: string;
  /** When set, the first click asks this question and a second click confirms. */
  confirm?: string;
  className?: string;
};

/** A one-button form for a single command, with an inline confirmation step for destructive ones. */
export function ActionButton({ action, fields, label, subject, confirm, className = 'button' }: Props) {
  const t = useTranslations('common');
  const [state, formAction] = useFormAction(action);
  const [asking, setAsking] = useState(false);
  const hidden = Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);

  if (confirm && !asking) {
    return (
      <div className="action-button">
        <button type="button" className={className} onClick={() => setAsking(true)} aria-label={nameFor(label, subject)}>
          {label}
        </button>
        <FormStatus state={state} />
      </div>
    );
  }
  return (
    <form action={formAction} className="action-button" onSubmit={() => setAsking(false)}>
      {hidden}
      {confirm ? <span className="confirm-question">{confirm}</span> : null}
      <SubmitButton className={confirm ? 'button danger' : className} aria-label={nameFor(confirm ? t('yes') : label, subject)}>
        {confirm ? t('yes') : label}
      </SubmitButton>
      {confirm ? (
        <button type="button" className="button" onClick={() => setAsking(false)} aria-label={nameFor(t('cancel'), subject)}>
          {t('cancel')}
        </button>
      ) : null}
      <FormStatus state={state} />
    </form>
  );
}
