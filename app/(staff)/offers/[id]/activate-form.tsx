'use client';

import { useTranslations } from 'next-intl';
import { FormStatus } from '@/components/ui/form-status';
import { OneTimeLink } from '@/components/ui/one-time-link';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';

/**
 * "Make active": the first time, with where the home is (learned by phone while vetting); then the
 * host's one-time link, shown once, for staff to pass on by phone or Telegram. Once the offer is
 * `active` the form is gone, and only the link it was just given stays.
 */
export function ActivateForm({
  action,
  offerId,
  askPlace,
  active,
}: {
  action: FormAction;
  offerId: string;
  askPlace: boolean;
  active: boolean;
}) {
  const t = useTranslations('offers');
  const [state, formAction] = useFormAction(action);
  const link = state.status === 'ok' && state.data?.invitePath ? `${window.location.origin}${state.data.invitePath}` : null;
  if (active && !link) return null;
  return (
    <form action={formAction} className="stack" noValidate>
      <input type="hidden" name="offerId" value={offerId} />
      <input type="hidden" name="status" value="active" />
      {askPlace && !active ? (
        <>
          <TextField state={state} name="address" label={t('homeAddress')} hint={t('homeAddressHint')} maxLength={300} required />
          <TextField state={state} name="district" label={t('homeDistrict')} maxLength={60} required />
        </>
      ) : null}
      {active ? null : <SubmitButton>{t('moveTo.active')}</SubmitButton>}
      <FormStatus state={state} />
      {link ? (
        <OneTimeLink
          key={link}
          id="host-link"
          link={link}
          label={t('hostLink')}
          hint={t('hostLinkHint')}
          copyLabel={t('copy')}
          copiedLabel={t('copied')}
        />
      ) : null}
    </form>
  );
}
