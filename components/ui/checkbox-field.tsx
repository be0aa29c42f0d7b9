'use client';

import type { FormState } from '@/lib/forms';

/** A checkbox that, after a refused submit, shows what the user had ticked rather than the stored value. */
export function CheckboxField({
  state,
  name,
  label,
  stored,
  id = `field-${name}`,
}: {
  state: FormState;
  name: string;
  label: string;
  stored?: boolean;
  id?: string;
}) {
  const checked = state.values ? state.values[name] === 'on' : Boolean(stored);
  return (
    <div className="checkbox">
      <input type="checkbox" id={id} name={name} defaultChecked={checked} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
