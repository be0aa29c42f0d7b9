'use client';

import { useTranslations } from 'next-intl';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { FormStatus } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { TranslatedNameFields } from '@/components/ui/translated-name-fields';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { ROOM_KINDS } from '@/db/schema/enums';

export function AddRoomForm({ action, shelterId }: { action: FormAction; shelterId: string }) {
  const t = useTranslations('rooms');
  const kinds = useTranslations('roomKinds');
  const [state, formAction] = useFormAction(action);
  return (
    <form action={formAction} className="stack" noValidate>
      <input type="hidden" name="shelterId" value={shelterId} />
      <TextField state={state} id="new-room-name" name="name" label={t('roomName')} maxLength={60} required />
      <TranslatedNameFields state={state} idPrefix="new-room" maxLength={60} />
      <SelectField
        state={state}
        id="new-room-kind"
        name="kind"
        label={t('kind')}
        placeholder={t('chooseKind')}
        options={ROOM_KINDS.map((kind) => ({ value: kind, label: kinds(kind) }))}
      />
      <CheckboxField state={state} id="new-room-accessible" name="accessible" label={t('accessible')} />
      <TextField
        state={state}
        id="new-room-beds"
        name="beds"
        label={t('bedCount')}
        type="number"
        min={0}
        max={50}
        stored={4}
        inputMode="numeric"
      />
      <SubmitButton>{t('addRoom')}</SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
