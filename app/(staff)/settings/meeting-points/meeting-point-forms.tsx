'use client';

import { useTranslations } from 'next-intl';
import { ActionButton } from '@/components/ui/action-button';
import { FormStatus } from '@/components/ui/form-status';
import { nameFor } from '@/components/ui/name-for';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { TranslatedNameFields } from '@/components/ui/translated-name-fields';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import type { TranslatedNames } from '@/lib/i18n/translated-name';
import type { MeetingPoint } from '@/lib/meeting-points/points';

type Cities = { id: string; name: string }[];

/** Name (in other languages too), city and coordinates of one point: empty to add one, filled to rename or move it. */
export function MeetingPointFields({
  action,
  point,
  names,
  idPrefix,
  cities,
}: {
  action: FormAction;
  point?: MeetingPoint;
  names?: TranslatedNames;
  idPrefix: string;
  cities: Cities;
}) {
  const t = useTranslations('meetingPoints');
  const [state, formAction] = useFormAction(action);
  return (
    <form action={formAction} className="stack" noValidate>
      {point ? <input type="hidden" name="meetingPointId" value={point.id} /> : null}
      <TextField state={state} id={`${idPrefix}-name`} name="name" label={t('name')} stored={point?.name} maxLength={60} required />
      <TranslatedNameFields state={state} idPrefix={idPrefix} names={names} maxLength={60} />
      {cities.length > 1 ? (
        <SelectField
          state={state}
          id={`${idPrefix}-city`}
          name="cityId"
          label={t('city')}
          stored={point?.cityId ?? ''}
          placeholder={t('chooseCity')}
          options={cities.map((city) => ({ value: city.id, label: city.name }))}
        />
      ) : null}
      <div className="coordinates">
        <TextField
          state={state}
          id={`${idPrefix}-latitude`}
          name="latitude"
          label={t('latitude')}
          stored={point?.latitude}
          inputMode="decimal"
          required
        />
        <TextField
          state={state}
          id={`${idPrefix}-longitude`}
          name="longitude"
          label={t('longitude')}
          stored={point?.longitude}
          inputMode="decimal"
          required
        />
      </div>
      {point ? null : <p className="hint">{t('coordinatesHint')}</p>}
      <FormStatus state={state} />
      <SubmitButton aria-label={nameFor(point ? t('save') : t('add'), point?.name)}>{point ? t('save') : t('add')}</SubmitButton>
    </form>
  );
}

/** Each point with its own form, and a delete that asks first. */
export function MeetingPointList({
  points,
  names,
  save,
  remove,
  cities,
}: {
  points: MeetingPoint[];
  names: Record<string, TranslatedNames>;
  save: FormAction;
  remove: FormAction;
  cities: Cities;
}) {
  const t = useTranslations('meetingPoints');
  if (points.length === 0) return <p className="empty">{t('empty')}</p>;
  return (
    <ul className="stay-list meeting-points">
      {points.map((point) => (
        <li key={point.id} aria-label={point.name}>
          <MeetingPointFields
            key={`${point.name} ${point.cityId} ${point.latitude} ${point.longitude} ${JSON.stringify(names[point.id] ?? {})}`}
            action={save}
            point={point}
            names={names[point.id]}
            idPrefix={`point-${point.id}`}
            cities={cities}
          />
          <ActionButton
            action={remove}
            fields={{ meetingPointId: point.id }}
            label={t('delete')}
            subject={point.name}
            confirm={t('deleteConfirm', { name: point.name })}
          />
        </li>
      ))}
    </ul>
  );
}
