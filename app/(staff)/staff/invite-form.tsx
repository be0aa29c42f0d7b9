'use client';

import { useTranslations } from 'next-intl';
import { CheckboxGroup } from '@/components/ui/checkbox-group';
import { FormStatus } from '@/components/ui/form-status';
import { OneTimeLink } from '@/components/ui/one-time-link';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { ROLES } from '@/db/schema/enums';

type Option = { id: string; name: string };

/** `allCities`: whether the inviter may leave every city box empty (an admin of all cities). */
export function InviteForm({
  action,
  shelters,
  cities,
  allCities,
}: {
  action: FormAction;
  shelters: Option[];
  cities: Option[];
  allCities: boolean;
}) {
  const t = useTranslations('staff');
  const roles = useTranslations('roles');
  const [state, formAction] = useFormAction(action);
  const link = state.status === 'ok' && state.data?.invitePath ? `${window.location.origin}${state.data.invitePath}` : null;
  return (
    <form action={formAction} className="stack" noValidate>
      <TextField state={state} id="invite-email" name="email" label={t('email')} type="email" autoComplete="off" maxLength={254} required />
      <SelectField
        state={state}
        id="invite-role"
        name="role"
        label={t('role')}
        stored="host"
        options={ROLES.map((role) => ({ value: role, label: roles(role) }))}
      />
      <CheckboxGroup
        state={state}
        name="shelterIds"
        legend={t('hostShelters')}
        stored={[]}
        options={shelters.map((s) => ({ value: s.id, label: s.name }))}
      />
      <CheckboxGroup
        state={state}
        name="cityIds"
        legend={allCities ? t('citiesNoneIsAll') : t('citiesPickYours')}
        stored={[]}
        options={cities.map((c) => ({ value: c.id, label: c.name }))}
      />
      <SubmitButton>{t('invite')}</SubmitButton>
      <FormStatus state={state} />
      {link ? (
        <OneTimeLink
          key={link}
          id="invite-link"
          link={link}
          label={t('linkLabel')}
          hint={t('linkHint')}
          copyLabel={t('copy')}
          copiedLabel={t('copied')}
        />
      ) : null}
    </form>
  );
}
