'use client';

import type { FormState } from '@/lib/forms';
import { FieldError } from './field-error';

type Props = {
  state: FormState;
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  stored: string[];
  idPrefix?: string;
};

/** Posted as `name[]`, so the action receives a list even when one box is ticked. */
export function CheckboxGroup({ state, name, legend, options, stored, idPrefix = name }: Props) {
  const typed = state.values ? state.values[name] : undefined;
  const chosen = state.values ? (Array.isArray(typed) ? typed : []) : stored;
  return (
    <fieldset className="checkbox-group">
      <legend>{legend}</legend>
      {options.map((option) => (
        <div className="checkbox" key={option.value}>
          <input
            type="checkbox"
            id={`${idPrefix}-${option.value}`}
            name={`${name}[]`}
            value={option.value}
            defaultChecked={chosen.includes(option.value)}
          />
          <label htmlFor={`${idPrefix}-${option.value}`}>{option.label}</label>
        </div>
      ))}
      <FieldError state={state} name={name} inputId={idPrefix} />
    </fieldset>
  );
}
