import { languageName, type Translate } from '@/components/arrival/words';
import type { ArrivalLocale } from '@/lib/guest-link/locale';
import { fieldValue, type FormState } from '@/lib/forms';
import { LANGUAGES } from '@/lib/validation/shelter-options';

// The fields of the public forms (/request, /offer): plain HTML that works without JavaScript, each
// tied to its hint and, after a refusal, to its error in the reader's language.

type FieldProps = { state: FormState; t: Translate; name: string; hint?: boolean; ns?: 'request' | 'offer' } & React.InputHTMLAttributes<HTMLInputElement>;

/** Ties a field to its hint and, after a refusal, to its error in the reader's language. */
export function described(form: FormState, name: string, hint?: boolean) {
  const error = form.fieldErrors?.[name];
  const ids = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ');
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': ids || undefined };
}

export function FieldError({ form, t, name }: { form: FormState; t: Translate; name: string }) {
  const error = form.fieldErrors?.[name];
  return error ? (
    <p className="error" id={`${name}-error`}>
      {t(`errors.${error}`)}
    </p>
  ) : null;
}

export function Field({ state: form, t, name, label, hint, multiline, defaultValue, ns = 'request', ...input }: FieldProps & { label?: string; multiline?: boolean }) {
  const value = fieldValue(form, name, defaultValue as string | number | undefined);
  return (
    <div className="field">
      <label htmlFor={name}>{label ?? t(`${ns}.${name}`)}</label>
      {hint ? (
        <p className="hint" id={`${name}-hint`}>
          {t(`${ns}.${name}Hint`)}
        </p>
      ) : null}
      {multiline ? (
        <textarea id={name} name={name} defaultValue={value} rows={3} maxLength={input.maxLength} {...described(form, name, hint)} />
      ) : (
        <input id={name} name={name} defaultValue={value} {...input} {...described(form, name, hint)} />
      )}
      <FieldError form={form} t={t} name={name} />
    </div>
  );
}

export function Check({ form, name, label, value, checked }: { form: FormState; name: string; label: string; value?: string; checked: boolean }) {
  const id = value ? `${name}-${value}` : name;
  const typed = form.values?.[name];
  // After a refusal, what they ticked; on a fresh form, the defaults.
  const isChecked = form.values ? (value ? [typed ?? []].flat().includes(value) : typed === 'on') : checked;
  return (
    <label className="check" htmlFor={id}>
      <input type="checkbox" id={id} name={value ? `${name}[]` : name} value={value ?? 'on'} defaultChecked={isChecked} />
      {label}
    </label>
  );
}

/** The languages someone speaks, theirs ticked on a fresh form. */
export function LanguageChecks({ locale, state, legend }: { locale: ArrivalLocale; state: FormState; legend: string }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="langs">
        {LANGUAGES.map((language) => (
          <Check key={language} form={state} name="languages" value={language} label={languageName(locale, language)} checked={language === locale} />
        ))}
      </div>
    </fieldset>
  );
}

/** The stamp the form was handed out with and the field hidden from people (lib/requests/form-guard.ts). */
export function BotGuard({ t, stamp }: { t: Translate; stamp: string }) {
  return (
    <>
      <input type="hidden" name="stamp" value={stamp} />
      <div className="hp" aria-hidden="true">
        <label htmlFor="website">{t('request.honeypot')}</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
    </>
  );
}
