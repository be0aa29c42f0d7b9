'use client';
import { useTranslations } from 'next-intl';
import { CheckboxGroup } from '@/components/ui/checkbox-group';
import { FormStatus } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { ROLES, type Role } from '@/db/schema/enums';

type Props = { action: FormAction; user: { id: string; role: Role; shelterIds: string[] }; shelters: { id: string; name: string }[] };

export function RoleForm({ action, user, shelters }: Props) {
  const t = useTranslations('staff');
  const roles = useTranslations('roles');
  const [state, formAction] = useFormAction(action);
  return (
    <form action={formAction} className="stack" noValidate>
      <input type="hidden" name="userId" value={user.id} />
      <SelectField state={state} id={`role-${user.id}`} name="role" label={t('role')} stored={user.role} options={ROLES.map((role) => ({ value: role, label: roles(role) }))} />
      <CheckboxGroup state={state} name="shelterIds" idPrefix={`shelters-${user.id}`} legend={t('hostShelters')} stored={user.shelterIds} options={shelters.map((s) => ({ value: s.id, label: s.name }))} />
      <SubmitButton className="button">{t('saveRole')}</SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
