'use client';

import { fieldValue, type FormState } from '@/lib/forms';
import { describedBy, FieldError } from './field-error';

type Props = {
  state: FormState;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  stored?: string | null;
  id?: string;
  /** An empty first choice, so nothing is picked for the user by accident. */
  placeholder?: string;
};

export function SelectField({ state, name, label, options, stored, id = `field-${name}`, placeholder }: Props) {
  const value = fieldValue(state, name, stored);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {/* React ignores a new defaultValue on a mounted <select>, and resets the form after an action:
          keying on the value remounts it, so a refused form keeps the user's choice. */}
      <select key={value} id={id} name={name} defaultValue={value} {...describedBy(state, name, id)}>
        {placeholder ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError state={state} name={name} inputId={id} />
    </div>
  );
}
