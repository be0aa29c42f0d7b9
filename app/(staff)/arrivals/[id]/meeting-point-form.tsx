'use client';

import { useTranslations } from 'next-intl';
import { FormStatus } from '@/components/ui/form-status';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';

type Props = { action: FormAction; arrivalId: string; points: { id: string; name: string }[]; current: string | null };

/** Where the household is now (they took the bus from the airport): one of the network's meeting points. */
export function MeetingPointForm({ action, arrivalId, points, current }: Props) {
  const t = useTranslations('meetingPoints');
  const [state, formAction] = useFormAction(action);
  return (
    <form action={formAction} className="stack meeting-point-form" noValidate>
      <input type="hidden" name="arrivalId" value={arrivalId} />
      <SelectField
        state={state}
        name="meetingPointId"
        label={t('whereNow')}
        stored={current ?? ''}
        placeholder={t('nowhere')}
        options={points.map((point) => ({ value: point.id, label: point.name }))}
      />
      <p className="hint">{t('whereNowHint')}</p>
      <SubmitButton>{t('choose')}</SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
