import { ActionButton } from '@/components/ui/action-button';
import type { NetworkSettingsView } from '@/lib/auth/settings-page';
import { getTranslations } from '@/lib/i18n/server';
import {
  addVettingCheckAction,
  removeVettingCheckAction,
  saveHomesSetting,
  saveIdleSetting,
  saveNetworkContact,
  saveSecondFactorSetting,
} from './actions';
import { ChecklistForm } from './checklist-form';
import { HomesForm } from './homes-form';
import { IdleForm } from './idle-form';
import { SecondFactorForm } from './second-factor-form';
import { SettingsForm } from './settings-form';

/** What every city lives by: the network's contact and the public form's ceiling, second factors, the idle limit, the offers' checklist. */
export async function NetworkSettingsSections({ network }: { network: NetworkSettingsView }) {
  const t = await getTranslations('settings');
  return (
    <>
      <section className="card">
        <SettingsForm action={saveNetworkContact} settings={network.settings} />
      </section>
      <section className="card" aria-labelledby="second-factor-title">
        <h2 id="second-factor-title">{t('secondFactorTitle')}</h2>
        <SecondFactorForm action={saveSecondFactorSetting} policy={network.settings.secondFactor} />
      </section>
      <section className="card" aria-labelledby="idle-title">
        <h2 id="idle-title">{t('idleTitle')}</h2>
        <IdleForm action={saveIdleSetting} idleMinutes={network.idleMinutes} />
      </section>
      <section className="card" aria-labelledby="checklist-title">
        <h2 id="checklist-title">{t('checklistTitle')}</h2>
        <p className="muted">{t('checklistIntro')}</p>
        {network.checklist.length === 0 ? <p className="empty">{t('checklistEmpty')}</p> : null}
        <ol>
          {network.checklist.map((check) => (
            <li key={check.id}>
              {check.label}
              {check.ticksNeeded === 2 ? <span className="muted"> · {t('checkTwoPeopleShort')}</span> : null}
              <ActionButton
                action={removeVettingCheckAction}
                fields={{ checkId: check.id }}
                label={t('checkRemove')}
                subject={check.label}
                confirm={t('checkRemoveConfirm')}
              />
            </li>
          ))}
        </ol>
        <ChecklistForm action={addVettingCheckAction} />
      </section>
      <section className="card" aria-labelledby="homes-title">
        <h2 id="homes-title">{t('homesTitle')}</h2>
        <p className="muted">{t('homesIntro')}</p>
        <HomesForm action={saveHomesSetting} kinds={network.homesVerifiedByTwo} />
      </section>
    </>
  );
}
