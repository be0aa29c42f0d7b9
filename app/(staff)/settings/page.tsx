import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import Link from '@/components/link';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/current-user';
import { idleMinutesOf } from '@/lib/auth/idle-setting';
import { can } from '@/lib/auth/policy';
import { readNetworkSettings } from '@/lib/requests/settings';
import { RATE_LIMITS } from '@/lib/security/rate-limits';
import { saveIdleSetting, saveNetworkContact, saveSecondFactorSetting } from './actions';
import { IdleForm } from './idle-form';
import { SecondFactorForm } from './second-factor-form';
import { SettingsForm } from './settings-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings'))('title') };
}

export default async function SettingsPage() {
  const user = await requireStaff();
  if (!can(user, 'city.edit')) notFound();
  const t = await getTranslations('settings');
  const citiesLink = (
    <p>
      <Link href="/settings/cities">{(await getTranslations('cities'))('fromSettings')} →</Link>
    </p>
  );
  // An admin of some cities keeps only their cities' own settings; what every city lives by is not theirs.
  if (!can(user, 'network.configure')) {
    return (
      <>
        <h1>{t('title')}</h1>
        <p className="muted">{t('introScoped')}</p>
        <p>
          <Link href="/settings/meeting-points">{(await getTranslations('meetingPoints'))('fromSettings')} →</Link>
        </p>
        {citiesLink}
      </>
    );
  }
  const settings = readNetworkSettings(getDb());
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">
        {t('intro', { perAddress: RATE_LIMITS['request.address'].refuse, perSharedAddress: RATE_LIMITS['request.sharedAddress'].refuse })}
      </p>
      <p>
        <Link href="/settings/meeting-points">{(await getTranslations('meetingPoints'))('fromSettings')} →</Link>
      </p>
      {citiesLink}
      <section className="card">
        <SettingsForm action={saveNetworkContact} settings={settings} />
      </section>
      <section className="card" aria-labelledby="second-factor-title">
        <h2 id="second-factor-title">{t('secondFactorTitle')}</h2>
        <SecondFactorForm action={saveSecondFactorSetting} policy={settings.secondFactor} />
      </section>
      <section className="card" aria-labelledby="idle-title">
        <h2 id="idle-title">{t('idleTitle')}</h2>
        <IdleForm action={saveIdleSetting} idleMinutes={idleMinutesOf(getDb())} />
      </section>
    </>
  );
}
