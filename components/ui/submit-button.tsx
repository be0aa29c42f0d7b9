'use client';

import { useFormStatus } from 'react-dom';

export function SubmitButton({ children, className = 'button primary', ...rest }: React.ButtonHTMLAttributes<HTMLButtonElement>) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending || rest.disabled} aria-busy={pending} {...rest}>
      {children}
    </button>
  );
}
