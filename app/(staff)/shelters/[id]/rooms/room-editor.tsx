'use client';

import { useTranslations } from 'next-intl';
import { ActionButton } from '@/components/ui/action-button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { FormStatus } from '@/components/ui/form-status';
import { nameFor } from '@/components/ui/name-for';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { ROOM_KINDS, type RoomKind } from '@/db/schema/enums';
import type { RoomNames } from '@/lib/shelters/room-names';
import { RoomNamesForm } from './room-names-form';

type Room = { id: string; name: string; kind: RoomKind; accessible: boolean; bedCount: number };

type Actions = { edit: FormAction; editNames: FormAction; addBeds: FormAction; remove: FormAction };

export function RoomEditor({ room, names, actions }: { room: Room; names: RoomNames; actions: Actions }) {
  const t = useTranslations('rooms');
  const kinds = useTranslations('roomKinds');
  const [editState, editAction] = useFormAction(actions.edit);
  const [bedsState, bedsAction] = useFormAction(actions.addBeds);
  return (
    <div className="room-editor">
      <details>
        <summary>{t('editRoomSummary')}</summary>
        <form action={editAction} className="inline-form" noValidate aria-label={t('editRoom', { room: room.name })}>
          <input type="hidden" name="roomId" value={room.id} />
          <TextField
            state={editState}
            id={`name-${room.id}`}
            name="name"
            label={t('roomName')}
            stored={room.name}
            maxLength={60}
            required
          />
          <SelectField
            state={editState}
            id={`kind-${room.id}`}
            name="kind"
            label={t('kind')}
            stored={room.kind}
            options={ROOM_KINDS.map((kind) => ({ value: kind, label: kinds(kind) }))}
          />
          <CheckboxField
            state={editState}
            id={`accessible-${room.id}`}
            name="accessible"
            label={t('accessible')}
            stored={room.accessible}
          />
          <SubmitButton className="button" aria-label={nameFor(t('saveRoom'), room.name)}>
            {t('saveRoom')}
          </SubmitButton>
          <FormStatus state={editState} />
        </form>
        <RoomNamesForm room={room} names={names} action={actions.editNames} />
        {room.bedCount === 0 ? (
          <ActionButton
            action={actions.remove}
            fields={{ roomId: room.id }}
            label={t('removeRoom')}
            subject={room.name}
            confirm={t('removeRoomConfirm', { room: room.name })}
          />
        ) : null}
      </details>
      <form action={bedsAction} className="inline-form" noValidate aria-label={t('addBedsTo', { room: room.name })}>
        <input type="hidden" name="roomId" value={room.id} />
        <TextField
          state={bedsState}
          id={`count-${room.id}`}
          name="count"
          label={t('bedsToAdd')}
          type="number"
          min={1}
          max={50}
          stored={1}
          inputMode="numeric"
        />
        <SubmitButton className="button" aria-label={nameFor(t('addBeds'), room.name)}>
          {t('addBeds')}
        </SubmitButton>
        <FormStatus state={bedsState} />
      </form>
    </div>
  );
}
