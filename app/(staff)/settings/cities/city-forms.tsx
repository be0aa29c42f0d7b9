'use client';

import { useTranslations } from 'next-intl';
import { ActionButton } from '@/components/ui/action-button';
import { FormStatus } from '@/components/ui/form-status';
import { nameFor } from '@/components/ui/name-for';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import type { CityForm } from '@/lib/cities/manage';

/** A city's names, address word, zone and public contact: empty to add one, filled to edit it. */
export function CityFields({ action, city, idPrefix }: { action: FormAction; city?: CityForm; idPrefix: string }) {
  const t = useTranslations('cities');
  const settings = useTranslations('settings');
  const [state, formAction] = useFormAction(action);
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <form action={formAction} className="stack" noValidate>
      {city ? <input type="hidden" name="cityId" value={city.id} /> : null}
      <fieldset>
        <legend>{t('names')}</legend>
        <TextField state={state} id={id('nameEn')} name="nameEn" label={t('nameEn')} stored={city?.names.en} maxLength={60} required />
        <TextField state={state} id={id('nameRu')} name="nameRu" label={t('nameRu')} stored={city?.names.ru} maxLength={60} lang="ru" />
        <TextField state={state} id={id('nameTr')} name="nameTr" label={t('nameTr')} stored={city?.names.tr} maxLength={60} lang="tr" />
        <TextField state={state} id={id('nameUk')} name="nameUk" label={t('nameUk')} stored={city?.names.uk} maxLength={60} lang="uk" />
      </fieldset>
      <TextField
        state={state}
        id={id('slug')}
        name="slug"
        label={t('slug')}
        hint={t('slugHint')}
        stored={city?.slug}
        maxLength={40}
        autoComplete="off"
      />
      <TextField
        state={state}
        id={id('timeZone')}
        name="timeZone"
        label={t('timeZone')}
        hint={t('timeZoneHint')}
        stored={city?.timeZone}
        maxLength={64}
        autoComplete="off"
        required
      />
      <fieldset>
        <legend>{t('contactLegend')}</legend>
        <p className="hint">{t('contactHint')}</p>
        <TextField
          state={state}
          id={id('contactPhone')}
          name="contactPhone"
          label={settings('phone')}
          stored={city?.contactPhone}
          type="tel"
          maxLength={40}
        />
        <TextField
          state={state}
          id={id('contactTelegram')}
          name="contactTelegram"
          label={settings('telegram')}
          hint={settings('telegramHint')}
          stored={city?.contactTelegram}
          maxLength={60}
        />
        <TextField
          state={state}
          id={id('contactWhatsapp')}
          name="contactWhatsapp"
          label={settings('whatsapp')}
          stored={city?.contactWhatsapp}
          type="tel"
          maxLength={40}
        />
      </fieldset>
      <FormStatus state={state} />
      <SubmitButton aria-label={nameFor(city ? t('save') : t('add'), city?.names.en ?? city?.slug)}>
        {city ? t('save') : t('add')}
      </SubmitButton>
    </form>
  );
}

/** Each city in its own card with its form; a delete that asks first, for admins of every city. */
export function CityList({ cities, save, remove }: { cities: CityForm[]; save: FormAction; remove?: FormAction }) {
  const t = useTranslations('cities');
  if (cities.length === 0) return <p className="empty">{t('empty')}</p>;
  return (
    <>
      {cities.map((city) => {
        const name = city.names.en ?? city.slug;
        return (
          <section key={city.id} className="card" aria-labelledby={`city-${city.id}-title`}>
            <h2 id={`city-${city.id}-title`}>{name}</h2>
            <p className="muted">{t('shelterCount', { count: city.shelterCount })}</p>
            <CityFields key={JSON.stringify(city)} action={save} city={city} idPrefix={`city-${city.id}`} />
            {remove ? (
              <ActionButton
                action={remove}
                fields={{ cityId: city.id }}
                label={t('delete')}
                subject={name}
                confirm={t('deleteConfirm', { name })}
              />
            ) : null}
          </section>
        );
      })}
    </>
  );
}
