'use client';
import { useTranslations } from 'next-intl';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { CheckboxGroup } from '@/components/ui/checkbox-group';
import { FormStatus } from '@/components/ui/form-status';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { LANGUAGES } from '@/lib/validation/shelter-options';

/** Intake in under a minute: an alias, who they are by count, languages and needs. Nothing else. */
export function IntakeForm({ action, arrivedAtDefault }: { action: FormAction; arrivedAtDefault: string }) {
  const t = useTranslations('intake');
  const languageNames = useTranslations('languages');
  const [state, formAction] = useFormAction(action);
  const count = (name: string, label: string) => (
    <TextField state={state} name={name} label={label} type="number" min={0} max={30} stored={0} inputMode="numeric" />
  );
  return (
    <form action={formAction} className="stack" noValidate>
      <FormStatus state={state} />
      <TextField state={state} name="alias" label={t('alias')} hint={t('aliasHint')} maxLength={40} autoComplete="off" required />
      <fieldset>
        <legend>{t('who')}</legend>
        <div className="row">
          {count('adultMen', t('adultMen'))}
          {count('adultWomen', t('adultWomen'))}
          {count('children', t('children'))}
        </div>
      </fieldset>
      <CheckboxGroup state={state} name="languages" legend={t('languages')} stored={['ru']} options={LANGUAGES.map((l) => ({ value: l, label: languageNames(l) }))} />
      <fieldset>
        <legend>{t('needs')}</legend>
        <CheckboxField state={state} name="needsWheelchair" label={t('needsWheelchair')} />
        <CheckboxField state={state} name="hasPet" label={t('hasPet')} />
        <TextField state={state} name="needNote" label={t('needNote')} hint={t('needNoteHint')} maxLength={300} multiline />
      </fieldset>
      <TextField state={state} name="contact" label={t('contact')} hint={t('contactHint')} maxLength={100} autoComplete="off" />
      <TextField state={state} name="arrivedAt" label={t('arrivedAt')} type="datetime-local" stored={arrivedAtDefault} />
      <fieldset>
        <legend>{t('ahead')}</legend>
        <TextField state={state} name="expectedAt" label={t('expectedAt')} hint={t('expectedAtHint')} type="datetime-local" />
        <TextField state={state} name="nightsWanted" label={t('nightsWanted')} hint={t('nightsWantedHint')} type="number" min={1} max={90} inputMode="numeric" />
      </fieldset>
      <SubmitButton>{t('submit')}</SubmitButton>
    </form>
  );
}
