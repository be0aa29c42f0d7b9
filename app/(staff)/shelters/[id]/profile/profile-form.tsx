'use client';

import { useTranslations } from 'next-intl';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { CheckboxGroup } from '@/components/ui/checkbox-group';
import { FormStatus } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { SHELTER_STATUSES, TEXT_LOCALES } from '@/db/schema/enums';
import { AMENITIES, LANGUAGES, TIME_ZONES } from '@/lib/validation/shelter-options';

export type ProfileValues = {
  id: string;
  name: string;
  district: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  phone: string | null;
  telegram: string | null;
  whatsapp: string | null;
  languages: string[];
  amenities: string[];
  acceptsFamilies: boolean;
  acceptsPets: boolean;
  wheelchairAccessible: boolean;
  listedPublicly: boolean;
  checkInFrom: string;
  checkInUntil: string;
  holdHours: number;
  usualNights: number;
  longestNights: number | null;
  checkOutBy: string;
  timeZone: string;
  status: string;
  cityId: string | null;
  texts: Record<string, { directions: string; houseRules: string; whatToBring: string } | undefined>;
};

type CityOption = { id: string; name: string; timeZone: string };

/** The usual zones, the shelter's own and its cities': a city may keep a zone outside the usual list. */
const zonesFor = (shelter: ProfileValues, cities: CityOption[]) => [
  ...new Set([...TIME_ZONES, shelter.timeZone, ...cities.map((city) => city.timeZone)]),
];

export function ProfileForm({
  action,
  shelter,
  cities,
  chooseCity,
}: {
  action: FormAction;
  shelter: ProfileValues;
  cities: CityOption[];
  chooseCity: boolean;
}) {
  const t = useTranslations('profile');
  const statuses = useTranslations('status');
  const languageNames = useTranslations('languages');
  const amenityNames = useTranslations('amenities');
  const publicList = useTranslations('publicList');
  const [state, formAction] = useFormAction(action);
  return (
    <form action={formAction} className="stack profile-form" noValidate>
      <input type="hidden" name="shelterId" value={shelter.id} />
      <FormStatus state={state} />
      <fieldset>
        <legend>{t('basics')}</legend>
        <TextField state={state} name="name" label={t('name')} stored={shelter.name} maxLength={100} required />
        <TextField
          state={state}
          name="district"
          label={t('district')}
          hint={t('districtHint')}
          stored={shelter.district}
          maxLength={60}
          required
        />
        <SelectField
          state={state}
          name="status"
          label={t('status')}
          stored={shelter.status}
          options={SHELTER_STATUSES.map((s) => ({ value: s, label: statuses(s) }))}
        />
        {chooseCity ? (
          <SelectField
            state={state}
            name="cityId"
            label={t('city')}
            stored={shelter.cityId}
            placeholder={shelter.cityId ? undefined : t('cityNone')}
            options={cities.map((city) => ({ value: city.id, label: city.name }))}
          />
        ) : (
          <p>
            <span className="muted">{t('city')}:</span> {cities.find((city) => city.id === shelter.cityId)?.name ?? t('cityNone')}
          </p>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('location')}</legend>
        <p className="hint">{t('privateHint')}</p>
        <TextField state={state} name="address" label={t('address')} stored={shelter.address} maxLength={300} multiline />
        <div className="row">
          <TextField state={state} name="latitude" label={t('latitude')} stored={shelter.latitude} inputMode="decimal" />
          <TextField state={state} name="longitude" label={t('longitude')} stored={shelter.longitude} inputMode="decimal" />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('contacts')}</legend>
        <TextField state={state} name="phone" label={t('phone')} stored={shelter.phone} type="tel" maxLength={40} />
        <TextField state={state} name="telegram" label={t('telegram')} stored={shelter.telegram} maxLength={60} />
        <TextField state={state} name="whatsapp" label={t('whatsapp')} stored={shelter.whatsapp} type="tel" maxLength={40} />
      </fieldset>
      <CheckboxGroup
        state={state}
        name="languages"
        legend={t('languages')}
        stored={shelter.languages}
        options={LANGUAGES.map((l) => ({ value: l, label: languageNames(l) }))}
      />
      <CheckboxGroup
        state={state}
        name="amenities"
        legend={t('amenities')}
        stored={shelter.amenities}
        options={AMENITIES.map((a) => ({ value: a, label: amenityNames(a) }))}
      />
      <fieldset>
        <legend>{t('policies')}</legend>
        <CheckboxField state={state} name="acceptsFamilies" label={t('acceptsFamilies')} stored={shelter.acceptsFamilies} />
        <CheckboxField state={state} name="acceptsPets" label={t('acceptsPets')} stored={shelter.acceptsPets} />
        <CheckboxField state={state} name="wheelchairAccessible" label={t('wheelchairAccessible')} stored={shelter.wheelchairAccessible} />
      </fieldset>
      <fieldset>
        <legend>{publicList('legend')}</legend>
        <p className="hint">{publicList('hint')}</p>
        <CheckboxField state={state} name="listedPublicly" label={publicList('listPublicly')} stored={shelter.listedPublicly} />
      </fieldset>
      <fieldset>
        <legend>{t('checkIn')}</legend>
        <div className="row">
          <TextField state={state} name="checkInFrom" label={t('checkInFrom')} stored={shelter.checkInFrom} type="time" />
          <TextField state={state} name="checkInUntil" label={t('checkInUntil')} stored={shelter.checkInUntil} type="time" />
        </div>
        <TextField
          state={state}
          name="holdHours"
          label={t('holdHours')}
          hint={t('holdHoursHint')}
          stored={shelter.holdHours}
          type="number"
          min={1}
          max={72}
          inputMode="numeric"
        />
        <TextField state={state} name="checkOutBy" label={t('checkOutBy')} stored={shelter.checkOutBy} type="time" />
        <SelectField
          state={state}
          name="timeZone"
          label={t('timeZone')}
          stored={shelter.timeZone}
          options={zonesFor(shelter, cities).map((zone) => ({ value: zone, label: zone }))}
        />
      </fieldset>
      <fieldset>
        <legend>{t('stays')}</legend>
        <div className="row">
          <TextField
            state={state}
            name="usualNights"
            label={t('usualNights')}
            hint={t('usualNightsHint')}
            stored={shelter.usualNights}
            type="number"
            min={1}
            max={90}
            inputMode="numeric"
          />
          <TextField
            state={state}
            name="longestNights"
            label={t('longestNights')}
            hint={t('longestNightsHint')}
            stored={shelter.longestNights}
            type="number"
            min={1}
            max={90}
            inputMode="numeric"
          />
        </div>
      </fieldset>
      {TEXT_LOCALES.map((locale) => (
        <fieldset key={locale} lang={locale}>
          <legend>{t('textsIn', { language: languageNames(locale) })}</legend>
          <TextField
            state={state}
            name={`directions_${locale}`}
            label={t('directions')}
            stored={shelter.texts[locale]?.directions}
            maxLength={2000}
            multiline
          />
          <TextField
            state={state}
            name={`houseRules_${locale}`}
            label={t('houseRules')}
            stored={shelter.texts[locale]?.houseRules}
            maxLength={2000}
            multiline
          />
          <TextField
            state={state}
            name={`whatToBring_${locale}`}
            label={t('whatToBring')}
            stored={shelter.texts[locale]?.whatToBring}
            maxLength={2000}
            multiline
          />
        </fieldset>
      ))}
      <FormStatus state={state} />
      <SubmitButton>{t('save')}</SubmitButton>
    </form>
  );
}
