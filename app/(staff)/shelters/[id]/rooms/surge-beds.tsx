'use client';

import { useTranslations } from 'next-intl';
import { ActionButton } from '@/components/ui/action-button';
import { FormStatus } from '@/components/ui/form-status';
import { nameFor } from '@/components/ui/name-for';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { SURGE_KINDS } from '@/db/schema/enums';
import type { RoomsPage } from '@/lib/shelters/rooms-page';

type Room = RoomsPage['rooms'][number];
type Actions = { add: FormAction; end: FormAction; remove: FormAction };

/**
 * A room's surge beds (decision 0026): the form that lays some out for chosen nights, and each one to
 * come or in place, to end early or, never booked, to remove after a confirmation.
 */
export function SurgeBeds({ room, tonight, lastDay, actions }: { room: Room; tonight: string; lastDay: string; actions: Actions }) {
  const t = useTranslations('rooms');
  const [addState, addAction] = useFormAction(actions.add);
  return (
    <details className="surge-beds">
      <summary>
        {t('surgeTitle')} ({room.surgeBeds.length})
      </summary>
      <p className="hint">{t('surgeHint')}</p>
      {room.surgeBeds.length > 0 ? (
        <ul className="bed-rows">
          {room.surgeBeds.map((bed) => (
            <SurgeRow key={bed.id} bed={bed} roomName={room.localName} tonight={tonight} actions={actions} />
          ))}
        </ul>
      ) : null}
      <form action={addAction} className="inline-form" noValidate aria-label={t('addSurgeTo', { room: room.localName })}>
        <input type="hidden" name="roomId" value={room.id} />
        <TextField
          state={addState}
          id={`surge-count-${room.id}`}
          name="count"
          label={t('surgeCount')}
          type="number"
          min={1}
          max={20}
          stored={1}
          inputMode="numeric"
        />
        <SelectField
          state={addState}
          id={`surge-kind-${room.id}`}
          name="kind"
          label={t('surgeKind')}
          stored="mat"
          options={SURGE_KINDS.map((kind) => ({ value: kind, label: t(`surgeKinds.${kind}`) }))}
        />
        <TextField
          state={addState}
          id={`surge-label-${room.id}`}
          name="label"
          label={t('surgeLabel')}
          hint={t('surgeLabelHint')}
          stored={t('surgeKinds.mat')}
          maxLength={24}
          required
        />
        <TextField
          state={addState}
          id={`surge-first-${room.id}`}
          name="firstNight"
          label={t('surgeFirst')}
          type="date"
          min={tonight}
          max={lastDay}
          stored={tonight}
          required
        />
        <TextField
          state={addState}
          id={`surge-last-${room.id}`}
          name="lastNight"
          label={t('surgeLast')}
          type="date"
          min={tonight}
          max={lastDay}
          stored={tonight}
          required
        />
        <SubmitButton className="button" aria-label={nameFor(t('addSurge'), room.localName)}>
          {t('addSurge')}
        </SubmitButton>
        <FormStatus state={addState} />
      </form>
    </details>
  );
}

function SurgeRow({
  bed,
  roomName,
  tonight,
  actions,
}: {
  bed: Room['surgeBeds'][number];
  roomName: string;
  tonight: string;
  actions: Actions;
}) {
  const t = useTranslations('rooms');
  const [endState, endAction] = useFormAction(actions.end);
  const name = t('surgeBedName', { room: roomName, bed: bed.label });
  const night = (value: string) => new Date(`${value}T12:00:00Z`);
  return (
    <li className="bed-row" aria-label={name}>
      <div className="bed-row-head">
        <strong>{name}</strong>
        <span className="tile-state">{t(`surgeKinds.${bed.kind}`)}</span>
        <span className="muted">{t('surgeNights', { first: night(bed.firstNight), last: night(bed.lastNight) })}</span>
      </div>
      <details className="bed-row-actions">
        <summary>{t('editBed', { bed: bed.label })}</summary>
        <form action={endAction} className="inline-form compact" noValidate>
          <input type="hidden" name="bedId" value={bed.id} />
          <TextField
            state={endState}
            id={`surge-end-${bed.id}`}
            name="lastNight"
            label={t('endSurgeAfter')}
            type="date"
            min={bed.firstNight > tonight ? bed.firstNight : tonight}
            max={bed.lastNight}
            stored={bed.lastNight}
            required
          />
          <SubmitButton className="button" aria-label={nameFor(t('endSurge'), name)}>
            {t('endSurge')}
          </SubmitButton>
          <FormStatus state={endState} />
        </form>
        {bed.everUsed ? null : (
          <ActionButton
            action={actions.remove}
            fields={{ bedId: bed.id }}
            label={t('removeSurge')}
            subject={name}
            confirm={t('removeSurgeConfirm', { bed: name })}
          />
        )}
      </details>
    </li>
  );
}
