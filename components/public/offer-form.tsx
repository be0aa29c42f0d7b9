import type { Translate } from '@/components/arrival/words';
import { OFFER_GUESTS, OFFER_KINDS } from '@/db/schema/enums';
import type { ArrivalLocale } from '@/lib/guest-link/locale';
import { fieldValue, type FormState } from '@/lib/forms';
import { MAX_OFFER_CAPACITY, MAX_OFFER_NIGHTS, OFFER_RANGES } from '@/lib/validation/offer';
import { BotGuard, Check, described, Field, FieldError, LanguageChecks } from './form-fields';

type Props = {
  locale: ArrivalLocale;
  t: Translate;
  state: FormState;
  /** Where it posts: /offer for a new offer, the offer's own link for a change. */
  action: string;
  /** A new offer's form stamp (lib/requests/form-guard.ts); a change through the private link needs none. */
  stamp?: string;
  cities: { id: string; name: string }[];
  city?: string;
};

/** A choice among a few words: a select, lighter than radio buttons and as usable without script. */
function Choice({ form, t, name, options, chosen }: { form: FormState; t: Translate; name: string; options: { value: string; label: string }[]; chosen?: string }) {
  const value = fieldValue(form, name, chosen);
  return (
    <div className="field">
      <label htmlFor={name}>{t(`offer.${name}`)}</label>
      <select id={name} name={name} defaultValue={value} {...described(form, name)}>
        {!value ? <option value="">{t('offer.choose')}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError form={form} t={t} name={name} />
    </div>
  );
}

/** The place offered: a plain HTML form that works without JavaScript, for a new offer and for a change alike. */
export function OfferForm({ locale, t, state, action, stamp, cities, city }: Props) {
  const number = (name: string, max: number) => (
    <Field state={state} t={t} ns="offer" name={name} type="number" inputMode="numeric" min={1} max={max} required />
  );
  return (
    <form method="post" action={action} noValidate>
      <input type="hidden" name="lang" value={locale} />
      {stamp ? <BotGuard t={t} stamp={stamp} /> : <input type="hidden" name="intent" value="edit" />}
      <Choice form={state} t={t} name="cityId" options={cities.map((c) => ({ value: c.id, label: c.name }))} chosen={city ?? (cities.length === 1 ? cities[0].id : undefined)} />
      <Choice form={state} t={t} name="kind" options={OFFER_KINDS.map((kind) => ({ value: kind, label: t(`offer.kinds.${kind}`) }))} />
      {number('capacity', MAX_OFFER_CAPACITY)}
      <Choice form={state} t={t} name="guests" options={OFFER_GUESTS.map((who) => ({ value: who, label: t(`offer.guestKinds.${who}`) }))} />
      <LanguageChecks locale={locale} state={state} legend={t('offer.languages')} />
      <fieldset>
        <legend>{t('offer.details')}</legend>
        <Check form={state} name="pets" label={t('offer.pets')} checked={false} />
        <Check form={state} name="stepFree" label={t('offer.stepFree')} checked={false} />
      </fieldset>
      <fieldset>
        <legend>{t('offer.dates')}</legend>
        <p className="hint">{t('offer.datesHint', { ranges: OFFER_RANGES })}</p>
        <div>
          {Array.from({ length: OFFER_RANGES }, (_, i) => (
            <div key={i} className="range">
              <Field state={state} t={t} ns="offer" name={`from${i + 1}`} label={t('offer.from', { n: i + 1 })} type="date" />
              <Field state={state} t={t} ns="offer" name={`to${i + 1}`} label={t('offer.to', { n: i + 1 })} type="date" />
            </div>
          ))}
        </div>
      </fieldset>
      {number('longestNights', MAX_OFFER_NIGHTS)}
      <Field state={state} t={t} ns="offer" name="contact" hint maxLength={60} autoComplete="tel" required />
      <Field state={state} t={t} ns="offer" name="note" hint multiline maxLength={300} />
      <button type="submit">{t(stamp ? 'offer.submit' : 'offer.save')}</button>
    </form>
  );
}
