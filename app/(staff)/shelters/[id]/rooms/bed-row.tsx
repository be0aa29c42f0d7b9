'use client';

import { useTranslations } from 'next-intl';
import { ActionButton } from '@/components/ui/action-button';
import { FormStatus } from '@/components/ui/form-status';
import { nameFor } from '@/components/ui/name-for';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import type { BoardBed } from '@/lib/shelters/board';

type Actions = { rename: FormAction; outOfService: FormAction; backInService: FormAction; remove: FormAction };

/** A bed as its editor needs it: no word of who holds it. */
export type EditableBed = Omit<BoardBed, 'holder' | 'surge'>;

export function BedRow({ bed, roomName, actions }: { bed: EditableBed; roomName: string; actions: Actions }) {
  const t = useTranslations('rooms');
  const board = useTranslations('board');
  const [renameState, renameAction] = useFormAction(actions.rename);
  const [serviceState, serviceAction] = useFormAction(actions.outOfService);
  const name = t('bedName', { room: roomName, bed: bed.label });
  return (
    <li className={`bed-row tile-${bed.state}`} aria-label={name}>
      <div className="bed-row-head">
        <strong>{name}</strong>
        <span className="tile-state">{board(`state.${bed.state}`)}</span>
        {bed.outOfServiceReason ? <span className="muted">— {bed.outOfServiceReason}</span> : null}
      </div>
      <details className="bed-row-actions">
        <summary>{t('editBed', { bed: bed.label })}</summary>
        <form action={renameAction} className="inline-form compact" noValidate>
          <input type="hidden" name="bedId" value={bed.id} />
          <TextField
            state={renameState}
            id={`label-${bed.id}`}
            name="label"
            label={t('bedLabel')}
            stored={bed.label}
            maxLength={30}
            required
          />
          <SubmitButton className="button" aria-label={nameFor(t('rename'), name)}>
            {t('rename')}
          </SubmitButton>
          <FormStatus state={renameState} />
        </form>
        {bed.state === 'out_of_service' ? (
          <ActionButton action={actions.backInService} fields={{ bedId: bed.id }} label={t('backInService')} subject={name} />
        ) : (
          <form action={serviceAction} className="inline-form compact" noValidate>
            <input type="hidden" name="bedId" value={bed.id} />
            <TextField
              state={serviceState}
              id={`reason-${bed.id}`}
              name="reason"
              label={t('outOfServiceReason')}
              maxLength={120}
              required
            />
            <SubmitButton className="button" aria-label={nameFor(t('takeOutOfService'), name)}>
              {t('takeOutOfService')}
            </SubmitButton>
            <FormStatus state={serviceState} />
          </form>
        )}
        {bed.everUsed ? null : (
          <ActionButton
            action={actions.remove}
            fields={{ bedId: bed.id }}
            label={t('removeBed')}
            subject={name}
            confirm={t('removeBedConfirm', { bed: name })}
          />
        )}
      </details>
    </li>
  );
}
