'use client';

import { clearDraft } from '@/lib/households/draft';

/** Signing out also deletes this person's unsent intake from the device: a household's details stay no longer than needed. */
export function SignOutForm({ action, userId, label }: { action: () => Promise<void>; userId: string; label: string }) {
  return (
    <form action={action} onSubmit={() => clearDraft(localStorage, userId)}>
      <button type="submit" className="link-button">
        {label}
      </button>
    </form>
  );
}
