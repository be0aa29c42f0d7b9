'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { FormStatus } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { formDataToObject, idleState, type FormState } from '@/lib/forms';
import { clearDraft, newIntakeKey, readDraft, saveDraft } from '@/lib/households/draft';
import { ArrivalQuestion } from './arrival-question';
import { LanguageBoxes } from './language-boxes';
import { sendKeepingValues } from './send';

type Props = {
  action: FormAction;
  /** Now on the clock of the preselected city (the network's when there is none): the arrival time's prefill. */
  arrivedAtDefault: string;
  /** The guide's own id: drafts on a shared browser are kept apart per person. */
  userId: string;
  /** Every language, the ones the network's guides tick most first; the first few are shown at once. */
  languages: string[];
  shownLanguages: number;
  /** The points in the guide's cities; the form offers those of the city chosen. */
  meetingPoints: { id: string; name: string; cityId: string | null }[];
  /** Cities the guide may register people in (each with now on its clock), every city as a destination, and the one to preselect. */
  cities: { here: { id: string; name: string; now: string }[]; there: { id: string; name: string }[]; preselected?: string };
};

/**
 * Intake in seconds: an alias, then one tap for the common single adult, or counts, languages and needs.
 * A send that fails keeps every value and says why next to the button; a draft survives a reload.
 */
export function IntakeForm({ action, arrivedAtDefault, userId, languages, shownLanguages, meetingPoints, cities }: Props) {
  const t = useTranslations('intake');
  const [state, formAction] = useFormAction(useMemo(() => sendKeepingValues(action, userId), [action, userId]));
  const form = useRef<HTMLFormElement>(null);
  // The draft restored after a reload, and the state a discard set aside: both decide what the fields show.
  const [restored, setRestored] = useState<FormState>(idleState);
  const [discarded, setDiscarded] = useState<FormState | null>(null);
  const [intakeKey, setIntakeKey] = useState('');
  const [generation, setGeneration] = useState(0);
  const [asking, setAsking] = useState(false);
  // The city picked on the form: its clock names and prefills the times below.
  const [pickedCity, setPickedCity] = useState<string | undefined>();

  useEffect(() => {
    const draft = readDraft(localStorage, userId, Date.now());
    // Restoring from storage can only happen after mount: the server has no localStorage to render from.
    /* eslint-disable react-hooks/set-state-in-effect */
    setIntakeKey(draft?.intakeKey ?? newIntakeKey());
    if (draft) {
      setRestored({ status: 'idle', values: draft.values });
      setGeneration((n) => n + 1);
    }
    /* eslint-enable react-hooks/set-state-in-effect */
  }, [userId]);

  const current = state === discarded ? restored : state.values ? state : { ...state, values: restored.values };
  const cityOf = (id: unknown) => cities.here.find((city) => city.id === id);
  const city = cityOf(pickedCity ?? current.values?.cityId ?? cities.preselected);
  const points = city ? meetingPoints.filter((point) => point.cityId === null || point.cityId === city.id) : meetingPoints;
  const clock = city ? t('clockOf', { city: city.name }) : cities.here.length > 0 ? t('clockUnchosen') : t('clockLocal');
  const keep = () => {
    if (form.current && intakeKey)
      saveDraft(localStorage, userId, { savedAt: Date.now(), intakeKey, values: formDataToObject(new FormData(form.current)) });
  };
  const changed = (event: FormEvent<HTMLFormElement>) => {
    const field = event.target as HTMLSelectElement;
    if (field.name === 'cityId') {
      // A prefilled time left as it was becomes now on the new city's clock; a time the guide typed stays.
      const arrivedAt = form.current?.elements.namedItem('arrivalTime') as HTMLInputElement | null;
      const next = cityOf(field.value);
      if (arrivedAt && next && arrivedAt.value === (city?.now ?? arrivedAtDefault)) arrivedAt.value = next.now;
      setPickedCity(field.value);
    }
    keep();
  };
  const discard = () => {
    clearDraft(localStorage, userId);
    setIntakeKey(newIntakeKey());
    setRestored(idleState);
    setDiscarded(state);
    setPickedCity(undefined);
    setGeneration((n) => n + 1);
    setAsking(false);
  };
  const failedSend = state !== discarded && state.data?.sendFailed;
  const failure = (
    <div className="send-failure" role="alert">
      <p className="form-status error">
        {t(failedSend === 'offline' ? 'sendOffline' : failedSend === 'dropped' ? 'sendDropped' : 'sendFailed')}
      </p>
      <SubmitButton>{t('sendAgain')}</SubmitButton>
    </div>
  );
  const count = (name: string, label: string) => (
    <TextField state={current} name={name} label={label} type="number" min={0} max={30} placeholder="0" inputMode="numeric" />
  );
  const sentFromQuick = state.data?.sentFrom === 'quick';

  return (
    <form key={generation} ref={form} action={formAction} onChange={changed} className="stack" noValidate>
      <input type="hidden" name="intakeKey" value={intakeKey} />
      <TextField
        state={current}
        name="alias"
        label={t('alias')}
        hint={t('aliasHint')}
        maxLength={40}
        autoComplete="off"
        required
        autoFocus
      />
      <div className="quick-intake row">
        <SubmitButton name="composition" value="man" className="button primary">
          {t('quickMan')}
        </SubmitButton>
        <SubmitButton name="composition" value="woman" className="button primary">
          {t('quickWoman')}
        </SubmitButton>
      </div>
      {failedSend && sentFromQuick ? failure : null}
      <fieldset>
        <legend>{t('who')}</legend>
        <div className="row">
          {count('adultMen', t('adultMen'))}
          {count('adultWomen', t('adultWomen'))}
          {count('children', t('children'))}
        </div>
      </fieldset>
      <LanguageBoxes state={current} languages={languages} shown={shownLanguages} />
      {cities.there.length > 1 ? (
        <div className="row">
          <SelectField
            state={current}
            name="cityId"
            label={t('city')}
            stored={cities.preselected}
            placeholder={cities.preselected ? undefined : t('chooseCity')}
            options={cities.here.map((city) => ({ value: city.id, label: city.name }))}
          />
          <SelectField
            state={current}
            name="destinationCityId"
            label={t('destinationCity')}
            placeholder={t('destinationNone')}
            options={cities.there.map((city) => ({ value: city.id, label: city.name }))}
          />
        </div>
      ) : null}
      {points.length > 0 ? (
        <SelectField
          state={current}
          name="meetingPointId"
          label={t('meetingPoint')}
          placeholder={t('meetingPointNone')}
          options={points.map((p) => ({ value: p.id, label: p.name }))}
        />
      ) : null}
      <fieldset>
        <legend>{t('needs')}</legend>
        <CheckboxField state={current} name="needsWheelchair" label={t('needsWheelchair')} />
        <CheckboxField state={current} name="hasPet" label={t('hasPet')} />
        <TextField state={current} name="needNote" label={t('needNote')} hint={t('needNoteHint')} maxLength={300} multiline />
      </fieldset>
      <TextField state={current} name="contact" label={t('contact')} hint={t('contactHint')} maxLength={100} autoComplete="off" />
      <ArrivalQuestion state={current} clock={clock} now={arrivedAtDefault} />
      <TextField
        state={current}
        name="nightsWanted"
        label={t('nightsWanted')}
        hint={t('nightsWantedHint')}
        type="number"
        min={1}
        max={90}
        inputMode="numeric"
      />
      {failedSend ? sentFromQuick ? null : failure : current.data?.arrivalMoved ? null : <FormStatus state={current} />}
      <SubmitButton>{t('submit')}</SubmitButton>
      <p className="muted">{t('draftKept')}</p>
      {asking ? (
        <div className="action-button">
          <span className="confirm-question">{t('discardConfirm')}</span>
          <button type="button" className="button danger" onClick={discard}>
            {t('discardYes')}
          </button>
          <button type="button" className="button" onClick={() => setAsking(false)}>
            {t('keepDraft')}
          </button>
        </div>
      ) : (
        <button type="button" className="button" onClick={() => setAsking(true)}>
          {t('discardDraft')}
        </button>
      )}
    </form>
  );
}
