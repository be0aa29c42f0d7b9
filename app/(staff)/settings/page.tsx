import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ClientMessages } from '@/components/client-messages';
import Link from '@/components/link';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { settingsPage } from '@/lib/auth/settings-page';
import { getTranslations } from '@/lib/i18n/server';
import { NetworkSettingsSections } from './network-settings';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings'))('title') };
}

export default async function SettingsPage() {
  const user = await requireStaff();
  if (!can(user, 'city.edit')) notFound();
  const view = settingsPage(getDb(), user);
  if (!view) notFound();
  const { network } = view;
  const t = await getTranslations('settings');
  return (
    <ClientMessages namespaces={['account', 'errors', 'notices', 'settings']}>
      <h1>{t('title')}</h1>
      {/* An admin of some cities keeps only their cities' own settings; what every city lives by is not theirs. */}
      <p className="muted">
        {network
          ? t('intro', { perAddress: network.requestsPerAddress, perSharedAddress: network.requestsPerSharedAddress })
          : t('introScoped')}
      </p>
      <p>
        <Link href="/settings/meeting-points">{(await getTranslations('meetingPoints'))('fromSettings')} →</Link>
      </p>
      <p>
        <Link href="/settings/cities">{(await getTranslations('cities'))('fromSettings')} →</Link>
      </p>
      {network ? <NetworkSettingsSections network={network} /> : null}
    </ClientMessages>
  );
}
