'use client';

import { useTranslations } from 'next-intl';
import { createContext, useContext, useEffect, useState } from 'react';
import { FormStatus } from '@/components/ui/form-status';
import type { FormState } from '@/lib/forms';

const ShowCodes = createContext<(made: FormState) => void>(() => undefined);

/**
 * Holds recovery codes just made (on enrolment, or new ones) and shows them in place of the section's
 * forms until the person says they have kept them.
 */
export function RecoveryCodesPanel({ children }: { children: React.ReactNode }) {
  const t = useTranslations('account');
  // The outcome of the action that made them: its message says what else happened (other sessions ended).
  const [made, setMade] = useState<FormState | null>(null);
  const codes = made?.data?.recoveryCodes?.split(' ');
  if (!made || !codes) return <ShowCodes.Provider value={setMade}>{children}</ShowCodes.Provider>;
  return (
    <div className="stack">
      <FormStatus state={made} />
      <h3>{t('recoveryTitle')}</h3>
      <p>{t('recoveryIntro')}</p>
      <ul className="recovery-codes" aria-label={t('recoveryTitle')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      {/* A full load: the page then shows the factor as it now is, and the codes are gone for good. */}
      <a href="/account" className="button primary">
        {t('recoveryDone')}
      </a>
    </div>
  );
}

/** Hands the codes an action returned to the panel around the form. */
export function useShowRecoveryCodes(state: FormState) {
  const show = useContext(ShowCodes);
  useEffect(() => {
    if (state.status === 'ok' && state.data?.recoveryCodes) show(state);
  }, [state, show]);
}
