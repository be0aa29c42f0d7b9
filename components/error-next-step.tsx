'use client';

import { useTranslations } from 'next-intl';
import { useSyncExternalStore } from 'react';
import Link from '@/components/link';
import type { Role } from '@/db/schema/enums';
import { anyDraft } from '@/lib/households/draft';

const noChanges = () => () => undefined;

/** Whether an unsent intake is kept on this device; the server never knows, so it renders none. */
function useDraftKept(): boolean {
  return useSyncExternalStore(
    noChanges,
    () => anyDraft(localStorage, Date.now()),
    () => false,
  );
}

/**
 * What to do after an unexpected failure, worded for whoever reads it: a guide is told their intake
 * is kept, a host where to go back to, an admin where the error is recorded, someone signed out to
 * sign in. The error itself is never shown (no stack, no SQL).
 */
export function ErrorNextStep({ role, reset }: { role: Role | null; reset: () => void }) {
  const t = useTranslations('errorPage');
  const draftKept = useDraftKept();
  const retry = (
    <button type="button" className="button" onClick={reset}>
      {t('retry')}
    </button>
  );
  if (draftKept && role !== 'host') {
    return (
      <>
        <p>{t('draftKept')}</p>
        <p className="row">
          <Link href="/arrivals/new" className="button primary">
            {t('backToForm')}
          </Link>
          {retry}
        </p>
      </>
    );
  }
  const step = role ?? 'signedOut';
  const back = {
    guide: ['/arrivals', 'backToArrivals'],
    host: ['/shelters', 'backToShelters'],
    admin: ['/occupancy', 'backToOverview'],
    signedOut: ['/login', 'signIn'],
  }[step];
  return (
    <>
      <p>{t(`next.${step}`)}</p>
      <p className="row">
        <Link href={back[0]} className="button primary">
          {t(back[1])}
        </Link>
        {retry}
      </p>
    </>
  );
}
