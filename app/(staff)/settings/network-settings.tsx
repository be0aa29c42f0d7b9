import type { NetworkSettingsView } from '@/lib/auth/settings-page';
import { getTranslations } from '@/lib/i18n/server';
import { saveIdleSetting, saveNetworkContact, saveSecondFactorSetting } from './actions';
import { IdleForm } from './idle-form';
import { SecondFactorForm } from './second-factor-form';
import { SettingsForm } from './settings-form';

/** What every city lives by: the network's contact and the public form's ceiling, second factors, the idle limit. */
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
    </>
  );
}
