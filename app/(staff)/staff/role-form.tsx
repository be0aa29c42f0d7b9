'use client';

import { useTranslations } from 'next-intl';
import { CheckboxGroup } from '@/components/ui/checkbox-group';
import { FormStatus } from '@/components/ui/form-status';
import { nameFor } from '@/components/ui/name-for';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { ROLES, type Role } from '@/db/schema/enums';

type Option = { id: string; name: string };
type Props = {
  action: FormAction;
  user: { id: string; name: string; role: Role; shelterIds: string[]; cityIds: string[] };
  shelters: Option[];
  cities: Option[];
  /** Whether the admin may leave every city box empty (an admin of all cities). */
  allCities: boolean;
};

export function RoleForm({ action, user, shelters, cities, allCities }: Props) {
  const t = useTranslations('staff');
  const roles = useTranslations('roles');
  const [state, formAction] = useFormAction(action);
  return (
    <form action={formAction} className="stack" noValidate>
      <input type="hidden" name="userId" value={user.id} />
      <SelectField
        state={state}
        id={`role-${user.id}`}
        name="role"
        label={t('role')}
        stored={user.role}
        options={ROLES.map((role) => ({ value: role, label: roles(role) }))}
      />
      <CheckboxGroup
        state={state}
        name="shelterIds"
        idPrefix={`shelters-${user.id}`}
        legend={t('hostShelters')}
        stored={user.shelterIds}
        options={shelters.map((s) => ({ value: s.id, label: s.name }))}
      />
      <CheckboxGroup
        state={state}
        name="cityIds"
        idPrefix={`cities-${user.id}`}
        legend={allCities ? t('citiesNoneIsAll') : t('citiesPickYours')}
        stored={user.cityIds}
        options={cities.map((c) => ({ value: c.id, label: c.name }))}
      />
      <SubmitButton className="button" aria-label={nameFor(t('saveRole'), user.name)}>
        {t('saveRole')}
      </SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
