import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ClientMessages } from '@/components/client-messages';
import { getDb } from '@/db';
import { requireStaff } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { getTranslations } from '@/lib/i18n/server';
import { staffPage } from '@/lib/staff/staff-page';
import { InviteSection, PendingSection, PeopleSection } from './staff-sections';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('staff'))('title') };
}

export default async function StaffPage() {
  const user = await requireStaff();
  if (!can(user, 'staff.manage')) notFound();
  const now = new Date();
  const view = staffPage(getDb(), user, now, await getLocale());
  if (!view) notFound();
  const t = await getTranslations('staff');
  return (
    <ClientMessages namespaces={['account', 'errors', 'notices', 'roles', 'staff']}>
      <h1>{t('title')}</h1>
      <InviteSection view={view} />
      <PendingSection view={view} now={now} />
      <PeopleSection view={view} />
    </ClientMessages>
  );
}
