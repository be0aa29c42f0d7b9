'use client';

import { fieldValue, type FormState } from '@/lib/forms';
import { describedBy, FieldError, hintId } from './field-error';

type Props = {
  state: FormState;
  name: string;
  label: string;
  stored?: string | number | null;
  hint?: string;
  multiline?: boolean;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'name' | 'defaultValue'>;

export function TextField({ state, name, label, stored, hint, multiline, type = 'text', id: givenId, ...rest }: Props) {
  const id = givenId ?? `field-${name}`;
  const value = fieldValue(state, name, stored);
  const described = describedBy(state, name, id, Boolean(hint));
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId(id)}>
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea id={id} name={name} defaultValue={value} rows={3} maxLength={rest.maxLength} {...described} />
      ) : (
        <input id={id} name={name} type={type} defaultValue={value} {...rest} {...described} />
      )}
      <FieldError state={state} name={name} inputId={id} />
    </div>
  );
}
