'use client';

import { useTranslations } from 'next-intl';
import { FormStatus } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { NOTICE_TEXT_MAX } from '@/lib/notices/limits';

type Props = {
  action: FormAction;
  /** A shelter's notice carries its shelter; a city notice is posted with a choice of the caller's cities. */
  place: { shelterId: string; timeZone: string } | { cities: { value: string; label: string }[] };
  idPrefix: string;
};

const TEXT_FIELDS = ['textRu', 'textEn', 'textTr', 'textUk'] as const;
const LANGS = { textRu: 'ru', textEn: 'en', textTr: 'tr', textUk: 'uk' } as const;

/** Texts per language (at least one), and the end as a date and time in the place's zone. */
export function NoticeForm({ action, place, idPrefix }: Props) {
  const t = useTranslations('guestNotices');
  const [state, formAction] = useFormAction(action);
  return (
    <form action={formAction} className="stack" noValidate>
      {'shelterId' in place ? (
        <input type="hidden" name="shelterId" value={place.shelterId} />
      ) : (
        <SelectField
          state={state}
          id={`${idPrefix}-city`}
          name="cityId"
          label={t('city')}
          options={place.cities}
          placeholder={t('chooseCity')}
        />
      )}
      <fieldset>
        <legend>{t('texts')}</legend>
        {TEXT_FIELDS.map((name) => (
          <TextField
            key={name}
            state={state}
            id={`${idPrefix}-${name}`}
            name={name}
            label={t(name)}
            lang={LANGS[name]}
            multiline
            maxLength={NOTICE_TEXT_MAX}
          />
        ))}
      </fieldset>
      <TextField
        state={state}
        id={`${idPrefix}-endsAt`}
        name="endsAt"
        type="datetime-local"
        label={t('endsAt')}
        hint={'shelterId' in place ? t('endsAtHint', { zone: place.timeZone }) : t('endsAtCityHint')}
        required
      />
      <FormStatus state={state} />
      <SubmitButton>{t('post')}</SubmitButton>
    </form>
  );
}
