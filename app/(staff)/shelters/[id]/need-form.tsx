'use client';

import { useTranslations } from 'next-intl';
import { FormStatus } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { NEED_KINDS } from '@/db/schema/enums';

type Props = { action: FormAction; shelterId: string; min: string; max: string; noteMax: number };

/** List what the shelter needs now, until a last day: blankets, food, an interpreter. */
export function NeedForm({ action, shelterId, min, max, noteMax }: Props) {
  const t = useTranslations('needs');
  const [state, formAction] = useFormAction(action);
  return (
    <form action={formAction} className="stack" noValidate>
      <input type="hidden" name="shelterId" value={shelterId} />
      <div className="row">
        <SelectField
          state={state}
          id="need-kind"
          name="kind"
          label={t('kind')}
          options={NEED_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
        />
        <TextField
          state={state}
          id="need-last-day"
          name="lastDay"
          label={t('lastDay')}
          hint={t('lastDayHint')}
          type="date"
          min={min}
          max={max}
          required
        />
      </div>
      <TextField state={state} id="need-note" name="note" label={t('note')} hint={t('noteHint')} maxLength={noteMax} />
      <FormStatus state={state} />
      <SubmitButton>{t('submit')}</SubmitButton>
    </form>
  );
}
