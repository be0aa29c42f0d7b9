'use client';

import { useTranslations } from 'next-intl';
import { FormStatus } from '@/components/ui/form-status';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { LinkPanel, type Handover } from './link-panel';

/**
 * The link of a request made on the public form, when the household lost it: a guide issues a new one
 * (the old one stops working at once) and hands it over as a stay's link, shown once.
 */
export function RequestLink({ arrivalId, alias, action }: { arrivalId: string; alias: string; action: FormAction }) {
  const t = useTranslations('link');
  const [state, formAction] = useFormAction(action);
  const handover = state.status === 'ok' && state.data?.url ? (state.data as unknown as Handover) : null;
  return (
    <>
      <section className="card" aria-labelledby="request-link-title">
        <h2 id="request-link-title">{t('requestTitle')}</h2>
        <p className="hint">{t('requestHint')}</p>
        <form action={formAction}>
          <input type="hidden" name="arrivalId" value={arrivalId} />
          <SubmitButton className="button">{t('newRequestLink')}</SubmitButton>
        </form>
        <FormStatus state={state} />
      </section>
      {handover ? <LinkPanel handover={handover} alias={alias} id="new-request-link" /> : null}
    </>
  );
}
