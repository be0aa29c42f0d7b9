'use client';

import { useTranslations } from 'next-intl';
import { FormStatus } from '@/components/ui/form-status';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import type { NetworkSettings } from '@/lib/requests/settings';

/** The network's contact for the public pages, and how many requests the public form takes per hour. */
export function SettingsForm({ action, settings }: { action: FormAction; settings: NetworkSettings }) {
  const t = useTranslations('settings');
  const [state, formAction] = useFormAction(action);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormStatus state={state} />
      <fieldset>
        <legend>{t('contactLegend')}</legend>
        <p className="hint">{t('contactHint')}</p>
        <TextField state={state} name="contactPhone" label={t('phone')} stored={settings.contact.phone} type="tel" maxLength={40} />
        <TextField
          state={state}
          name="contactTelegram"
          label={t('telegram')}
          hint={t('telegramHint')}
          stored={settings.contact.telegram}
          maxLength={60}
        />
        <TextField
          state={state}
          name="contactWhatsapp"
          label={t('whatsapp')}
          stored={settings.contact.whatsapp}
          type="tel"
          maxLength={40}
        />
      </fieldset>
      <fieldset>
        <legend>{t('requestsLegend')}</legend>
        <TextField
          state={state}
          name="requestsPerHour"
          label={t('requestsPerHour')}
          hint={t('requestsPerHourHint')}
          stored={settings.requestsPerHour}
          type="number"
          min={0}
          max={10000}
          inputMode="numeric"
        />
      </fieldset>
      <fieldset>
        <legend>{t('retentionLegend')}</legend>
        <TextField
          state={state}
          name="retentionDays"
          label={t('retentionDays')}
          hint={t('retentionDaysHint')}
          stored={settings.retentionDays}
          type="number"
          min={1}
          max={90}
          inputMode="numeric"
        />
      </fieldset>
      <SubmitButton>{t('save')}</SubmitButton>
    </form>
  );
}
