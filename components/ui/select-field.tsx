'use client';
import { fieldValue, type FormState } from '@/lib/forms';
import { errorProps, FieldError } from './field-error';

type Props = {
  state: FormState;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  stored?: string | null;
  id?: string;
};

export function SelectField({ state, name, label, options, stored, id = `field-${name}` }: Props) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={fieldValue(state, name, stored)} {...errorProps(state, name)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError state={state} name={name} />
    </div>
  );
}
