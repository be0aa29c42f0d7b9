import { LanguageLinks, PrivacyLink } from '@/components/arrival/arrival-page';
import type { Translate } from '@/components/arrival/words';
import type { ArrivalLocale } from '@/lib/guest-link/locale';
import { fieldValue, type FormState } from '@/lib/forms';
import type { NetworkContact } from '@/lib/requests/settings';
import { MAX_HOUSEHOLD } from '@/lib/validation/arrival';
import { BotGuard, Check, described, Field, FieldError, LanguageChecks } from './form-fields';
import { HelpBox, localHref } from './help-box';

type Props = {
  locale: ArrivalLocale;
  t: Translate;
  state: FormState;
  stamp: string;
  /** Now on the network's clock, for a network that has no city yet. */
  arrivedAtDefault: string;
  /** Shown with a refusal that leaves the network's contact as the way forward. */
  contact: NetworkContact | null;
  /** The network's cities, each with now on its clock, and the one the link named (/request?city=yerevan). */
  cities: { id: string; name: string; now: string }[];
  city?: string;
};
/** A choice of city; with one city there is nothing to choose, so it is not asked. */
function CityChoice({ form, t, name, cities, chosen, optional }: { form: FormState; t: Translate; name: string; cities: Props['cities']; chosen?: string; optional?: boolean }) {
  const value = fieldValue(form, name, chosen);
  return (
    <div className="field">
      <label htmlFor={name}>{t(`request.${name}`)}</label>
      <select id={name} name={name} defaultValue={value} {...described(form, name)}>
        {optional || !value ? <option value="">{t(optional ? 'request.destinationNone' : 'request.chooseCity')}</option> : null}
        {cities.map((city) => (
          <option key={city.id} value={city.id}>
            {city.name}
          </option>
        ))}
      </select>
      <FieldError form={form} t={t} name={name} />
    </div>
  );
}

/** The request for a place: a plain HTML form that works without JavaScript, posted to /request. */
export function RequestForm({ locale, t, state, stamp, arrivedAtDefault, contact, cities, city }: Props) {
  // The landing time is read on the chosen city's clock. Without script the label cannot follow the
  // choice, so until a city is chosen the field is left empty (empty means "now" wherever they are).
  const chosen = cities.find((option) => option.id === (state.values?.cityId ?? city)) ?? (cities.length === 1 ? cities[0] : undefined);
  const arrivedAt = chosen
    ? { label: t('request.arrivedAt', { city: chosen.name }), now: chosen.now }
    : { label: t(cities.length > 0 ? 'request.arrivedAtUnchosen' : 'request.arrivedAtLocal'), now: cities.length > 0 ? '' : arrivedAtDefault };
  const count = (name: string) => <Field state={state} t={t} name={name} type="number" inputMode="numeric" min={0} max={MAX_HOUSEHOLD} defaultValue={0} />;
  return (
    <>
      <LanguageLinks locale={locale} t={t} />
      <p className="muted">
        <a href={localHref('/shelters', locale)}>← {t('request.back')}</a>
      </p>
      <h1>{t('request.title')}</h1>
      <p>{t('request.intro')}</p>
      {state.message ? (
        <section className="alert" role="alert">
          <p>{t(`request.${state.message}`)}</p>
        </section>
      ) : null}
      {contact ? <HelpBox contact={contact} t={t} /> : null}
      <section>
        <form method="post" action="/request" noValidate>
          <input type="hidden" name="lang" value={locale} />
          <BotGuard t={t} stamp={stamp} />
          <Field state={state} t={t} name="alias" hint maxLength={40} autoComplete="nickname" required />
          {cities.length > 1 ? (
            <>
              <CityChoice form={state} t={t} name="cityId" cities={cities} chosen={city} />
              <CityChoice form={state} t={t} name="destinationCityId" cities={cities} optional />
            </>
          ) : null}
          <fieldset>
            <legend>{t('request.who')}</legend>
            <div className="counts">
              {count('adultMen')}
              {count('adultWomen')}
              {count('children')}
            </div>
          </fieldset>
          <LanguageChecks locale={locale} state={state} legend={t('request.languages')} />
          <fieldset>
            <legend>{t('request.needs')}</legend>
            <Check form={state} name="needsWheelchair" label={t('request.needsWheelchair')} checked={false} />
            <Check form={state} name="hasPet" label={t('request.hasPet')} checked={false} />
          </fieldset>
          <Field state={state} t={t} name="needNote" hint multiline maxLength={300} />
          <Field state={state} t={t} name="contact" hint maxLength={100} autoComplete="off" required />
          <Field state={state} t={t} name="arrivedAt" label={arrivedAt.label} hint type="datetime-local" defaultValue={arrivedAt.now} />
          <button type="submit">{t('request.submit')}</button>
        </form>
      </section>
      <PrivacyLink locale={locale} t={t} />
    </>
  );
}
